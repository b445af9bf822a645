"""Grading a whole class in parallel (torchcourse/classroom.py), through the real nbgrader.

One topic's class (the untouched release, the solutions, recorded mistakes and
alternatives, a notebook that is not JSON and a folder with a symbolic link) is
graded by `grade_class` with two workers, interrupted after its first result and
then resumed. The grades must equal those of the grading proof (the session's
``graded`` fixture), which graded the same submissions in other batches in one
uninterrupted run. Everything that was not graded must say why.
"""

import csv
import io
import os
import signal
import tempfile
import threading
import time
import warnings
from pathlib import Path

import nbformat
import pytest

import proof
from torchcourse import classroom, pipeline, records, sandbox
from torchcourse.runner import run_nbgrader

TOPIC = "06_nn_module"
HONEST = ["release", "solution", "mistake--my_linear--randn_init", "alternatives-1"]
CRASH = "not-json"      # nbgrader cannot read it: recorded as crashed
SYMLINK = "symlinker"   # a link to the gradebook: rejected before nbgrader sees it


class Interrupt(classroom.Progress):
    """Stops the run (like Ctrl-C) as soon as the first student is graded."""

    def outcome(self, outcome):
        if outcome.status == "graded":
            raise KeyboardInterrupt


def _submit(course, submissions):
    proof.submit(TOPIC, submissions, course)
    bad = course / "submitted" / CRASH / TOPIC
    bad.mkdir(parents=True)
    (bad / f"{TOPIC}.ipynb").write_text('{"cells": [')


@pytest.fixture(scope="module")
def graded_twice(graded, tmp_path_factory):
    parallel = proof.new_course([TOPIC], tmp_path_factory.mktemp("class") / "parallel")
    submissions = proof.fixture_submissions(TOPIC, parallel)
    _submit(parallel, {s: submissions[s] for s in HONEST})
    link = parallel / "submitted" / SYMLINK / TOPIC
    link.mkdir(parents=True)
    nbformat.write(submissions["solution"], link / f"{TOPIC}.ipynb")
    os.symlink(parallel / "gradebook.db", link / "data.db")

    with pytest.raises(KeyboardInterrupt):
        classroom.grade_class(parallel, TOPIC, workers=2, progress=Interrupt())
    # the worker killed mid-notebook had no chance to clean up; grade_class did it
    assert not sandbox.stale_leftovers()
    interrupted = records.load_records(parallel, TOPIC)
    resumed = classroom.grade_class(parallel, TOPIC, workers=2)
    return graded[TOPIC], parallel, interrupted, resumed


def test_interrupted_and_resumed_grades_equal_the_proofs(graded_twice):
    """Graded in batches of another size, interrupted and resumed: the same grades as the
    proof's run of the same submissions, and the right ones."""
    proofs, parallel, _, _ = graded_twice
    expected = {s: proofs.scores[s] for s in HONEST}
    assert classroom.read_scores(parallel, TOPIC, HONEST) == expected
    plan = proof.fixture_plan(TOPIC)
    course = proof.GradedCourse(TOPIC, parallel, expected, 0.0)
    assert all(not proof.unexpected_scores(course, s, plan[s]) for s in HONEST)


def test_an_interrupted_run_resumes_where_it_stopped(graded_twice):
    _, _, interrupted, resumed = graded_twice
    done_before = {s for s, o in interrupted.items() if o.status == "graded"}
    assert done_before, "the interrupted run recorded nothing"
    assert set(resumed.skipped) == done_before
    assert set(resumed.students("graded")) == set(HONEST) - done_before


class CtrlCMidNotebook(classroom.Progress):
    """Presses Ctrl-C while nbgrader runs a notebook after the first one has run: a watcher
    waits for the first notebook, then for a sandbox of this run's graders, then interrupts."""

    def __init__(self):
        self.in_use, self.seen = [], []
        self.first = threading.Event()

    def start(self, pending, skipped):
        threading.Thread(target=self.watch, daemon=True).start()

    def executed(self, student):
        self.first.set()

    def watch(self):
        self.first.wait(300)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not self.in_use:
            self.seen = list(Path(tempfile.gettempdir()).glob("torchcourse-sandbox-*"))
            self.in_use = [p for p in self.seen if _started_by_this_process(p)]
            time.sleep(0.05)
        if self.in_use:
            # a terminal's Ctrl-C reaches the main thread; os.kill may hand it to any thread
            signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)


def _started_by_this_process(scratch: Path) -> bool:
    """Whether a sandbox's grader is a child of this process (not another grading run)."""
    match = sandbox._OWNED_NAME.match(scratch.name)
    try:
        stat = Path(f"/proc/{match[2]}/stat").read_text()
    except (OSError, TypeError):
        return False
    return int(stat.rsplit(")", 1)[1].split()[1]) == os.getpid()  # fields after (comm): state, ppid


def _sigint_state() -> dict:
    """Whether SIGINT is ignored (process) or blocked (this thread), from /proc."""
    bit = 1 << (signal.SIGINT - 1)
    status = dict(line.split(":\t", 1) for line in Path("/proc/thread-self/status").read_text().splitlines()
                  if ":\t" in line)
    return {key: bool(int(status[key], 16) & bit) for key in ("SigIgn", "SigBlk")}


def test_ctrl_c_mid_notebook_leaves_no_sandbox_behind(tmp_path):
    """The worker is killed with SIGKILL, so nbgrader cannot remove the sandbox of the
    notebook it was running; grade_class removes it, and the kernel in it."""
    course = proof.new_course([TOPIC], tmp_path / "course")
    release = nbformat.read(pipeline.release_path(TOPIC, course), as_version=4)
    students = [f"student-{k}" for k in range(3)]
    _submit(course, dict.fromkeys(students, release))
    progress = CtrlCMidNotebook()
    # A terminal's Ctrl-C needs SIGINT handled by Python's handler and not blocked. Code that
    # ran earlier in the session may have changed the process-level disposition behind
    # Python's back (seen after a cold proof in the same process): restore it, and say so.
    before = _sigint_state()
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if before != _sigint_state():
        warnings.warn(f"SIGINT was ignored or blocked before this test: {before}")
    try:
        classroom.grade_class(course, TOPIC, workers=1, batch_size=3, students=students,
                              progress=progress)
    except KeyboardInterrupt:
        pass
    else:
        pytest.fail(f"grading ended before Ctrl-C (SIGINT {before} -> {_sigint_state()}): "
                    f"first notebook done {progress.first.is_set()}, "
                    f"sandboxes seen {progress.seen}, of this run {progress.in_use}")
    assert progress.in_use, "no notebook was running at Ctrl-C: the test proves nothing"
    assert not [p for p in progress.in_use if p.exists()]
    assert not sandbox.stale_leftovers()


def test_a_crash_is_recorded_with_its_reason_and_the_rest_is_graded(graded_twice):
    _, parallel, _, resumed = graded_twice
    crash = resumed.outcomes[CRASH]
    assert crash.status == "crashed"
    assert "NotJSONError" in crash.reason, crash.reason
    assert "Traceback" in crash.log
    recorded = records.load_records(parallel, TOPIC)
    assert recorded[CRASH].status == "crashed"
    assert {s for s, o in recorded.items() if o.status == "graded"} == set(HONEST)


def test_a_symlink_in_a_submission_is_rejected_before_nbgrader_copies_it(graded_twice):
    _, parallel, _, resumed = graded_twice
    rejected = resumed.outcomes[SYMLINK]
    assert rejected.status == "rejected"
    assert "symbolic link" in rejected.reason
    assert not (parallel / "autograded" / SYMLINK).exists()


def test_unchanged_submissions_are_skipped_and_changed_ones_regraded(graded_twice):
    _, parallel, _, _ = graded_twice
    changed = parallel / "submitted" / "alternatives-1" / TOPIC / f"{TOPIC}.ipynb"
    nb = nbformat.read(parallel / "submitted" / "release" / TOPIC / f"{TOPIC}.ipynb", as_version=4)
    nbformat.write(nb, changed)  # alternatives-1 resubmits an empty notebook
    again = classroom.grade_class(parallel, TOPIC, workers=2)
    assert set(again.skipped) == set(HONEST) - {"alternatives-1"}
    assert again.students("graded") == ["alternatives-1"]
    scores = classroom.read_scores(parallel, TOPIC, ["alternatives-1"])["alternatives-1"]
    assert sum(score for score, _ in scores.values()) == 0


def test_progress_bar_shows_eta_and_names_what_was_not_graded(graded_twice):
    _, parallel, _, _ = graded_twice
    out = io.StringIO()
    bar = classroom.ProgressBar(file=out, mininterval=0)
    bar.start(3, 1)
    bar.executed("a")
    bar.outcome(records.Outcome("b", "crashed", "NotJSONError: boom"))
    bar.close()
    text = out.getvalue()
    assert "1/3" in text and "<" in text  # tqdm's [elapsed<remaining]
    assert "crashed: b: NotJSONError: boom" in text
    assert "1 unchanged submission(s) already graded" in text


def test_export_lists_every_student_and_flags_what_needs_review(graded_twice):
    _, parallel, _, _ = graded_twice
    out = parallel / "grades.csv"
    run_nbgrader(["export", "--to", str(out)], parallel)
    rows = {r["student_id"]: r for r in csv.DictReader(out.open())}
    assert set(rows) == set(HONEST) | {CRASH, SYMLINK}
    assert rows[CRASH]["grading_status"] == "crashed" and rows[CRASH]["needs_review"] == "yes"
    assert "NotJSONError" in rows[CRASH]["review_reasons"]
    assert rows[SYMLINK]["grading_status"] == "rejected" and rows[SYMLINK]["needs_review"] == "yes"
    assert rows["solution"]["needs_review"] == "no"
    assert float(rows["solution"]["score"]) == float(rows["solution"]["max_score"]) > 0
