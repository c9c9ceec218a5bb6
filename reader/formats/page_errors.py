"""Saved pages that are no article: a server's error page (page not found, access denied, server
error) or a bot check (Cloudflare's "Just a moment...", a captcha) saved in place of the article.
A scraper that saves whatever the server answered writes them beside the articles; read as
articles they would be silently wrong ones, titled "Page not found".

A page is one when its title or main heading reads like one (in Arabic, English or French) or
its markup is a known challenge's, and its own text is short: an article about a 404 error or
with a captcha under its comment form is long.
"""

from __future__ import annotations

import re
from typing import Any

from reader.text.normalize import normalize

# an error or challenge page says little; an article's text is longer
_ERROR_TEXT_MAX = 1000
_CHECK_TEXT_MAX = 2000
# a challenge page's own text: a line or two ("Checking if the site connection is secure")
_MARKUP_TEXT_MAX = 400
# a page's own text longer than this is an article's, whatever its title says
_MEASURED = 2 * _CHECK_TEXT_MAX
_HEADINGS = "(//title)[1] | (//h1)[1]"
# what a site's article page says of itself: no error page or challenge carries it
_ARTICLE_META = (
    "//meta[@property='article:published_time' or @name='article:published_time'"
    " or ((@property='og:type' or @name='og:type') and @content='article')]"
)
# Patterns run on normalize()d text: hamza alefs folded to ا, ة to ه, ى to ي, lower case.
_ERROR_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "page not found",
        re.compile(
            r"^\W*(?:error\W*)?404\W*$|\b404\b\W*(?:error|not found|page|(?:ال)?صفحه)"
            r"|(?:error|erreur|خطا)\W*404\b|\bpage not found\b|^\W*not found\W*$"
            r"|page (?:you (?:requested|are looking for)|requested) (?:could not be found"
            r"|(?:does not|doesn't|no longer) exists?)|\bpage introuvable\b|page non trouv[ée]e"
            r"|page (?:demand[ée]e|que vous recherchez) n'existe (?:pas|plus)"
            r"|(?:الصفحه|الرابط|المحتوي|المقال|الخبر)[^.]{0,40}?"
            r"(?:غير موجود|غير متوفر|غير متاح|لم يعد موجود|لم تعد موجود|تم حذف|محذوف)"
            r"|لم (?:يتم|نتمكن من|نستطع) (?:العثور|ايجاد) علي (?:الصفحه|الرابط|المحتوي|ما تبحث)"
            r"|لا توجد صفحه"
        ),
    ),
    (
        "access denied",
        re.compile(
            r"\b403\b\W*forbidden|^\W*forbidden\W*$|^\W*(?:403\W*)?access denied\W*$"
            r"|you don't have permission"
            r"|acc[èe]s (?:refus[ée]|interdit)|(?:تم )?رفض الوصول|الوصول (?:مرفوض|ممنوع)"
            r"|ممنوع الوصول"
        ),
    ),
    (
        "server error",
        re.compile(
            r"\b50[0234]\b\W*(?:internal server error|bad gateway|service (?:temporarily )?"
            r"unavailable|gateway time-?out)|^\W*(?:internal server error|service unavailable"
            r"|bad gateway)\W*$|error establishing a database connection|erreur interne du serveur"
            r"|service indisponible|خطا (?:في |ب)(?:ال)?(?:خادم|سيرفر)"
        ),
    ),
    (
        "site under maintenance",
        re.compile(
            r"(?:site|website|page|we are|we're)\W+(?:is\W+|are\W+)?(?:currently\W+)?under"
            r" maintenance|^\W*(?:under )?maintenance\W*$|(?:site|page) en maintenance"
            r"|^\W*en maintenance\W*$|(?:الموقع|الصفحه) (?:تحت|قيد) الصيانه"
        ),
    ),
)
# a challenge's markup: its form, its scripts' path (not the scripts a firewall adds to every
# page, nor a captcha under a comment form)
_CHECK_MARKUP = (
    "//*[contains(@id, 'challenge-form') or contains(@id, 'cf-challenge')"
    " or contains(@class, 'cf-challenge') or contains(@id, 'cf-wrapper')"
    " or contains(@class, 'cf-browser-verification') or contains(@id, 'px-captcha')"
    " or contains(@src, 'chl_page') or contains(@src, 'captcha-delivery')"
    " or contains(@src, '_Incapsula_Resource') or contains(@action, '__cf_chl')]"
)
_CHECK_TEXT = re.compile(
    r"^\W*just a moment\W*$|checking (?:if the site connection is secure|your browser)"
    r"|verify(?:ing)? (?:that )?you are (?:a )?human|are you a (?:robot|human)"
    r"|enable javascript and cookies to continue|^\W*attention required|ddos protection by"
    r"|complete the security check|please (?:solve|complete) the captcha|incapsula incident"
    r"|v[ée]rification (?:de s[ée]curit[ée]|que vous (?:n'[êe]tes pas un robot|[êe]tes humain))"
    r"|التحقق من انك (?:انسان|لست)|لست (?:روبوت|روبوتا|برنامج)|تحقق امني"
)
# who served the check, for the message; the user can tell the site's own page from a firewall
_PROVIDERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "Cloudflare",
        re.compile(r"cloudflare|cf-|__cf|just a moment|connection is secure|checking your browser"),
    ),
    ("DDoS-Guard", re.compile(r"ddos-guard")),
    ("Sucuri", re.compile(r"sucuri")),
    ("Imperva Incapsula", re.compile(r"incapsula")),
    ("DataDome", re.compile(r"datadome|captcha-delivery")),
    ("PerimeterX", re.compile(r"px-captcha|perimeterx")),
)


def not_an_article(tree: Any, page_text: str) -> str | None:
    """Why the page is no article (a bot check or an error page), None for any other page.
    ``page_text``: the page's text outside scripts and furniture."""
    if len(page_text) > _MEASURED:
        return None  # an article's length (folding drops marks only: at most halves a text)
    own_text = normalize(page_text)
    if len(own_text) > _CHECK_TEXT_MAX:
        return None  # most articles stop here, before any search of the page's elements
    if tree.xpath(_ARTICLE_META):
        return None  # the page dates itself as an article: a short brief, whatever it says
    headings = [normalize(" ".join(e.text_content().split())) for e in tree.xpath(_HEADINGS)[:4]]
    # a challenge's markup (a search of every element's attributes) and its words are looked
    # for only in a page that says next to nothing: an article may quote the words
    says_little = len(own_text) <= _MARKUP_TEXT_MAX
    markup = says_little and bool(tree.xpath(_CHECK_MARKUP))
    worded = any(_CHECK_TEXT.search(h) for h in headings) or (
        says_little and _CHECK_TEXT.search(own_text) is not None
    )
    if markup or worded:
        return (
            f"a bot-check page ({_provider(tree, headings, own_text)}), not the article: "
            "save the page again from a browser"
        )
    if len(own_text) > _ERROR_TEXT_MAX:
        return None
    for kind, pattern in _ERROR_KINDS:
        if any(pattern.search(heading) for heading in headings if heading):
            return f"an error page ({kind}), not an article"
    return None


def _provider(tree: Any, headings: list[str], own_text: str) -> str:
    marks = " ".join(
        (
            *headings,
            own_text,
            *(str(v).lower() for v in tree.xpath("//@id | //@class | //@src | //@action")[:200]),
        )
    )
    for name, pattern in _PROVIDERS:
        if pattern.search(marks):
            return name
    return "a captcha or browser check"
