"""Arabic read with the wrong code page and saved again as Unicode: valid text that no decoder
can tell is wrong, and that ftfy does not undo (it knows the Latin code pages only).

- Windows-1256 bytes read as Windows-1252 (or Latin-1), as an old Arabic site scraped without
  its charset, or a PDF set in a pre-Unicode Arabic font, leaves them: "الرئيس" reads
  "ÇáÑÆíÓ". Each Latin letter stands for one byte, so a run of them maps back to the Arabic
  letters one for one. A run is mapped only where it is a whole word (no ASCII letter touches
  it) and only in a text that shows the signature: several such words, the article "ال" (Çá)
  among them. Real Latin text has no word made only of these letters.
- UTF-8 read as Windows-1256, as a database with an Arabic connection charset leaves it:
  "الرئيس" reads "ط§ظ„ط±ط¦ظٹط³", two Arabic-looking characters a letter. The article's
  "ط§ظ„" (a letter before a section sign or a low quotation mark) is the signature: no real
  text writes it. Each run of non-ASCII characters is encoded back to Windows-1256 and decoded
  as UTF-8; a run that does not decode (real Arabic beside the damage) is kept.
"""

from __future__ import annotations

import contextlib
import re

NOTE = "repaired Arabic read with the wrong code page (Windows-1256 read as Windows-1252)"
UTF8_NOTE = "repaired text encoded twice (UTF-8 read as Windows-1256 and saved again)"


def _table() -> dict[str, str]:
    """What each byte of Windows-1256 that differs from Windows-1252 shows in either reading
    (Windows-1252's letter, or the C1 control Latin-1 gives), mapped to the Arabic it is."""
    table: dict[str, str] = {}
    for byte in range(0x80, 0x100):
        arabic = bytes([byte]).decode("cp1256")
        readings = {chr(byte)}  # Latin-1
        # the five bytes Windows-1252 leaves undefined have only Latin-1's reading
        with contextlib.suppress(UnicodeDecodeError):
            readings.add(bytes([byte]).decode("cp1252"))
        for latin in readings - {arabic}:
            table[latin] = arabic
    return table


_TABLE = str.maketrans(_table())
_MANGLED = "".join(sorted(chr(c) for c in _TABLE))
# a word of the mangled letters that no ASCII letter touches ("CAFÉ" keeps its É)
_WORD = re.compile(f"(?<![A-Za-z])[{re.escape(_MANGLED)}]+(?![A-Za-z])")
_ARTICLE = "Çá"  # ال
MIN_WORDS = 3  # of two letters or more


def looks_mangled(text: str) -> bool:
    """Whether ``text`` holds Arabic read with the wrong code page (the signature above)."""
    if _ARTICLE not in text:  # the common case, at memory speed
        return False
    words = 0
    for match in _WORD.finditer(text):
        if len(match.group()) >= 2:
            words += 1
            if words >= MIN_WORDS:
                return True
    return False


def codepage_repaired(text: str, notes: list[str], *, known: bool = False) -> str:
    """``text`` with its mangled words mapped back to Arabic and the note for each repair added
    to ``notes``; the very same ``text`` when it shows no signature. ``known``: the text belongs
    with one that showed Windows-1256 read as Windows-1252 (a title whose body did), and is
    mapped without evidence of its own."""
    return _latin_repaired(_utf8_repaired(text, notes), notes, known=known)


_UTF8_SIGNATURE = ("ط§", "ظ„")  # ا and ل (D8 A7, D9 84)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _utf8_repaired(text: str, notes: list[str]) -> str:
    if not any(mark in text for mark in _UTF8_SIGNATURE):  # the common case, at memory speed
        return text
    fixed = _NON_ASCII.sub(_utf8_run, text)
    if fixed == text:
        return text
    if UTF8_NOTE not in notes:
        notes.append(UTF8_NOTE)
    return fixed


def _utf8_run(match: re.Match[str]) -> str:
    run = match.group()
    try:
        decoded = run.encode("cp1256").decode("utf-8")
    except UnicodeError:  # not all Windows-1256, or not UTF-8 once encoded: left as it is
        return run
    # two Urdu letters may happen to spell a Cyrillic or phonetic one ("سک" as "Ә"): only a
    # reading into Arabic script, Latin letters and punctuation or symbols is the text's own
    return decoded if _READABLE.fullmatch(decoded) else run


_READABLE = re.compile(
    "[\u0000-\u024f\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
    "\u2000-\u2bff\U0001f000-\U0001faff]*"
)


def _latin_repaired(text: str, notes: list[str], *, known: bool) -> str:
    if not (known or looks_mangled(text)):
        return text
    fixed = _WORD.sub(lambda m: m.group().translate(_TABLE), text)
    if fixed == text:
        return text
    if NOTE not in notes:
        notes.append(NOTE)
    return fixed
