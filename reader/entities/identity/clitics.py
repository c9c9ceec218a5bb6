"""Which clitics a folder drops from its names: where the rest of the word is the
better-attested name (بتونس is ب + تونس; بغداد stays whole)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from reader.entities.identity.evidence import place_names, trusted_names
from reader.entities.identity.keys import bare_key, readings
from reader.entities.identity.survey import Survey

# at least this many letters must remain once a clitic is gone (keeps كل from becoming ل), or
# this many in the first word of a name of several words (بن قردان, بن عروس)
MIN_REST = 3
MIN_REST_IN_NAME = 2
# a clitic goes when the rest is a name of the same type in at least this many times the
# articles (and, with the index's frequencies, this many times as common a word)
CLITIC_RATIO = 2


def _with_article(key: str) -> str | None:
    """``امم المتحده`` → ``الامم المتحده``: the recogniser leaves out the article that a
    preceding لل swallowed (للأمم المتحدة); a definite word after it says the first was too."""
    first, _, tail = key.partition(" ")
    if not tail or first.startswith("ال") or len(first) < 3 or not tail.startswith("ال"):
        return None
    return f"ال{first} {tail}"


def clitic_strips(
    survey: Survey, word_df: Callable[[str], int] | None
) -> dict[str, tuple[int, str]]:
    """Surface key -> (clitic letters to drop, the key without them), where the rest is the
    better-attested name; also a lost article restored (امم المتحده → الامم المتحده)."""
    places, trusted, seen = place_names(), trusted_names(), survey.seen
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    for (key, kind), n in survey.votes.items():
        tally[key][kind] += n

    def kind_of(key: str) -> str | None:
        votes = tally.get(key)
        return max(votes, key=lambda k: (votes[k], k)) if votes else None

    def df(word: str) -> int:
        return word_df(word) if word_df is not None else 0

    def rest_is_better(whole: str, rest: str, first_whole: str, first_rest: str) -> bool:
        several = " " in rest
        # a name of several words may start with a short one (ببن قردان is ب + بن قردان)
        if len(first_rest) < (MIN_REST_IN_NAME if several else MIN_REST):
            return False
        rest_kind, whole_kind = kind_of(rest), kind_of(whole)
        clitic = first_whole[: len(first_whole) - len(first_rest)]
        definite = first_rest.startswith("ال")
        # ف and ك seldom take a name without its article: فورد, كاسياس
        unlikely = not definite and ("ف" in clitic or "ك" in clitic)
        known = rest in places or (rest_kind is not None and seen[rest] >= seen[whole])
        if several and not unlikely and known:
            # the same words with one more letter in front: the clitic, whatever type the
            # recogniser gave the clitic form (ببن قردان as a person; بن قردان, بن عروس the towns)
            return True
        if rest_kind is None:  # not a name of this folder: a town of the places list may do
            return rest in places and whole_kind == "LOC" and df(first_rest) >= df(first_whole)
        if unlikely:
            return False
        # the same kind of name, clearly more common (كابل is not ابل, the company; بتونس is
        # تونس); a person's name takes ب ل و less often than its lookalikes occur.
        # Several words named with and without the clitic on the first are one name however
        # the counts fall: لبطولة الرابطة is written more often than بطولة الرابطة.
        person = 3 if rest_kind == "PERS" else 1
        ratio = 0 if " " in rest else 1 if definite else CLITIC_RATIO * person
        if rest_kind != whole_kind or seen[rest] < ratio * seen[whole]:
            return False
        if " " in rest:
            return True
        return word_df is None or df(first_rest) >= ratio * max(df(first_whole), 1)

    strips: dict[str, tuple[int, str]] = {}
    for key in seen:
        if key in trusted:
            continue
        definite = _with_article(key)
        if definite is not None and seen.get(definite, 0) > seen[key]:
            strips[key] = (0, definite)
            continue
        first, _, tail = key.partition(" ")
        tail = f" {tail}" if tail else ""
        for letters, rest in readings(first):
            if rest_is_better(key, rest + tail, first, rest):
                strips[key] = (letters, rest + tail)
                break
    _article_forms(strips, seen, kind_of, trusted)
    return strips


def _article_forms(
    strips: dict[str, tuple[int, str]],
    seen: dict[str, int],
    kind_of: Callable[[str], str | None],
    trusted: frozenset[str],
) -> None:
    """Forms of one name that differ by the article or the accusative's alef (الفيفا and
    فيفا, الدولار, دولار and دولارا), the same type in the folder, go to the most frequent one:
    the search finds them all with either, so the facets list them once. Nothing is cut from
    the text (0 letters): the form is a variant of the name."""
    groups: dict[str, list[str]] = defaultdict(list)
    for key in seen:
        if key not in strips:
            groups[bare_key(key)].append(key)
    for keys in groups.values():
        if len(keys) < 2:
            continue
        best = max(keys, key=lambda k: (seen[k], k))
        for key in keys:
            if key != best and key not in trusted and kind_of(key) == kind_of(best):
                strips[key] = (0, best)
