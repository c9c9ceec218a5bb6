"""A site's footer lines that scrapers keep at the end of a text: its copyright line ("جميع
الحقوق محفوظة © 2024 - صحيفة الرأي", "© 2024 Al Ayam. All rights reserved.") and its calls to
subscribe ("اشترك في النشرة البريدية", "اشترك الآن لقراءة المقال كاملا"). They are no part of the
article; ``debris.clean_line`` drops them with the share buttons. Only short lines count, and
the words must stand where a footer puts them: a sentence that mentions rights is text.
"""

from __future__ import annotations

import re

from reader.text.normalize import normalize

_MAX_CHARS = 160
_MAX_WORDS = 20
_RIGHTS = (
    r"(?:(?:جميع|كل|كافه)\s+)?(?:ال)?حقوق(?:\s+(?:النشر|الطبع|الملكيه))?(?:\s+\S+){0,2}?\s+محفوظه"
    r"|all\s+rights\s+reserved|tous\s+droits\s+r[ée]serv[ée]s|copyright"
)
# the rights phrase opening or closing the line, or a copyright sign anywhere in it
_COPYRIGHT = re.compile(rf"^\W*(?:{_RIGHTS})|(?:{_RIGHTS})\W*$|©|\(c\)\s*\d{{4}}", re.IGNORECASE)
# a call to subscribe opens with the verb, and names a newsletter or the rest of the article:
# "اشترك الوزير في الاجتماع" is news
_SUBSCRIBE = re.compile(r"^\W*(?:اشترك|اشتركوا|subscribe|sign\s+up|abonnez)", re.IGNORECASE)
_SUBSCRIBE_TO = re.compile(
    r"النشره|نشرتنا|newsletter|لقراءه\s+(?:المقال|الخبر|المزيد|باقي|بقيه)|to\s+(?:read|continue)"
    r"|(?:اشترك|اشتركوا)\s+(?:الان|مجانا)\W*$",
    re.IGNORECASE,
)
_SUBSCRIBE_MAX_WORDS = 12
# a piece of every pattern above, tested on the unfolded line
_HINTS = (
    "حقوق",
    "©",
    "(c)",
    "rights",
    "droits",
    "copyright",
    "اشترك",
    "subscri",
    "sign up",
    "abonnez",
)


def is_footer_line(line: str) -> bool:
    """A copyright line or a call to subscribe (the module's docstring)."""
    if len(line) > _MAX_CHARS:
        return False  # most lines stop here
    lowered = line.lower()
    if not any(hint in lowered for hint in _HINTS):
        return False  # and the rest here, before the line is folded
    words = line.split()
    if not words or len(words) > _MAX_WORDS:
        return False
    folded = normalize(line)
    if _COPYRIGHT.search(folded):
        return True
    return (
        len(words) <= _SUBSCRIBE_MAX_WORDS
        and _SUBSCRIBE.match(folded) is not None
        and _SUBSCRIBE_TO.search(folded) is not None
    )
