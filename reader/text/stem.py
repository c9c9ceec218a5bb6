"""Light stemming for search: one key per normalised word, so that ``الحرب``, ``والحرب`` and ``حرب``
meet (issue 3).

Three choices, picked by measurement (tests/benchmarks/bench_search.py, known-item MRR@10):

- ``light10``: Larkey, Ballesteros & Connell, "Light Stemming for Arabic Information Retrieval"
  (2007), the stemmer behind Lucene's ArabicStemmer: strip a leading و, then one of the
  article-bearing prefixes ال وال بال كال فال لل, then the suffixes ها ان ات ون ين يه ية ه ة ي once each in
  this order, as long as at least two letters remain (three for suffixes, measured). We add فبال and فلل, which light10
  leaves whole (وبال وكال ولل are covered: the و goes first), and strip a second ال that
  hamza folding exposes (الألعاب → العاب → عاب, like ألعاب → العاب → عاب). We also strip the
  alef of the indefinite accusative (هجوما → هجوم, قتيلا → قتيل, issue 16), see ``strip_tanween_alef``.
- ``snowball``: the Snowball Arabic stemmer through PyStemmer (heavier: also strips verb affixes).
- ``none``: the normalised form itself.

Every key also folds the hamza seats ؤ → و and ئ → ي: people who type without hamza write
``مسوول``/``رييس``, and normalize() (shared with the recogniser) deliberately keeps them apart.
Input is the output of ``normalize`` (ة already ه, ى already ي), so the suffix ة never occurs.
"""

from __future__ import annotations

from collections.abc import Callable

STEMMERS: tuple[str, ...] = ("light10", "snowball", "none")

# Tried after a leading و is gone, longest first. light10 has ال بال كال فال لل; فبال فلل are ours.
_PREFIXES: tuple[str, ...] = ("فبال", "فلل", "بال", "كال", "فال", "لل", "ال")
_SUFFIXES: tuple[str, ...] = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")

# A final ا that is not the accusative's, read from the corpus's words ending in ا (41,000 ANT
# articles): pronouns ها هما نا (عليها, بينهما, لدينا, اننا, kept as light10 keeps them), verbs
# in وا (قالوا), and endings that are mostly names, whose stem would meet the nisba adjective or
# another word: يا (سوريا, روسيا; also the adverbs حاليا, رسميا), كا (أمريكا, بلجيكا), ندا (كندا,
# هولندا), ينا (فيينا, سيرينا).
_ALEF_KEPT_ENDINGS: tuple[str, ...] = ("ها", "هما", "يا", "وا", "كا", "ندا", "ينا", "ننا")
# The frequent rest that would meet another word (each met at least 90 times in the corpus): names
# (فرنسا with فرنسي, ناسا with الناس, بابا with باب, درعا with درع) and the conjunctions in ما
# (بعدما with بعدم, مهما with مهم).
_ALEF_KEPT: frozenset[str] = frozenset(
    (  # noqa: SIM905 (word lists read better as text)
        "اوروبا فرنسا سويسرا فنزويلا روما بنما بورما كوبا مالطا ناسا سانا درعا بابا نيكولا سيلفا "
        "تسلا اوبرا انجيلا عندما بعدما بينما فيما ربما حسبما مهما حينما طالما لطالما مثلما كلما "
        "انما سيما لاسيما كيفما اينما حيثما قلما"
    ).split()
)


def fold_hamza(word: str) -> str:
    """ؤ → و and ئ → ي (matching keys only)."""
    if "ؤ" in word:
        word = word.replace("ؤ", "و")
    if "ئ" in word:
        word = word.replace("ئ", "ي")
    return word


def _is_arabic(word: str) -> bool:
    return "\u0600" <= word[0] <= "\u06ff"


def light10(word: str) -> str:
    """Larkey's light10 on a normalised word (see the module docstring)."""
    if len(word) < 3 or not _is_arabic(word):
        return word
    word = strip_tanween_alef(strip_article(word))
    for s in _SUFFIXES:
        # light10 lets two letters remain; three keeps غزة, ولاية, كلمة from collapsing onto
        # غز, لا, كل (function words in every article) and scored better on the known-item
        # test (success@10 0.980 vs 0.978, MRR@10 0.912 vs 0.910; seed 7: 0.925 vs 0.922)
        if word.endswith(s) and len(word) - len(s) >= 3:
            word = word[: -len(s)]
    return word


def strip_article(word: str) -> str:
    """light10's prefix step: a leading و, then one article-bearing prefix (see the module
    docstring); at least two letters remain."""
    # the conjunction first, only when three letters remain (light10's rule)
    if word.startswith("و") and len(word) >= 4:
        word = word[1:]
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 2:
            word = word[len(p) :]
            # الألعاب is ال + ألعاب, and ألعاب folds to العاب: strip that too, or the two never meet
            if word.startswith("ال") and len(word) >= 4:
                word = word[2:]
            break
    return word


def strip_tanween_alef(word: str) -> str:
    """A normalised word without the alef of the indefinite accusative (اختناقا → اختناق), so
    that a query for either form finds both; at least three letters remain (جدا, معا stay).

    Crime and war reporting is full of the form (قتل ٢٠ شخصا, شن هجوما). Before the suffixes: the
    rest then stems as the bare word does (مليونا → مليون → ملي)."""
    if (
        len(word) >= 4
        and word.endswith("ا")
        and not word.endswith(_ALEF_KEPT_ENDINGS)
        and word not in _ALEF_KEPT
    ):
        return word[:-1]
    return word


def _snowball() -> Callable[[str], str]:
    import Stemmer

    return Stemmer.Stemmer("arabic").stemWord


def make_stemmer(name: str) -> Callable[[str], str]:
    """A function from a normalised word to its matching key; ``name`` is one of STEMMERS."""
    if name == "light10":
        base: Callable[[str], str] = light10
    elif name == "snowball":
        base = _snowball()
    elif name == "none":
        return fold_hamza
    else:
        raise ValueError(f"unknown stemmer {name!r}; choose from {', '.join(STEMMERS)}")

    def stem(word: str) -> str:
        # fold first, so the suffix rules see خاطيه whether the user typed خاطئة or خاطية
        word = fold_hamza(word)
        key = base(word)
        # a stem too short to mean anything would merge unrelated words; keep the word then
        return key if len(key) >= 2 else word

    return stem


def strip_clitic(word: str) -> tuple[str, ...]:
    """Readings of the word without its leading proclitics (و ف ب ل ك, or و/ف then ب ل ك).

    ``فلعدم`` gives ``لعدم`` and ``عدم``; ``فبركان`` gives ``بركان`` (and ``ركان``, which will not be
    in the vocabulary). Used only at query time, and only when a reading is a far more common
    word than the whole (``بغزه`` → ``غزه``, but not ``كبير`` → ``بير``): see Index. At least three
    letters remain.
    """
    readings: list[str] = []
    if len(word) >= 4 and word[0] in "وفبلك":
        readings.append(word[1:])
        if len(word) >= 5 and word[:2] in _TWO_CLITICS:
            readings.append(word[2:])
    return tuple(readings)


_TWO_CLITICS = frozenset(a + b for a in "وف" for b in "بلك")
