"""The one helper thread: calls run off the UI thread, in order, and report back by signal."""

from __future__ import annotations

import threading

import pytest

from loften_app.domain.errors import LoftenError
from loften_app.ui.background import Background


@pytest.fixture
def background(qtbot):
    runner = Background()
    yield runner
    runner.wait()


def test_a_call_runs_on_another_thread_and_its_result_arrives_by_signal(qtbot, background):
    ui_thread = threading.get_ident()
    job = background.run(threading.get_ident)
    with qtbot.waitSignal(job.succeeded, timeout=5000) as blocker:
        pass
    assert blocker.args[0] != ui_thread


def test_calls_run_one_at_a_time_in_the_order_given(qtbot, background):
    seen: list[int] = []
    threads: set[int] = set()

    def call(n: int):
        def run() -> int:
            threads.add(threading.get_ident())
            seen.append(n)
            return n

        return run

    jobs = [background.run(call(n)) for n in range(20)]
    with qtbot.waitSignal(jobs[-1].done, timeout=5000):
        pass
    assert seen == list(range(20))
    assert len(threads) == 1


def test_an_environment_error_arrives_with_its_own_message(qtbot, background):
    def fail() -> None:
        raise LoftenError("Disken är full.")

    job = background.run(fail)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        pass
    assert blocker.args == ["Disken är full."]


def test_a_bug_arrives_as_a_general_message_and_is_logged(qtbot, background, caplog):
    def bug() -> None:
        raise KeyError("oops")

    job = background.run(bug)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        pass
    assert "oväntat fel" in blocker.args[0]
    assert "KeyError" in caplog.text
