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
# a publisher's own formula: all rights, or the rights of publishing or printing (the rights of
# an author, of martyrs or of workers are news)
_RIGHTS = (
    r"(?:جميع|كل|كافه)\s+(?:ال)?حقوق(?:\s+\S+){0,3}?\s+محفوظه"
    r"|حقوق\s+(?:النشر|الطبع)(?:\s+و(?:ال)?(?:النشر|الطبع|التوزيع))?\s+محفوظه"
    r"|all\s+rights\s+reserved|tous\s+droits\s+r[ée]serv[ée]s"
)
# the formula opening or closing the line; a copyright sign or "Copyright 2024" with a name of
# rights beside it, or opening a line of a few words ("© 2024 Al Ayam.")
_COPYRIGHT = re.compile(
    rf"^\W*(?:{_RIGHTS})|(?:{_RIGHTS})\W*$"
    r"|^\W*(?:©|\(c\)|copyright\s*(?:©|\(c\))?)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)[\s,.-]",
    re.IGNORECASE,
)
_RIGHTS_WORDS = re.compile(r"حقوق|محفوظ|rights|reserved|droits", re.IGNORECASE)
_SIGNED_MAX_WORDS = 8

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
        # a sign over a short line is a site's; one in a longer line must name rights too
        return len(words) <= _SIGNED_MAX_WORDS or _RIGHTS_WORDS.search(folded) is not None
    return (
        len(words) <= _SUBSCRIBE_MAX_WORDS
        and _SUBSCRIBE.match(folded) is not None
        and _SUBSCRIBE_TO.search(folded) is not None
    )
