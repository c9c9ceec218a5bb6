"""Interface language: English source strings, Arabic translations.

Each UI module registers the Arabic for the strings it shows with ``add_arabic`` at import time,
so a module's strings and their translations live side by side; ``t`` looks them up for the current
language. tests/ui/test_i18n.py checks that every ``t("…")`` literal in reader/ui has an Arabic entry.
"""

from __future__ import annotations

import locale
import os

LANGUAGES = ("en", "ar")
_ARABIC: dict[str, str] = {}
_state = {"language": "en"}


def add_arabic(table: dict[str, str]) -> None:
    _ARABIC.update(table)


def arabic_table() -> dict[str, str]:
    return dict(_ARABIC)


def system_language() -> str:
    """'ar' when the user's locale is Arabic, else 'en'."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "ar" if value.lower().startswith("ar") else "en"
    loc = locale.getlocale()[0] or ""
    return "ar" if loc.lower().startswith("ar") else "en"


def set_language(lang: str) -> None:
    _state["language"] = lang if lang in LANGUAGES else "en"


def current_language() -> str:
    return _state["language"]


def t(text: str) -> str:
    """The string in the current interface language (the English text when no translation exists)."""
    if _state["language"] == "ar":
        return _ARABIC.get(text, text)
    return text
