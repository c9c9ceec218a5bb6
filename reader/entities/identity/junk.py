"""Junk: spans that never stand alone as a name (function words, single letters, spelled-out
Latin letters, Latin fragments)."""

from __future__ import annotations

from reader.entities.identity.keys import is_mark, readings, word_set

# Function words and other words that never stand alone as a name, in normalised form. علي is
# one: normalised, على and the name Ali are one word, and many writers type على as علي (the
# name alone says little; علي in a full name stays).
FUNCTION_WORDS = word_set(
    """
    في من الي علي عن مع ان او ام لا لم لن ما ماذا هل قد كان كانت يكون هذا هذه ذلك تلك هؤلاء هولاء
    الذي التي الذين اللذين اللتين اللواتي اللاتي هو هي هم هما هن انا نحن انت انتم انه انها
    بعد قبل بين حول عند عندما حيث كما كل بعض غير سوي منذ خلال ضد نحو لدي حتي ثم اذا اذ لكن
    بل كي لكي لان ايضا فقط جدا اي ايه الا اما امام وراء تحت فوق دون مثل عبر الان اليوم امس
    غدا هنا هناك يوم عام سنه شهر قال وقال اكد اضاف وفق حسب السيد السيده الرئيس الوزير رئيس
    وزير الشيخ الدكتور ولايه الولايه مدينه المدينه معتمديه بلديه محافظه منطقه دوله الدوله
    الحكومه حكومه البلاد الشعب المجلس الوزاره وزاره الحزب حزب الجيش الشرطه الامن الفريق
    النادي الرابطه الملعب الامير الملك سيدي مولاي جنوب شمال شرق غرب وسط الجنوب الشمال الشرق
    الغرب الوسط
    """
)
# function words with alef maqsura, caught by their surface form too
FUNCTION_SURFACES = word_set("على إلى حتى متى لدى سوى مدى أنى")
# Latin letters spelled out in Arabic (اف ام for FM): two of them are a fragment, not a name;
# three or more are an acronym (بي بي سي)
LETTER_NAMES = word_set(
    "اي بي سي دي اف جي اتش اتشي ايتش جاي كي ال ام ان او كيو ار اس تي يو في دبليو اكس واي زد"
)


def _latin(word: str) -> bool:
    return all(ch.isascii() for ch in word)


def is_junk(surface: str, key: str) -> bool:
    """A span that never stands alone as a name: a function word, a single letter, spelled-out
    letters (two at most), a Latin fragment (lower case, or two letters at most)."""
    words = key.split()
    letters = sum(1 for ch in key if ch.isalpha())
    if letters < 2 or not words:
        return True
    if len(words) == 1:
        word = words[0]
        if word in FUNCTION_WORDS or len(word) <= 2:
            return True
        # a function word or common noun with a clitic (بولاية, وعلى) is no name either
        if any(rest in FUNCTION_WORDS for _, rest in readings(word)):
            return True
        bare = surface.replace("\u0640", "")
        if "".join(ch for ch in bare if not is_mark(ch)) in FUNCTION_SURFACES:
            return True
    if all(w in FUNCTION_WORDS for w in words):
        return True
    if len(words) <= 2 and all(w in LETTER_NAMES for w in words):
        return True
    if all(_latin(w) for w in words):
        raw = surface.strip()
        if not any(ch.isupper() for ch in raw) or len(key.replace(" ", "")) <= 2:
            return True
    return False
