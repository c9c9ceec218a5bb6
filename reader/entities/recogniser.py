"""The run-time recogniser: tokens in, BIO tags out; text in, entity spans out."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np

from reader.entities import paths
from reader.entities.consistency import bio_of, blocks, chunks_of, second_pass_extras
from reader.entities.crf_model import CrfModel, CrfPair, ModelFormatError, read_crf_model
from reader.entities.document_rules import apply_document_rules
from reader.entities.features import (
    MINED_COLUMN,
    PLACES_COLUMN,
    WORLD_NAMES_COLUMN,
    Analysis,
    FeatureExtractor,
)
from reader.entities.gazetteer import Gazetteer, read_entries
from reader.entities.lexicon import Lexicon
from reader.entities.mining import name_word_places, person_gazetteer
from reader.entities.name_rules import keyword_words
from reader.entities.votes import read_votes
from reader.model import Article, Span
from reader.text import normalize_token
from reader.text.normalize import INVISIBLES, MARKS, TATWEEL
from reader.text.tokenize import TOKEN_RE

# The CRF saw sentences of ANERcorp, which end at . ! ? ; long paragraphs without them are cut so
# one run-on line does not become one huge sequence.
_SENTENCE_END = frozenset(".!?؟")
MAX_SENTENCE = 120
# A run of punctuation (a line of "=" or "،") is cut too, so no sentence grows with the text; far
# above what news puts between two words, so no article's sentences change.
MAX_PUNCTUATION_RUN = 1000
# Texts longer than this are tagged a window of whole sentences at a time, each window a document
# of its own for the second pass: the tagger's memory (~160 bytes a character while a document is
# tagged) then grows with the window, not with the text. Five times the longest article of the ANT
# corpora (38 KB), so an article is one window and tagged as a whole.
WINDOW_CHARS = 100_000
_DROPPED = frozenset(MARKS + TATWEEL + INVISIBLES)
_PROCLITICS = frozenset("وفبلك")
# at least this many letters stay in the name once a clitic is left outside (as the facets do)
_MIN_REST = 3


class RecogniserUnavailable(Exception):
    """The entity model cannot be used; ``str(e)`` says why, for the user."""


class Recogniser:
    """Two CRFs: the first labels each sentence, the second revisits those labels knowing how the
    same words were labelled elsewhere in the document (``consistency.py``)."""

    def __init__(self, extractor: FeatureExtractor) -> None:
        """``extractor``: one that carries the models' weights (``scores``), as
        ``load_recogniser`` makes it."""
        self._extractor = extractor

    # -- tokens -----------------------------------------------------------------------------
    def tag_tokens(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO tags (``B-PERS``, ``I-LOC``, ``O``, ...) for each token of each sentence.

        Consecutive sentences are taken as one document in blocks of ``BLOCK``, as in training.
        """
        out: list[list[str]] = []
        for block in blocks(len(sentences)):
            out += self._tag_document([sentences[i] for i in block])
        return out

    def _tag_document(
        self, sentences: Sequence[Sequence[str]], keywords: frozenset[str] = frozenset()
    ) -> list[list[str]]:
        analysed, first, second = self._passes(sentences)
        second_tags = [bio_of(tags) if tags else [] for tags in second]
        return apply_document_rules(
            second_tags,
            first,
            sentences,
            [a.stems for a in analysed],
            mined=[a.mined for a in analysed],
            split=self._extractor.splitter.split,
            keywords=keywords,
        )

    def _passes(
        self, sentences: Sequence[Sequence[str]]
    ) -> tuple[list[Analysis], list[list[str]], list[list[str]]]:
        """Each sentence's analysis and its labels by the first and by the second CRF."""
        pair = self._extractor.scores
        if pair is None:
            raise ValueError("this recogniser's feature extractor has no model weights")
        analysed = [self._extractor.analyse(s) for s in sentences]
        scores = [a.scores for a in analysed]
        first = pair.decode(0, [s[:, : pair.split] for s in scores])  # type: ignore[index]
        return analysed, first, pair.decode(1, self._second_scores(analysed, first))

    def _second_scores(self, analysed: list[Analysis], first: list[list[str]]) -> list[np.ndarray]:
        """Each sentence's second-pass label scores: its first-pass features' weights in the
        second model plus those of ``second_pass_extras``."""
        pair = self._extractor.scores
        assert pair is not None  # _passes checked
        get, unknown = pair.ids.get, pair.unknown
        out = []
        extras = second_pass_extras([a.stems for a in analysed], first)
        for analysis, sentence in zip(analysed, extras, strict=True):
            scores = analysis.scores[:, pair.split :].copy()  # type: ignore[index]
            pair.add_rows(
                scores,
                [[get(f, unknown) for f in token] for token in sentence],
                np.s_[pair.split :],
            )
            out.append(scores)
        return out

    # -- text -------------------------------------------------------------------------------
    def find_entities(self, text: str, keywords: Iterable[str] = ()) -> list[Span]:
        """Entity spans over ``reader.text.tokenize`` offsets; leading proclitics left outside.
        ``keywords``: the article's tags, which complete a person's name the model cut short
        (``consistency.complete_names_from_keywords``). A text longer than ``WINDOW_CHARS`` is
        tagged in windows of whole sentences (``sentence_windows``)."""
        words = keyword_words(keywords)
        spans: list[Span] = []
        for sentences in sentence_windows(text, WINDOW_CHARS):
            spans += self._window_entities(sentences, words)
        if "@" in text or "://" in text or "www." in text:
            spans = _outside_addresses(text, spans)
        return spans

    def _window_entities(self, sentences: list[list[Unit]], keywords: frozenset[str]) -> list[Span]:
        found: list[tuple[list[Unit], str]] = []
        tagged = self._tag_document([[u[0] for u in units] for units in sentences], keywords)
        for units, tags in zip(sentences, tagged, strict=True):
            for first, last, kind in chunks_of(tags):
                words = [u for u in units[first:last] if u[3]]
                if words:
                    found.append((words, kind))
        # The article's own entities are the best evidence for a clitic the corpus counts cannot
        # settle: لبايدن next to بايدن elsewhere in the text.
        named = {normalize_token(w[0]) for words, _ in found for w in words}
        spans: list[Span] = []
        for words, kind in found:
            start = words[0][1] + self._clitic_length(words[0][0], named)
            end = words[-1][2]
            if start < end:
                spans.append(Span(start, end, kind))
        return spans

    def _clitic_length(self, surface: str, named: set[str]) -> int:
        """How many characters of ``surface`` are proclitics (و ب ل ف ك), in the original text."""
        norm = normalize_token(surface)
        clitic, _ = self._extractor.splitter.split(norm)
        if not clitic:
            for n in (1, 2):
                if norm[:n] and all(c in _PROCLITICS for c in norm[:n]) and norm[n:] in named:
                    clitic = norm[:n]
                    break
        rest = norm[len(clitic) :]
        if not clitic or len(rest) < _MIN_REST:
            return 0  # فاس is not ف + اس
        if ("ف" in clitic or "ك" in clitic) and not rest.startswith("ال") and rest not in named:
            return 0  # ف and ك seldom take a name without its article: فورد, كاسياس
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
            article,
            entities=tuple(self.find_entities(article.body, article.tags)),
            appended=appended,
        )


# an e-mail or web address written in a text (a press release's contact, a source's site)
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)[^\s<>\"]+")
Unit = tuple[str, int, int, bool]  # text, start, end, is a word token (not punctuation)


def _outside_addresses(text: str, spans: list[Span]) -> list[Span]:
    """The spans that are no part of an e-mail or web address: the tokeniser cuts
    press@health.gov.tn into words, and the model takes "press" or "health" for a name."""
    addresses = [m.span() for m in _ADDRESS.finditer(text)]
    if not addresses:
        return spans
    return [s for s in spans if not any(a < s.end and s.start < b for a, b in addresses)]


def sentence_windows(text: str, size: int) -> Iterator[list[list[Unit]]]:
    """``split_sentences(text)`` in consecutive groups spanning at most ``size`` characters (or one
    sentence, when a sentence is longer): a window ends where a sentence does, so no window boundary
    falls inside a word or a name the sentence splitting keeps whole. Offsets stay the text's."""
    window: list[list[Unit]] = []
    for units in split_sentences(text):
        if window and units[-1][2] - window[0][0][1] > size:
            yield window
            window = []
        window.append(units)
    if window:
        yield window


def split_sentences(text: str) -> Iterator[list[Unit]]:
    """Word tokens plus the punctuation between them, cut into sentences (lazily: a long text is
    never held as a list of tokens)."""
    units: list[Unit] = []
    pos = 0
    # the tokeniser's pattern itself: ``iter_tokens`` would also normalise each token, which
    # the features do once per word form instead
    for match in TOKEN_RE.finditer(text):
        start, end = match.span()
        if start > pos:
            gap = text[pos:start]
            if not gap.isspace():
                for offset, ch in enumerate(gap):
                    if not ch.isspace():
                        units.append((ch, pos + offset, pos + offset + 1, False))
                        if (ch in _SENTENCE_END or len(units) >= MAX_PUNCTUATION_RUN) and units:
                            yield units
                            units = []
            if "\n" in gap and units:
                yield units
                units = []
        units.append((match.group(), start, end, True))
        if len(units) >= MAX_SENTENCE:
            yield units
            units = []
        pos = end
    for offset, ch in enumerate(text[pos:]):
        if not ch.isspace():
            units.append((ch, pos + offset, pos + offset + 1, False))
            if len(units) >= MAX_PUNCTUATION_RUN:
                yield units
                units = []
    if units:
        yield units


def load_recogniser(path: Path | None = None) -> Recogniser:
    """Load the shipped model (or the ``.crfsuite`` file at ``path`` with its sibling files).

    The second-pass model, the lexicon and the metadata sit next to the model; the gazetteers in
    ``../gazetteers`` of the model's folder. Raises RecogniserUnavailable, never anything else,
    when a part is missing or unreadable, so the app can say so and go on without entities.
    """
    model = path or paths.MODELS / paths.MODEL
    folder = model.parent
    model2 = folder / paths.MODEL2
    gazetteers = folder.parent / "gazetteers"
    needed = [
        model,
        model2,
        folder / paths.LEXICON,
        folder / paths.ATTRIBUTES,
        folder / paths.VOTES,
        folder / paths.META,
        gazetteers / paths.CLDR,
        gazetteers / paths.NAMES,
    ]
    for file in needed:
        if not file.is_file():
            raise RecogniserUnavailable(f"entity model missing: {file}")
    _check_digests(folder)
    pair = CrfPair(_read_model(model), _read_model(model2))
    try:
        lexicon = Lexicon.read(folder / paths.LEXICON)
        known = frozenset((folder / paths.ATTRIBUTES).read_text(encoding="utf-8").split("\n"))
        # models trained before the stem clusters have no weights for them
        if any(a.startswith("sk") for a in known):
            stem_clusters = folder / paths.STEM_CLUSTERS
            if not stem_clusters.is_file():
                raise RecogniserUnavailable(f"entity model missing: {stem_clusters}")
            lexicon = lexicon.with_stem_clusters(stem_clusters)
        lists, name_words = _gazetteers(gazetteers, known)
        extractor = FeatureExtractor(
            lexicon,
            lists,
            known,
            read_votes(folder / paths.VOTES),
            name_words,
            scores=pair,
        )
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise RecogniserUnavailable(f"entity model unreadable: {exc}") from None
    return Recogniser(extractor)


def _gazetteers(
    gazetteers: Path, known: frozenset[str]
) -> tuple[list[tuple[str, Gazetteer]], dict[str, str]]:
    """The gazetteer columns the model weighs, and the mined names' usual places in a name.

    A list the model was trained without has no weights and need not be there; one it weighs
    must be."""
    lists = [
        ("gc", Gazetteer(read_entries(gazetteers / paths.CLDR))),
        ("gn", Gazetteer(read_entries(gazetteers / paths.NAMES))),
    ]
    name_words: dict[str, str] = {}
    mined = gazetteers / paths.MINED
    if any(a.startswith(("gm=", "gm-1=", "gm+1=", "mw=")) for a in known):
        if not mined.is_file():
            raise RecogniserUnavailable(f"entity model missing: {mined}")
        entries = read_entries(mined)
        lists.append((MINED_COLUMN, Gazetteer(person_gazetteer(entries))))
        name_words = name_word_places(entries)
    for column, name in ((PLACES_COLUMN, paths.PLACES), (WORLD_NAMES_COLUMN, paths.WORLD_NAMES)):
        if any(a.startswith((f"{column}=", f"{column}-1=", f"{column}+1=")) for a in known):
            path = gazetteers / name
            if not path.is_file():
                raise RecogniserUnavailable(f"entity model missing: {path}")
            lists.append((column, Gazetteer(read_entries(path))))
    return lists, name_words


def _check_digests(folder: Path) -> None:
    try:
        expected = json.loads((folder / paths.META).read_text(encoding="utf-8"))["sha256"]
        actual = paths.model_digests(folder)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise RecogniserUnavailable(
            f"entity model unreadable: {folder / paths.META}: {exc}"
        ) from None
    for name, digest in actual.items():
        if expected.get(name) != digest:
            raise RecogniserUnavailable(
                f"entity model corrupt: {folder / name}: does not match {paths.META}"
            )


def _read_model(model: Path) -> CrfModel:
    try:
        read = read_crf_model(model)
    except (OSError, ModelFormatError) as exc:
        raise RecogniserUnavailable(f"entity model corrupt: {model}: {exc}") from None
    if "O" not in read.labels:
        raise RecogniserUnavailable(f"entity model corrupt: {model}: no labels")
    return read
