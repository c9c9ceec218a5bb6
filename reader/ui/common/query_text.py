"""The search's messages about a query ("OR needs a word on each side", "no section is called
«رياضة»") in the interface's language.

The parser (``reader.index.query``) and the search write them in English and join several with
"; ". Each is given in Arabic here, the fixed ones whole and the ones that carry a value by a
pattern; a message not listed stays in English.
"""

from __future__ import annotations

import re

_FIXED: dict[str, str] = {
    "a lone '-' was ignored (write -word to exclude a word)": (
        "تُجوهلت علامة '-' منفردة (اكتب -كلمة لاستبعاد كلمة)"
    ),
    "a quotation mark was not closed; the rest was read as a phrase": (
        "لم تُغلق علامة اقتباس؛ قُرئ ما بعدها عبارةً واحدة"
    ),
    "OR needs a word on each side": "تحتاج OR (أو) إلى كلمة على كل جانب منها",
    "nothing to search for": "لا شيء يُبحث عنه",
}

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?P<f>\w+): needs a value, e\.g\. \w+:X"), "{f}: يحتاج إلى قيمة، مثل {f}:X"),
    (
        re.compile(r"(?P<p>.+)\*: a prefix needs at least (?P<n>\d+) letters"),
        "{p}*: تحتاج البادئة إلى {n} أحرف على الأقل",
    ),
    (
        re.compile(r"(?P<f>\w+): expects a date YYYY-MM-DD, not (?P<v>.+)"),
        "{f}: يُنتظر تاريخ بصيغة YYYY-MM-DD، لا {v}",
    ),
    (re.compile(r"nothing to search for in (?P<v>.+)"), "لا شيء يُبحث عنه في {v}"),
    (
        re.compile(r"-(?P<f>\w+): is not supported; use since: and until:"),
        "-{f}: غير مدعوم؛ استعمل since: (منذ:) وuntil: (حتى:)",
    ),
    (
        re.compile(r"is: expects starred, unread or read, not (?P<v>.+)"),
        "is: يُنتظر starred أو unread أو read (مميز، غير_مقروء، مقروء)، لا {v}",
    ),
    (re.compile(r"no article has the tag «(?P<v>.*)»"), "لا مقال يحمل الوسم «{v}»"),
    (re.compile(r"no source is called «(?P<v>.*)»"), "لا مصدر باسم «{v}»"),
    (re.compile(r"no section is called «(?P<v>.*)»"), "لا قسم باسم «{v}»"),
]


def query_text(message: str, language: str) -> str:
    """``message`` (one or several joined by "; ") as the interface in ``language`` shows it."""
    if language != "ar":
        return message
    # some messages hold "; " themselves: a part is tried joined to the next one first
    parts = message.split("; ")
    out = []
    i = 0
    while i < len(parts):
        pair = _arabic("; ".join(parts[i : i + 2]), joined=True) if i + 1 < len(parts) else None
        if pair is not None:
            out.append(pair)
            i += 2
            continue
        out.append(_arabic(parts[i]) or parts[i])
        i += 1
    return "؛ ".join(out)


def _arabic(part: str, *, joined: bool = False) -> str | None:
    """``part`` in Arabic, None when it is not listed. ``joined``: two parts joined again, for
    the messages holding "; " only (a value's pattern would take both)."""
    fixed = _FIXED.get(part)
    if fixed is not None and (not joined or "; " in part):
        return fixed
    for pattern, template in _PATTERNS:
        if joined and "; " not in pattern.pattern:
            continue
        match = pattern.fullmatch(part)
        if match is not None:
            return template.format(**match.groupdict())
    return None
