"""Pages behind a paywall: the page shows a teaser and a subscribe prompt ("اشترك الآن لقراءة
المقال كاملا"), while the data it carries for search engines (JSON-LD's ``articleBody``) holds
the whole article. That text is the article's when it is clearly longer and holds the teaser;
the prompt is never a paragraph of the article.
"""

from __future__ import annotations

import re

from reader.text.normalize import normalize

FULL_TEXT_NOTE = (
    "the page showed a teaser (a paywall): the text is the whole article from the page's "
    "embedded data (JSON-LD)"
)
# a subscribe or log-in prompt, matched on normalize()d lines (ا for أ, ه for ة, lower case)
_PROMPT = re.compile(
    r"(?:اشترك|اشتركوا|سجل (?:الدخول|دخولك)|الاشتراك)[^.]{0,40}?(?:لقراءه|لمتابعه|لاكمال|لمواصله"
    r"|للاطلاع علي)"
    r"|(?:لقراءه|لمتابعه|لاكمال) (?:المقال|الخبر|الموضوع|القصه)[^.]{0,20}?(?:كامل|بالكامل)"
    r"[^.]{0,40}?(?:اشترك|الاشتراك|سجل)"
    r"|(?:هذا|هذه) (?:المحتوي|المقال|الماده) (?:حصري|متاح|مخصص)[^.]{0,20}?(?:للمشتركين|للاعضاء)"
    r"|subscribe (?:now )?to (?:read|continue|unlock)|to continue reading,? (?:subscribe|log in)"
    r"|this (?:article|content) is (?:for|available to|reserved for) (?:subscribers|members)"
    r"|already a subscriber|abonnez-vous pour (?:lire|continuer)"
    r"|(?:article|contenu) r[ée]serv[ée] aux abonn[ée]s"
)
_PROMPT_MAX_CHARS = 250
# the last lines of a teaser, where the prompt stands
_TAIL_LINES = 3
_ELLIPSIS = re.compile(r"\s*(?:\.{2,}|…)\s*$")
# the whole article is this much longer than its teaser
_LONGER = 1.3
_LONGER_CHARS = 80
# how much of each teaser line must be found in the whole text
_MATCHED_CHARS = 60


def without_prompts(body: str) -> tuple[str, bool]:
    """The body without the subscribe prompts among its last lines, and whether it had one."""
    lines = body.split("\n")
    tail = len(lines) - _TAIL_LINES
    kept = [
        line
        for i, line in enumerate(lines)
        if i < tail or len(line) > _PROMPT_MAX_CHARS or not _PROMPT.search(normalize(line))
    ]
    return "\n".join(kept), len(kept) < len(lines)


def looks_cut(body: str, *, prompted: bool) -> bool:
    """Does the page's text look like a teaser: a prompt followed it, or it ends in "..."?"""
    return prompted or bool(_ELLIPSIS.search(body))


def holds_teaser(full: str, teaser: str) -> bool:
    """Is ``full`` clearly longer than ``teaser`` and does it hold each of its lines (the last
    one up to its "...")?"""
    if len(full) < len(teaser) * _LONGER + _LONGER_CHARS:
        return False
    whole = " ".join(normalize(full).split())
    for line in teaser.split("\n"):
        start = " ".join(normalize(_ELLIPSIS.sub("", line)).split())[:_MATCHED_CHARS]
        if start and start not in whole:
            return False
    return True
