"""The run-time recogniser: tokens in, BIO tags out; text in, entity spans out."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from pathlib import Path

import pycrfsuite

from reader.entities import paths
from reader.entities.conll import entity_chunks
from reader.entities.features import FeatureExtractor
from reader.entities.gazetteer import Gazetteer, read_entries
from reader.entities.lexicon import Lexicon
from reader.model import Article, Span
from reader.text import normalize_token, tokenize
from reader.text.normalize import INVISIBLES, MARKS, TATWEEL

# The CRF saw sentences of ANERcorp, which end at . ! ? ; long paragraphs without them are cut so
# one run-on line does not become one huge sequence.
_SENTENCE_END = frozenset(".!?؟")
MAX_SENTENCE = 120
_DROPPED = frozenset(MARKS + TATWEEL + INVISIBLES)


class RecogniserUnavailable(Exception):
    """The entity model cannot be used; ``str(e)`` says why, for the user."""


class Recogniser:
    def __init__(self, tagger: pycrfsuite.Tagger, extractor: FeatureExtractor) -> None:
        self._tagger = tagger
        self._extractor = extractor

    # -- tokens -----------------------------------------------------------------------------
    def tag_tokens(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO tags (``B-PERS``, ``I-LOC``, ``O``, ...) for each token of each sentence."""
        return [self._tag(sentence) for sentence in sentences]

    def _tag(self, tokens: Sequence[str]) -> list[str]:
        if not tokens:
            return []
        return self._tagger.tag(self._extractor.sentence(tokens))

    # -- text -------------------------------------------------------------------------------
    def find_entities(self, text: str) -> list[Span]:
        """Entity spans over ``reader.text.tokenize`` offsets; leading proclitics left outside."""
        spans: list[Span] = []
        for units in _sentences(text):
            tags = self._tag([u[0] for u in units])
            for first, last, kind in entity_chunks(tags):
                words = [u for u in units[first:last] if u[3]]
                if not words:
                    continue
                surface, start = words[0][0], words[0][1]
                start += self._clitic_length(surface)
                end = words[-1][2]
                if start < end:
                    spans.append(Span(start, end, kind))
        return spans

    def _clitic_length(self, surface: str) -> int:
        """How many characters of ``surface`` are proclitics (و ب ل ف ك), in the original text."""
        clitic, _ = self._extractor.splitter.split(normalize_token(surface))
        if not clitic:
            return 0
        want, i = len(clitic), 0
        while i < len(surface) and want:
            if surface[i] not in _DROPPED:
                want -= 1
            i += 1
        while i < len(surface) and surface[i] in _DROPPED:
            i += 1  # a mark on the clitic belongs to it
        return i if i < len(surface) else 0

    def annotate(self, article: Article) -> Article:
        """The article with ``entities`` on its body and on each appended article's body."""
        appended = tuple(
            dataclasses.replace(a, entities=tuple(self.find_entities(a.body)))
            for a in article.appended
        )
        return dataclasses.replace(
            article, entities=tuple(self.find_entities(article.body)), appended=appended
        )


Unit = tuple[str, int, int, bool]  # text, start, end, is a word token (not punctuation)


def _sentences(text: str) -> Iterator[list[Unit]]:
    """Word tokens plus the punctuation between them, cut into sentences."""
    units: list[Unit] = []
    pos = 0
    for tok in tokenize(text):
        if tok.start > pos:
            gap = text[pos : tok.start]
            if not gap.isspace():
                for offset, ch in enumerate(gap):
                    if not ch.isspace():
                        units.append((ch, pos + offset, pos + offset + 1, False))
                        if ch in _SENTENCE_END and units:
                            yield units
                            units = []
            if "\n" in gap and units:
                yield units
                units = []
        units.append((tok.text, tok.start, tok.end, True))
        if len(units) >= MAX_SENTENCE:
            yield units
            units = []
        pos = tok.end
    for offset, ch in enumerate(text[pos:]):
        if not ch.isspace():
            units.append((ch, pos + offset, pos + offset + 1, False))
    if units:
        yield units


def load_recogniser(path: Path | None = None) -> Recogniser:
    """Load the shipped model (or the ``.crfsuite`` file at ``path`` with its sibling files).

    The lexicon and metadata sit next to the model; the gazetteers in ``../gazetteers`` of the
    model's folder. Raises RecogniserUnavailable, never anything else, when a part is missing or
    unreadable, so the app can say so and go on without entity highlighting.
    """
    model = path or paths.MODELS / paths.MODEL
    folder = model.parent
    gazetteers = folder.parent / "gazetteers"
    needed = [model, folder / paths.LEXICON, gazetteers / paths.CLDR, gazetteers / paths.NAMES]
    for file in needed:
        if not file.is_file():
            raise RecogniserUnavailable(f"entity model missing: {file}")
    try:
        lexicon = Lexicon.read(folder / paths.LEXICON)
        extractor = FeatureExtractor(
            lexicon,
            [
                ("gc", Gazetteer(read_entries(gazetteers / paths.CLDR))),
                ("gn", Gazetteer(read_entries(gazetteers / paths.NAMES))),
            ],
        )
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise RecogniserUnavailable(f"entity model unreadable: {exc}") from None
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(model))
        labels = set(tagger.labels())
    except (OSError, ValueError) as exc:
        raise RecogniserUnavailable(f"entity model corrupt: {model}: {exc}") from None
    if "O" not in labels:
        raise RecogniserUnavailable(f"entity model corrupt: {model}: no labels")
    return Recogniser(tagger, extractor)
