"""Entity legend: swatches that toggle the highlight of each type."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reader.model import ENTITY_KINDS
from reader.ui.common.theme import ENTITY_COLOURS
from reader.ui.status.legend import EntityLegend

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def legend(qtbot) -> EntityLegend:
    widget = EntityLegend()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_all_four_types_named_and_visible_at_first(legend) -> None:
    assert legend.visible_kinds() == frozenset(ENTITY_KINDS)
    assert [legend.button(k).text() for k in ENTITY_KINDS] == [
        "Person",
        "Place",
        "Organisation",
        "Other",
    ]


@pytest.mark.parametrize("kind", ENTITY_KINDS)
def test_clicking_a_swatch_toggles_its_type(qtbot, legend, kind) -> None:
    button = legend.button(kind)
    with qtbot.waitSignal(legend.toggled) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == [kind, False]
    assert legend.visible_kinds() == frozenset(ENTITY_KINDS) - {kind}
    assert button.font().strikeOut()  # not colour alone (docs/UI.md)
    with qtbot.waitSignal(legend.toggled) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == [kind, True]
    assert legend.visible_kinds() == frozenset(ENTITY_KINDS)


def test_keyboard_space_toggles(qtbot, legend) -> None:
    button = legend.button("LOC")
    button.setFocus()
    with qtbot.waitSignal(legend.toggled) as blocker:
        qtbot.keyClick(button, Qt.Key.Key_Space)
    assert blocker.args == ["LOC", False]


def test_restoring_kinds_does_not_emit(qtbot, legend) -> None:
    with qtbot.assertNotEmitted(legend.toggled):
        legend.set_visible_kinds({"PERS", "ORG"})
    assert legend.visible_kinds() == {"PERS", "ORG"}


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_swatches_use_the_theme_colours(legend, theme) -> None:
    legend.set_theme(theme)
    for kind in ENTITY_KINDS:
        image = legend.button(kind).icon().pixmap(12, 12).toImage()
        assert image.pixelColor(6, 6).name() == ENTITY_COLOURS[theme][kind].background
