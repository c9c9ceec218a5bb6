"""One identity per real-world name: the recogniser's spans of a folder, cleaned, typed and linked.

The recogniser tags each article on its own, so the same person shows up as ``يوسف الشاهد`` and
``الشاهد``, a place as ``إفريقيا`` and ``افريقيا`` or with a clitic glued on (``بتونس``), and page
debris (``على``, ``اف ام``, ``googletag``) as names. ``build_identities`` reads the spans of a whole
folder once and ``Identities.entities`` then gives each span of an article what the facets, the
``entity:`` filter, the reading pane and the export show:

- a span without leading or trailing punctuation, and without a leading clitic (و ف ب ل ك and
  their combinations) when the rest is the better-attested word: more frequent in the folder's
  text than the whole and known as a name (an entity of the folder or a gazetteer entry), so
  ``بتونس`` loses its ب but ``بغداد``, ``لبنان`` and ``كندا`` keep theirs;
- nothing for junk: function words, single letters, spelled-out Latin letters, Latin fragments;
- a type the folder agrees on: the recogniser's votes for that name across the folder, the words
  before it (``ولاية``, ``في``: a place; ``السيد``: a person), the Arab-world places list and
  organisation head words;
- a canonical name: a one-word name is linked to the full name of the same type the article uses
  (``الشاهد`` → ``يوسف الشاهد``), or, in an article without one, to the full name that dominates
  that word across the folder; spellings the search folds are one name; the name shown is the
  most frequent form of the fullest name.

Everything is keyed by normalised forms in dicts: two passes over the spans, no pairwise
comparison, so a folder of 100,000 articles costs a few seconds once per load.
"""

from __future__ import annotations

from reader.entities.identity.build import build_identities, build_with_values
from reader.entities.identity.evidence import PLACES, known_names, place_names, trusted_names
from reader.entities.identity.junk import FUNCTION_WORDS, LETTER_NAMES, is_junk
from reader.entities.identity.keys import name_key, trim
from reader.entities.identity.resolve import Entity, Identities, Identity, Mention

__all__ = [
    "FUNCTION_WORDS",
    "LETTER_NAMES",
    "PLACES",
    "Entity",
    "Identities",
    "Identity",
    "Mention",
    "build_identities",
    "build_with_values",
    "is_junk",
    "known_names",
    "name_key",
    "place_names",
    "trim",
    "trusted_names",
]
