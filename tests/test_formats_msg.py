"""Outlook messages (reader/formats/msg.py): tests/fixtures/formats/press_release.msg is laid
out as [MS-OXMSG] gives it (tests/fixtures/make_msg.py; extract-msg reads it as Outlook's)."""

from __future__ import annotations

import datetime as dt
import shutil
import struct
from pathlib import Path

import pytest
from mangling import mangled_copies

from reader.formats import parse_file
from reader.formats.folder import read_folder

FIXTURE = Path(__file__).parent / "fixtures" / "formats" / "press_release.msg"


def test_a_saved_outlook_message_is_an_article(tmp_path: Path) -> None:
    shutil.copy(FIXTURE, tmp_path)
    (article,) = read_folder(tmp_path).articles
    assert article.title == "بيان صحفي: وزارة الصحة تطلق حملة تلقيح وطنية"
    assert article.source == "المكتب الإعلامي لوزارة الصحة"
    assert article.date == dt.date(2023, 11, 16)
    assert article.body.split("\n") == [
        "تطلق وزارة الصحة يوم الاثنين 20 نوفمبر 2023 حملة وطنية للتلقيح ضد الإنفلونزا الموسمية"
        " تشمل 24 ولاية.",
        "وتستهدف الحملة كبار السن والأطفال والمصابين بالأمراض المزمنة، وفق ما أعلنه المكتب"
        " الإعلامي للوزارة.",
        "للاستفسار: press@health.example.tn",
    ]
    assert article.problems == ()


def test_an_older_outlooks_eight_bit_strings_are_read_in_its_code_page(tmp_path: Path) -> None:
    """Outlook before 2003 wrote strings as type 001E in the message's code page (here 1256)."""
    shutil.copy(FIXTURE.with_name("press_release_ansi.msg"), tmp_path)
    (article,) = read_folder(tmp_path).articles
    assert article.title == "بيان صحفي: وزارة الصحة تطلق حملة تلقيح وطنية"
    assert article.source == "المكتب الإعلامي لوزارة الصحة"
    assert article.body.startswith("تطلق وزارة الصحة يوم الاثنين 20 نوفمبر 2023")
    assert article.date == dt.date(2023, 11, 16)


def test_an_office_file_of_another_kind_named_msg_is_named(tmp_path: Path) -> None:
    shutil.copy(Path(__file__).parent / "fixtures" / "formats" / "article.doc", tmp_path / "x.msg")
    (problem,) = read_folder(tmp_path).problems
    assert problem.reason == "not an Outlook message (an Office file of another kind, named .msg)"


@pytest.mark.parametrize("seed", [1, 2])
def test_damaged_messages_are_read_or_named(tmp_path: Path, seed: int) -> None:
    for n, mangled in enumerate(mangled_copies(FIXTURE.read_bytes(), count=60, seed=seed)):
        path = tmp_path / f"{n}.msg"
        path.write_bytes(mangled)
        result = parse_file(path, tmp_path)
        assert result.articles or result.problems
        assert all("could not" not in p.reason for p in result.problems)


def test_a_damaged_time_is_no_date() -> None:
    from reader.formats.msg import _date

    assert _date(struct.unpack("<Q", b"\xff" * 8)[0]) is None


def test_a_saved_e_mail_named_msg_is_read_as_one(tmp_path: Path) -> None:
    message = (
        "From: =?utf-8?b?2YjZg9in2YTYqQ==?= <desk@agency.example>\r\n"
        "Subject: =?utf-8?b?2K7YqNixINi52KfYrNmE?=\r\n"
        "Date: Thu, 16 Nov 2023 09:30:00 +0000\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "نص الخبر العاجل عن الحملة الوطنية.\r\n"
    )
    (tmp_path / "bulletin.msg").write_bytes(message.encode("utf-8"))
    (article,) = read_folder(tmp_path).articles
    assert (article.title, article.source) == ("خبر عاجل", "وكالة")
    assert article.date == dt.date(2023, 11, 16)
    (tmp_path / "bulletin.msg").write_bytes(b"neither a compound file nor an e-mail")
    (problem,) = read_folder(tmp_path).problems
    assert problem.reason == "not an e-mail: no From or Subject header"
