"""WordPress's export (WXR: "Tools > Export", an RSS file with ``wp:`` fields), as a newsroom
that runs its site on WordPress gets its own archive: what sets it apart from a feed.

Its items are every object of the site, not only its articles: pictures (attachments), menu
entries, reusable blocks and the like are no articles and are counted in one line. A post that
was never published (a draft, a pending or private post, one in the bin) is read and says so.
Its ``dc:creator`` is a login; the channel lists each author's display name.
"""

from __future__ import annotations

from typing import Any

from reader.formats.xml_tree import child_named, children_named, line_text

# the kinds of items that are no articles (WordPress's own and common plugins')
_NOT_ARTICLES = frozenset(
    {
        "attachment",
        "nav_menu_item",
        "wp_block",
        "wp_template",
        "wp_template_part",
        "wp_global_styles",
        "wp_navigation",
        "wp_font_family",
        "wp_font_face",
        "custom_css",
        "customize_changeset",
        "oembed_cache",
        "user_request",
        "revision",
        "wpcf7_contact_form",
        "elementor_library",
        "acf-field",
        "acf-field-group",
    }
)
_STATUSES = {
    "draft": "a draft",
    "pending": "a post awaiting review",
    "private": "a private post",
    "future": "a post scheduled for later",
    "trash": "a post in the bin",
    "auto-draft": "a draft",
}


def is_wordpress_export(channel: Any) -> bool:
    return channel is not None and child_named(channel, "wxr_version") is not None


def authors(channel: Any) -> dict[str, str]:
    """login -> display name, from the channel's ``wp:author`` entries."""
    names = {}
    for entry in children_named(channel, "author"):
        login = line_text(child_named(entry, "author_login"))
        shown = line_text(child_named(entry, "author_display_name"))
        if login and shown:
            names[login] = shown
    return names


def is_article(item: Any) -> bool:
    return line_text(child_named(item, "post_type")) not in _NOT_ARTICLES


def status_note(item: Any) -> str | None:
    """What the article says of a post that was never published; None for a published one."""
    status = line_text(child_named(item, "status"))
    kind = _STATUSES.get(status)
    return f"{kind}, never published (WordPress status {status!r})" if kind else None


def tags_and_categories(item: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(tags, categories): WordPress writes both as ``category`` elements, told by their
    ``domain``."""
    tags: list[str] = []
    categories: list[str] = []
    for element in children_named(item, "category"):
        name = line_text(element)
        kind = tags if element.get("domain") == "post_tag" else categories
        if name and name not in kind:
            kind.append(name)
    return tuple(tags), tuple(categories)
