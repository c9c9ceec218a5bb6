"""Building the entity model (training time only): ``python -m reader.entities.training``.

The run-time recogniser (``reader.entities``) never imports this package (an import-linter
contract in pyproject.toml): it needs babel, gensim and the shared data, which the app does not.

- ``cli``: the training command, step by step; ``inputs``: the lexicon, clusters and gazetteers
  it reads or builds; ``pipeline``: feature extractors with jackknifed name lists; ``fit``: the
  two CRF passes; ``attributes``: the attributes the recogniser keeps.
- ``crf``, ``bias``: CRFsuite training and the O penalty; ``selftrain``: corpus votes and
  self-training; ``corpus``, ``clusters``: unlabelled text and its word clusters.
- ``evaluate``: scores a model on a CoNLL file (``python -m reader.entities.training.evaluate``).
"""
