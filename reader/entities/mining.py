"""Person and organisation names mined from unlabelled news with high-precision patterns.

Most names the recogniser misses never occur in ANERcorp (2007), but the news corpus mentions them
again and again right after a title (الرئيس الإيراني إبراهيم رئيسي, المرشد علي خامنئي) or inside an
organisation head (وزارة الخارجية, حركة حماس). Those contexts are mined here into a gazetteer
(``mined-names.tsv``) that the CRF sees as a feature, never as a label: it learns how far to trust
it. Training time only; the recogniser just reads the list.

PERS: trigger word (titles, learnt from the words that precede B-PERS in ANERcorp plus a fixed
list), then any ال-words (nisba adjectives, the ministry of وزير الخارجية, السابق), then 1-3 name
words up to a function word, a reporting verb, punctuation or another trigger. A name is kept
when seen in at least ``min_docs`` documents and none of its words is a common word the patterns
rarely see (``_is_common``). Last names of multi-word names are added when the corpus also uses
them alone often enough (ترامب from دونالد ترامب).

ORG: a head noun (وزارة, حزب, حركة, ...) and the 1-3 words after it; every prefix is counted and
the recurring ones kept.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from reader.entities.gazetteer import Entry
from reader.text import normalize, tokenize

PUNCT = ","  # stands for any punctuation between two words: a name never crosses it

TRIGGERS = frozenset(
    normalize(w)
    for w in (  # noqa: SIM905 (one string: the list reads as text)
        "الرئيس رئيس الوزير وزير النائب الشيخ الأمير الملك المرشد السيد السيدة الدكتور د. المتحدث "
        "الناطق الأمين المستشار الجنرال اللواء العقيد العميد الفريق المشير المدرب اللاعب الفنان "
        "الفنانة المغني المغنية الكاتب الكاتبة الممثل الممثلة النجم النجمة الرئيسة الوزيرة "
        "المستشارة السفير القاضي الإمام البابا الأميرة الملكة الزعيم القائد المبعوث المندوب "
        "السيناتور الحاكم المحافظ العاهل ولي نظيره نظيرته مدرب زعيم قائد"
    ).split()
)
ORG_HEADS = frozenset(
    normalize(w)
    for w in (  # noqa: SIM905 (one string: the list reads as text)
        "وزارة حزب حركة شركة منظمة وكالة جامعة مجلس هيئة جمعية بنك صندوق نادي اتحاد جبهة مؤسسة "
        "مركز جماعة تنظيم مصرف محكمة البنك الشركة المنظمة الاتحاد النادي"
    ).split()
)
# Words that end a name: particles, pronouns, prepositions, reporting verbs, time words.
STOP = frozenset(
    normalize(w)
    for w in (  # noqa: SIM905 (one string: the list reads as text)
        "في من إلى الى عن مع أن إن أنه انه إنه لن لم لا ما قد كان كانت يكون هو هي هم التي الذي "
        "الذين و أو او ثم بعد قبل خلال بين عند حول ضد منذ حتى لدى وفق عبر نحو قال قالت أكد أكدت "
        "أضاف أضافت أعلن أعلنت أشار أشارت أوضح أوضحت اعتبر اعتبرت يوم اليوم أمس غدا الأحد الاثنين "
        "الثلاثاء الأربعاء الخميس الجمعة السبت إنها انها أنها له لها كما أيضا ايضا وقال وقالت "
        "وأضاف وأكد وأعلن الذى ذلك هذا هذه رئيس وزير عن بشأن إثر اثر عقب لقاء زيارة مساء صباح "
        "اليوم هذه يوم فيه فيها به بها مجلس حكومة دولة جمهورية الوزراء إدارة لجنة منتخب فريق نادي "
        "بلدية هيئة وزارة"
    ).split()
)
MAX_NAME = 3
# normalisation folds the preposition على into the name علي; after a title it is the name
FOLDED_NAMES = frozenset({"علي"})
POSSESSIVE = ("ها", "هم", "هما", "ته", "تي", "نا", "كم")
COMMON_MIN = 50
COMMON_SHARE = 0.12
# a longer name is kept when it is this share of its shorter form's documents (not بانه)
EXTENSION_SHARE = 0.15
# second halves of compound names that are no name alone
NOT_ALONE = frozenset(normalize(w) for w in ["الله", "الدين", "الرحمن", "الرحيم", "الكريم"])
MAX_SKIP = 3


def line_words(text: str) -> Iterator[list[str]]:
    """Normalised words per line, with ``PUNCT`` wherever punctuation separates two words."""
    for line in text.split("\n"):
        words: list[str] = []
        pos = 0
        for tok in tokenize(line):
            if words and not line[pos : tok.start].isspace():
                words.append(PUNCT)
            words.append(tok.norm)
            pos = tok.end
        if words:
            yield words


def _trigger_form(word: str) -> str:
    """The word without a leading conjunction or preposition (والرئيس, للرئيس -> الرئيس)."""
    if word.startswith("لل"):
        return "ال" + word[2:]
    if len(word) > 4 and word[0] in "وفبل":
        return word[1:]
    return word


def _clitic_rests(word: str) -> list[str]:
    """What ``word`` would be without a leading و/ف and/or ب/ل/ك (لل restores the article)."""
    rests = []
    if word.startswith(("لل", "ولل", "فلل")):
        rests.append("ال" + word[word.index("لل") + 2 :])
    if len(word) > 3 and word[0] in "وفبلك":
        rests.append(word[1:])
        if len(word) > 4 and word[0] in "وف" and word[1] in "بلك":
            rests.append(word[2:])
    return rests


def _is_name_word(word: str) -> bool:
    return (
        word != PUNCT
        and word not in STOP
        and word not in TRIGGERS
        and len(word) >= 2
        and not any(ch.isdigit() or ch.isascii() for ch in word)
    )


def person_candidates(words: Sequence[str], triggers: frozenset[str]) -> Iterator[tuple[str, ...]]:
    """Name word sequences that follow a trigger in one line of words."""
    n = len(words)
    for i, word in enumerate(words):
        if word not in triggers and _trigger_form(word) not in triggers:
            continue
        j = i + 1
        skipped = 0
        # nisba adjectives and the rest of the title: الإيراني, الخارجية الأمريكي, السابق
        while j < n and skipped < MAX_SKIP and (words[j].startswith("ال") or words[j] == "باسم"):
            j += 1
            skipped += 1
        first = words[j] if j < n else PUNCT
        if not _is_name_word(first) or first.startswith("ال") or first in ORG_HEADS:
            continue
        name = [words[j]]
        j += 1
        while j < n and len(name) < MAX_NAME and _is_name_word(words[j]):
            name.append(words[j])
            j += 1
        yield tuple(name)


def org_candidates(words: Sequence[str]) -> Iterator[tuple[str, ...]]:
    """Every prefix (head + 1..3 words) of the word sequences after an organisation head."""
    n = len(words)
    for i, word in enumerate(words):
        head = word[2:] if word.startswith("ال") and word[2:] in ORG_HEADS else word
        if head not in ORG_HEADS:
            continue
        j = i + 1
        while j < n and j - i <= MAX_NAME and _is_name_word(words[j]):
            yield tuple(words[i : j + 1])
            j += 1


def learn_triggers(
    sentences: Iterable[Sequence[tuple[str, str]]], min_count: int = 3, min_precision: float = 0.3
) -> frozenset[str]:
    """Words that precede a person in labelled data often and reliably (normalised)."""
    before: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for sentence in sentences:
        for k, (word, tag) in enumerate(sentence):
            norm = normalize(word)
            total[norm] += 1
            if k + 1 < len(sentence) and sentence[k + 1][1] == "B-PERS" and tag == "O":
                before[norm] += 1
    return frozenset(
        w
        for w, c in before.items()
        if c >= min_count and c / total[w] >= min_precision and _is_title_like(w)
    )


def _is_title_like(word: str) -> bool:
    """Titles take the article (الشيخ, المهندس); nisba adjectives (المصري) are left out: they
    follow team and army names as often as people."""
    return word.startswith("ال") and not word.endswith("ي") and word not in STOP


@dataclass
class Miner:
    """Counts candidate names over documents; ``entries`` applies the thresholds."""

    triggers: frozenset[str] = TRIGGERS
    documents: int = 0
    word_counts: Counter[str] = field(default_factory=Counter)
    person_docs: dict[tuple[str, ...], set[int]] = field(default_factory=lambda: defaultdict(set))
    org_docs: dict[tuple[str, ...], set[int]] = field(default_factory=lambda: defaultdict(set))
    in_names: Counter[str] = field(default_factory=Counter)  # word -> uses after a trigger

    def add_document(self, text: str) -> None:
        doc = self.documents
        self.documents += 1
        for words in line_words(text):
            self.word_counts.update(words)
            for name in person_candidates(words, self.triggers):
                self.in_names.update(name)
                for k in range(1, len(name) + 1):
                    self.person_docs[name[:k]].add(doc)
            for name in org_candidates(words):
                self.org_docs[name].add(doc)

    def _is_common(self, word: str, in_names: Counter[str], alone: bool = False) -> bool:
        """A frequent word that the person patterns explain only a sliver of (كل, جديد)."""
        if word in FOLDED_NAMES and not alone:
            return False
        total = self.word_counts.get(word, 0)
        return total >= COMMON_MIN and in_names[word] / total < COMMON_SHARE

    def _looks_like_noun(self, word: str) -> bool:
        """A common noun or an inflected word rather than a name: the corpus mostly writes it
        with the article (حركة/الحركة), it carries a possessive ending (حكومتها), or it is a
        clitic + a more common word (لنابولي = ل + نابولي, بالمباراة)."""
        if word.startswith("ال"):
            return False
        counts = self.word_counts
        own = counts.get(word, 0)
        if counts.get("ال" + word, 0) > own:
            return True
        if word.endswith(POSSESSIVE):
            return True
        return any(counts.get(rest, 0) > 2 * own for rest in _clitic_rests(word))

    def entries(self, min_docs: int = 3, min_org_docs: int = 5) -> list[Entry]:
        people = {n: len(d) for n, d in self.person_docs.items() if len(d) >= min_docs}
        in_names = self.in_names
        kept = {
            n
            for n in people
            if not self._is_common(n[0], in_names, alone=len(n) == 1)
            and not any(self._looks_like_noun(w) for w in n)
            and (len(n) < 2 or not self._is_common(n[-1], in_names, alone=True))
            # a first name is followed by many surnames; a two-word name by few third words
            and (len(n) < 3 or people[n] >= EXTENSION_SHARE * people.get(n[:-1], 0))
        }
        # a shorter name seen inside a longer one (دونالد within دونالد ترامب) stays too
        out: set[Entry] = {("PERS", n) for n in kept}
        for name in kept:
            last = name[-1]
            if (
                len(name) > 1
                and not last.startswith("ال")
                and last not in NOT_ALONE
                and self.word_counts.get(last, 0) >= 10 * min_docs
                and not self._is_common(last, in_names, alone=True)
            ):
                out.add(("PERS", (last,)))
        for name, docs in self.org_docs.items():
            if len(docs) >= min_org_docs and name not in kept:
                out.add(("ORG", name))
        return sorted(out)


def mine(documents: Iterable[str], triggers: frozenset[str] = TRIGGERS, log=None) -> list[Entry]:
    miner = Miner(triggers=triggers)
    for text in documents:
        miner.add_document(text)
        if log and miner.documents % 10000 == 0:
            log(f"  mined {miner.documents:,} documents")
    return miner.entries()


def person_gazetteer(entries: Iterable[Entry]) -> list[Entry]:
    """The entries the CRF sees: persons only. Mined organisations cost ORG precision on dev
    (65.0 -> 63.2 F1): head + next words is too loose a pattern for a feature."""
    return [e for e in entries if e[0] == "PERS"]


def name_word_places(entries: Iterable[Entry]) -> dict[str, str]:
    """Each word of the mined person names -> F (a first word), L (a last word) or FL."""
    first: set[str] = set()
    last: set[str] = set()
    for kind, words in entries:
        if kind == "PERS" and len(words) > 1:
            first.add(words[0])
            last.add(words[-1])
    return {
        w: ("F" if w in first else "") + ("L" if w in last else "")
        for w in first | last
        if w not in FOLDED_NAMES
    }
