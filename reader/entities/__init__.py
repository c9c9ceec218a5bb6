"""Arabic named-entity recognition (issue 4): a CRF over cached word features, word clusters from
the unlabelled corpus and gazetteers. Training and evaluation: ``reader.entities.training``,
which the run-time modules never import; only python-crfsuite, numpy and the standard library at
run time.
"""

from reader.entities.recogniser import Recogniser, RecogniserUnavailable, load_recogniser

__all__ = ["Recogniser", "RecogniserUnavailable", "load_recogniser"]
