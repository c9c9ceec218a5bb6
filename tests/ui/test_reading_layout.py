"""The reading pane gives the article most of the height (issue 19): the panel under it (read
also, entities) is as tall as its content, at most a share of the pane, and can be folded away;
both choices are remembered."""

from __future__ import annotations

import pytest
from ui_fixtures import QT_OFFSCREEN_NOISE, open_and_wait

pytestmark = pytest.mark.qt_log_ignore(QT_OFFSCREEN_NOISE)


def test_the_article_gets_most_of_the_height(qtbot, make_window, news_folder):
    window = make_window()
    window.resize(1024, 700)
    open_and_wait(qtbot, window, news_folder)
    article, extras = window.reading.split.sizes()
    assert extras > 0 and article >= 2.3 * extras
    content = window.reading.view.extras.document().size().height()
    assert extras <= content + 40  # no empty band under a short entity list


def test_the_entity_panel_folds_away_and_stays_folded(qtbot, make_window, news_folder):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    window.actions_.entity_panel.trigger()
    assert window.reading.split.sizes()[1] == 0
    window.select_row(2)  # another article does not unfold it
    assert window.reading.split.sizes()[1] == 0
    window.close()
    again = make_window()
    open_and_wait(qtbot, again, news_folder)
    assert not again.actions_.entity_panel.isChecked()
    assert again.reading.split.sizes()[1] == 0
    again.actions_.entity_panel.trigger()
    assert again.reading.split.sizes()[1] > 0
