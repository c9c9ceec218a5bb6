"""A scraper saves whatever the server answered: a 404 page or a bot check saved in place of the
article is named with its reason, never read as an article titled "Page not found"."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_run import export_records

from reader.formats import parse_file

CLOUDFLARE = (
    "<!DOCTYPE html><html lang='en-US'><head><title>Just a moment...</title>"
    "<meta name='robots' content='noindex,nofollow'></head><body><div class='main-wrapper'>"
    "<div class='main-content'><h1 class='zone-name-title h1'>www.aljazeera.net</h1>"
    "<h2 class='h2'>Checking if the site connection is secure</h2><div id='challenge-stage'></div>"
    "<p>www.aljazeera.net needs to review the security of your connection before proceeding.</p>"
    "</div></div><noscript>Enable JavaScript and cookies to continue</noscript>"
    "<script src='/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1?ray=1'></script>"
    "</body></html>"
)
CLOUDFLARE_TEXT_ONLY = (
    "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
    "<h1>Checking if the site connection is secure</h1><p>www.aljazeera.net needs to review the "
    "security of your connection before proceeding.</p><noscript>Enable JavaScript and cookies to "
    "continue</noscript></body></html>"
)
CAPTCHA_AR = (
    "<html dir='rtl'><head><meta charset='utf-8'><title>التحقق الأمني</title></head><body>"
    "<h1>يرجى التحقق من أنك إنسان</h1><p>أكمل الاختبار أدناه للمتابعة إلى الموقع.</p>"
    "<form><div class='g-recaptcha'></div></form></body></html>"
)
NOT_FOUND_AR = (
    "<html><head><title>404 - الصفحة غير موجودة</title></head><body><header><nav>"
    "<a href='/'>الرئيسية</a><a href='/sport'>رياضة</a></nav></header>"
    "<h1>عذراً، الصفحة التي تبحث عنها غير موجودة</h1><p>ربما تم نقلها أو حذفها. "
    "<a href='/'>العودة إلى الصفحة الرئيسية</a></p></body></html>"
)
NOT_FOUND_FR = (
    "<html><head><title>Page introuvable | Le Quotidien</title></head><body>"
    "<h1>Oups ! Cette page n'existe pas</h1><p>La page demandée n'existe pas ou a été déplacée.</p>"
    "</body></html>"
)
FORBIDDEN = (
    "<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center>"
    "<hr><center>nginx</center></body></html>"
)
SERVER_ERROR = (
    "<html><head><title>خطأ في الخادم</title></head><body><h1>خطأ في الخادم</h1>"
    "<p>حدث خطأ غير متوقع، يرجى المحاولة لاحقا.</p></body></html>"
)


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        (
            CLOUDFLARE,
            "a bot-check page (Cloudflare), not the article: save the page again from a browser",
        ),
        (
            CLOUDFLARE_TEXT_ONLY,
            "a bot-check page (Cloudflare), not the article: save the page again from a browser",
        ),
        (
            CAPTCHA_AR,
            "a bot-check page (a captcha or browser check), not the article: "
            "save the page again from a browser",
        ),
        (NOT_FOUND_AR, "an error page (page not found), not an article"),
        (NOT_FOUND_FR, "an error page (page not found), not an article"),
        (FORBIDDEN, "an error page (access denied), not an article"),
        (SERVER_ERROR, "an error page (server error), not an article"),
    ],
    ids=["cloudflare", "cloudflare-text", "captcha-ar", "404-ar", "404-fr", "403", "500-ar"],
)
def test_error_and_bot_check_pages_are_named_not_read(
    tmp_path: Path, page: str, reason: str
) -> None:
    path = tmp_path / "article-1234.html"
    path.write_text(page, encoding="utf-8")
    result = parse_file(path, tmp_path)
    assert result.articles == ()
    assert [p.reason for p in result.problems] == [reason]


def test_export_skips_them_beside_real_articles(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(NOT_FOUND_AR, encoding="utf-8")
    (tmp_path / "b.html").write_text(CLOUDFLARE_TEXT_ONLY, encoding="utf-8")
    (tmp_path / "c.html").write_text(_article("الحكومة تقر الموازنة العامة"), encoding="utf-8")
    records, stderr = export_records(tmp_path, "--no-cache")
    assert [r["title"] for r in records] == ["الحكومة تقر الموازنة العامة"]
    assert "a.html: an error page (page not found), not an article" in stderr
    assert any(line.startswith("b.html: a bot-check page (Cloudflare)") for line in stderr)


def _article(headline: str, extra_head: str = "", extra_body: str = "") -> str:
    return (
        f"<html dir='rtl'><head><meta charset='utf-8'><title>{headline}</title>{extra_head}</head>"
        f"<body><article><h1>{headline}</h1><p>قال مسؤولون اليوم إن السلطات أوقفت المشتبه بهم بعد "
        "تحقيقات استمرت أسابيع، وإن النيابة العامة ستحيلهم إلى القضاء خلال الأيام المقبلة.</p>"
        f"</article>{extra_body}</body></html>"
    )


@pytest.mark.parametrize(
    ("headline", "extra_head", "extra_body"),
    [
        ("اعتقال 404 أشخاص في حملة أمنية", "", ""),  # a number, not an error
        ("الشرطة: المفقود غير موجود في المستشفيات", "", ""),
        (
            "تعديل قانون الجرائم الإلكترونية",
            "",
            # a firewall's script on every page, a captcha under the comment form
            "<script>(function(){var s='/cdn-cgi/challenge-platform/scripts/jsd/main.js'})()"
            "</script><form id='comments'><div class='g-recaptcha'></div></form>",
        ),
        ("فرق الإنقاذ: لم يتم العثور على ناجين تحت الأنقاض", "", ""),
        ("Access denied: journalists barred from the crossing", "", ""),
        ("La tour Eiffel en maintenance : le sommet fermé", "", ""),
        # the body quotes a bot check's words; the page dates itself as an article
        (
            "مطار القاهرة يشدد الإجراءات الأمنية",
            "<meta property='article:published_time' content='2024-04-05T08:00:00+02:00'>",
            "<p>وتشمل إجراءات تحقق أمني مشددة. Are you a robot? سأل أحد المسافرين مازحا.</p>",
        ),
    ],
    ids=[
        "404-people",
        "missing-person",
        "firewall-script-and-comment-captcha",
        "no-survivors-found",
        "access-denied-headline",
        "maintenance-headline",
        "quoted-check-words",
    ],
)
def test_short_articles_that_look_a_little_like_them_stay_articles(
    tmp_path: Path, headline: str, extra_head: str, extra_body: str
) -> None:
    path = tmp_path / "brief.html"
    path.write_text(_article(headline, extra_head, extra_body), encoding="utf-8")
    result = parse_file(path, tmp_path)
    assert result.problems == ()
    assert [a.title for a in result.articles] == [headline]
