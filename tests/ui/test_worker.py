"""The background task helper: results by signal, progress throttled, cancel and failure clean."""

from __future__ import annotations

import threading

import pytest

from reader.library.library import LoadCancelled, LoadProgress
from reader.ui.background.worker import Task, TaskHooks


def run(qtbot, task: Task, signal_name: str) -> list:
    with qtbot.waitSignal(getattr(task, signal_name), timeout=10_000) as blocker:
        task.start()
    assert task.wait(5000)
    return blocker.args


def test_result_and_batches_arrive_on_the_gui_thread(qtbot) -> None:
    gui_thread = threading.get_ident()
    seen_threads: list[int] = []

    def job(hooks: TaskHooks) -> str:
        seen_threads.append(threading.get_ident())
        hooks.batch([1, 2])
        hooks.progress(LoadProgress("parse", 1, 1))
        return "done"

    task = Task(job)
    batches: list = []
    where: list[int] = []
    task.batch.connect(lambda b: (batches.append(b), where.append(threading.get_ident())))
    assert run(qtbot, task, "finished") == ["done"]
    assert batches == [[1, 2]]
    assert seen_threads[0] != gui_thread  # the job ran elsewhere ...
    assert where == [gui_thread]  # ... and its batches were delivered here


def test_cancel_ends_with_cancelled_not_finished(qtbot) -> None:
    started = threading.Event()

    def job(hooks: TaskHooks) -> str:
        started.set()
        while not hooks.should_stop():  # a worker busy with files until Cancel
            pass
        raise LoadCancelled

    task = Task(job)
    finished: list = []
    task.finished.connect(finished.append)
    with qtbot.waitSignal(task.cancelled, timeout=10_000):
        task.start()
        assert started.wait(5)
        task.cancel()
    assert task.wait(5000)
    assert finished == []


@pytest.mark.parametrize("error", [ValueError("bad"), OSError("disk")])
def test_a_failing_job_reports_a_message(qtbot, error: Exception, capsys) -> None:
    def job(hooks: TaskHooks) -> None:
        raise error

    message = run(qtbot, Task(job), "failed")[0]
    assert type(error).__name__ in message and str(error) in message
    capsys.readouterr()  # the traceback printed for developers


def test_progress_is_throttled_but_keeps_the_last_report(qtbot) -> None:
    def job(hooks: TaskHooks) -> None:
        for i in range(1, 10_001):
            hooks.progress(LoadProgress("parse", i, 10_000))

    task = Task(job)
    seen: list[LoadProgress] = []
    task.progress.connect(seen.append)
    with qtbot.waitSignal(task.done, timeout=10_000):
        task.start()
    task.wait(5000)
    assert 1 <= len(seen) < 1000
    assert seen[-1] == LoadProgress("parse", 10_000, 10_000)
