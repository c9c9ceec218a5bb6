"""The search-box language, parsed into plain data (issue 3).

words                all must match (each by its normalised form or its light stem)
"exact phrase"       the words adjacent and in order, after normalisation
a OR b               either (binds tighter than the implicit AND: ``a OR b c`` = (a|b) & c)
-word  -"phrase"     must not match
tag:X  tag:"X Y"     source:X  entity:X   (also -tag:X, -source:X, -entity:X)
since:YYYY-MM-DD  until:YYYY-MM-DD
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.index.types import Filters


@dataclass(frozen=True, slots=True)
class Term:
    """One query word: as typed, and its normalised form."""

    text: str
    norm: str


@dataclass(frozen=True, slots=True)
class Phrase:
    """A sequence of words that must be adjacent (one word: a plain word).

    ``exact`` is True for quoted input: the words match by normalised surface form only, no stem.
    """

    words: tuple[Term, ...]
    exact: bool = False


@dataclass(frozen=True, slots=True)
class Clause:
    """Alternatives joined by OR; the clause matches when any alternative does."""

    alternatives: tuple[Phrase, ...]
    negated: bool = False


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A parsed query. ``clauses`` are ANDed; ``filters`` holds tag:/source:/entity:/since:/until:."""

    text: str = ""
    clauses: tuple[Clause, ...] = ()
    filters: Filters = field(default_factory=Filters)
    error: str | None = None

    @property
    def has_words(self) -> bool:
        """True when some positive clause has words (then results are ranked by relevance)."""
        return any(not c.negated for c in self.clauses)

    def highlight_terms(self) -> frozenset[str]:
        """Normalised forms of the words to highlight (those of positive clauses)."""
        return frozenset(
            w.norm for c in self.clauses if not c.negated for p in c.alternatives for w in p.words
        )


def parse_query(text: str) -> ParsedQuery:
    """Parse the search-box text. Never raises: malformed input gives ``error`` and a best reading."""
    raise NotImplementedError  # filled in by the next commit (API published first for the UI)


__all__ = ["Clause", "ParsedQuery", "Phrase", "Term", "parse_query"]
