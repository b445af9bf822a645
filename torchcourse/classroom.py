"""Autograde a whole class: N sandboxed workers, a progress bar, crash records, resume and shards.

This is the one path that runs ``nbgrader autograde`` on submissions:
``./course autograde``, the grading proof, the adversarial suite, the
PostgreSQL tests and the grading benchmark all go through :func:`grade_class`.

``nbgrader autograde`` grades one student after another, and two of them
cannot share a SQLite gradebook ("database is locked" aborts the run). Here
each worker grades a batch of students in a private copy of the course (its
own SQLite gradebook, so workers never contend), with the course's own
``nbgrader_config.py`` and therefore the same sandbox and limits. The executed
notebooks then go into the real gradebook through nbgrader itself:
``nbgrader autograde --no-execute`` over a staging folder that only workers
write. nbgrader computes every grade, so the grades are those of a serial run.

What an instructor gets, per assignment, in ``autograded/<assignment>.grading.json``
(see :mod:`torchcourse.records`): one record per student with its status
(``graded``, ``crashed`` or ``rejected``), the reason when it was not graded,
the time it took and a hash of the submission. A later run skips students
whose submission has not changed since they were graded (``force=True``
regrades everyone), so an interrupted run resumes where it stopped.

A class too large for one machine is graded in shards: ``shard=(K, N)`` grades
the students whose id hashes to K of N, so N machines (a Slurm array, a
Kubernetes indexed Job, a CI matrix) grade one class into one PostgreSQL
gradebook, each student exactly once.

The grader's limits are a traitlets section of ``nbgrader_config.py``
(:class:`ClassGrader`), like the sandbox's.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import hashlib
import os
import queue
import shutil
import signal
import sqlite3
import tempfile
import threading
import time
from pathlib import Path

from traitlets import Integer
from traitlets.config import Configurable

from .course import (CourseError, assignment_path, check_course_root, copy_course, course_directory,
                     db_url, load_config, sqlite_url)
from .gradebook import create_gradebook
from .records import (STATUSES, Outcome, load_records, save_records, submission_hash,
                      submission_problems, submitted_students)
from .runner import AutogradeLog, Processes, reason, run_nbgrader


class GradingError(CourseError):
    """The class could not be graded at all (bad course folder, gradebook unreachable, ...)."""


class ClassGrader(Configurable):
    """The class grader's limits: ``c.ClassGrader.<name> = value`` in ``nbgrader_config.py``.

    Arguments given to :func:`grade_class` (or ``./course autograde``) win over these.
    """

    workers = Integer(0, help="Notebooks graded at once; 0: one per CPU core.").tag(config=True)
    batch_size = Integer(0, help="Students per nbgrader process; 0: spread the class over about "
                         "three batches per worker, at most 8 students each.").tag(config=True)
    max_submission_bytes = Integer(50 * 2**20, help="Largest submission folder graded, in bytes; "
                                   "a larger one is rejected.").tag(config=True)
    student_timeout = Integer(1800, help="Seconds per student after which a worker's whole batch "
                              "is killed and its unfinished students recorded as crashed "
                              "(the sandbox's per-notebook limit normally stops a notebook "
                              "long before).").tag(config=True)
    first_worker_uid = Integer(60000, help="Worker k's kernels run as this uid + k when grading "
                               "as root.").tag(config=True)


@dataclasses.dataclass
class ClassReport:
    """Outcomes of one ``grade_class`` run, plus the students it left alone (skipped)."""

    assignment: str
    outcomes: dict[str, Outcome]
    skipped: list[str]
    seconds: float
    workers: int
    #: of ``seconds``, how long recording the grades in the gradebook took (the merges)
    merge_seconds: float = 0.0

    def students(self, status: str) -> list[str]:
        return sorted(s for s, o in self.outcomes.items() if o.status == status)

    def summary(self) -> str:
        counts = ", ".join(f"{len(self.students(s))} {s}" for s in STATUSES)
        return (f"{self.assignment}: {counts}, {len(self.skipped)} skipped (unchanged) "
                f"in {self.seconds:.1f} s with {self.workers} worker(s)")


# --------------------------------------------------------------------- shards

def parse_shard(text: str) -> tuple[int, int]:
    """``"K/N"`` -> ``(K, N)``, with ``1 <= K <= N``; ValueError says what is expected."""
    try:
        k, n = (int(part) for part in text.split("/"))
    except ValueError:
        raise ValueError(f"a shard is K/N, e.g. 1/4 (the first of four); got {text!r}") from None
    if not 1 <= k <= n:
        raise ValueError(f"a shard K/N needs 1 <= K <= N; got {text!r}")
    return k, n


def in_shard(student: str, shard: tuple[int, int] | None) -> bool:
    """Whether ``student`` belongs to shard ``(K, N)``: a stable hash of the id, the same on every machine."""
    if shard is None:
        return True
    k, n = shard
    return int.from_bytes(hashlib.sha256(student.encode()).digest()[:8], "big") % n == k - 1


# ------------------------------------------------------------------- progress

class Progress:
    """What :func:`grade_class` reports as it goes; this base class ignores it all."""

    def start(self, pending: int, skipped: int) -> None:
        """``pending`` notebooks will run; ``skipped`` are unchanged since they were graded."""

    def executed(self, student: str) -> None:
        """A notebook has run (its grades are recorded when its worker's batch is merged)."""

    def outcome(self, outcome: Outcome) -> None:
        """The final word on one student (graded, crashed or rejected)."""


class ProgressBar(Progress):
    """A tqdm bar over the notebooks to run, with an ETA and a running count of problems."""

    def __init__(self, **tqdm_options):
        self.options, self.bar, self.problems = tqdm_options, None, 0

    def start(self, pending, skipped):
        from tqdm import tqdm

        self.bar = tqdm(total=pending, unit="notebook", dynamic_ncols=True, **self.options)
        if skipped:
            self.bar.write(f"{skipped} unchanged submission(s) already graded: skipped "
                           "(--force regrades them)", file=self.bar.fp)

    def executed(self, student):
        self.bar.update()

    def outcome(self, outcome):
        if outcome.status != "graded":
            self.problems += 1
            self.bar.set_postfix_str(f"{self.problems} not graded")
            self.bar.write(f"{outcome.status}: {outcome.student}: {outcome.reason}",
                           file=self.bar.fp)

    def close(self):
        if self.bar is not None:
            self.bar.close()


# -------------------------------------------------------------------- grading

class _Run:
    """State shared by the workers of one :func:`grade_class` call."""

    def __init__(self, course_root: Path, assignment: str, template_db: Path, settings: ClassGrader,
                 extra_args: list[str], on_outcome, on_executed):
        self.course_root, self.assignment = course_root, assignment
        self.template_db, self.settings, self.extra_args = template_db, settings, extra_args
        self.on_outcome, self.on_executed = on_outcome, on_executed
        self.lock, self.merge_lock = threading.Lock(), threading.Lock()
        self.processes = Processes()
        self.outcomes: dict[str, Outcome] = {}
        self.stopping = False
        self.merge_seconds = 0.0

    def record(self, outcome: Outcome) -> None:
        with self.lock:
            self.outcomes[outcome.student] = outcome
        self.on_outcome(outcome)

    def stop(self) -> None:
        self.stopping = True
        self.processes.kill_all()

    def grade_batch(self, worker: int, batch: list[tuple[str, Path, str]]) -> None:
        """Execute a batch in a private course copy, then merge what it graded."""
        timeout = self.settings.student_timeout
        with tempfile.TemporaryDirectory(prefix=f"torchcourse-worker{worker}-") as tmp:
            work = copy_course(self.course_root, tmp, [self.assignment])
            shutil.copy2(self.template_db, work / "gradebook.db")
            for student, folder, _ in batch:
                shutil.copytree(folder, assignment_path(work, "submitted", student, self.assignment))
            log = AutogradeLog(self.on_executed)
            begun = time.perf_counter()
            code, _ = run_nbgrader(
                ["autograde", self.assignment, "--force", f"--CourseDirectory.root={work}",
                 f"--CourseDirectory.db_url={sqlite_url(work)}",
                 f"--SandboxedExecute.sandbox_uid={self.settings.first_worker_uid + worker}",
                 *self.extra_args],
                work, on_line=log, timeout=timeout * len(batch) if timeout else None,
                processes=self.processes, check=False)
            if code == -signal.SIGKILL:  # timed out or stopped: nbgrader could not clean up
                _sweep_sandboxes()
            if self.stopping:
                return
            ended = time.perf_counter()
            executed = []
            for student, _, digest in batch:
                seconds = log.finished.get(student, ended) - log.started.get(student, begun)
                folder = assignment_path(work, "autograded", student, self.assignment)
                if student in log.finished and folder.is_dir():
                    executed.append((student, folder, digest, seconds))
                    continue
                lines = log.lines.get(student) or log.all[-40:] + [f"nbgrader exited with status {code}"]
                if code == -signal.SIGKILL and timeout:
                    lines.append(f"GradingTimeout: the batch ran past {timeout:g} s per "
                                 "student and was stopped")
                self.on_executed(student)
                self.record(Outcome(student, "crashed", reason(lines), round(seconds, 2), digest,
                                    "\n".join(lines)[-4000:]))
            if executed:
                self.merge(executed)

    def merge(self, executed: list[tuple[str, Path, str, float]]) -> None:
        """Record executed notebooks in the course's gradebook with ``autograde --no-execute``.

        Only notebooks that a worker executed ever reach the staging folder: with
        ``--no-execute`` nbgrader grades the outputs it finds.
        """
        with self.merge_lock:  # one writer at a time, whatever the gradebook
            begun = time.perf_counter()
            staging = Path(tempfile.mkdtemp(prefix=".grading-staging-", dir=self.course_root))
            try:
                for student, folder, *_ in executed:
                    shutil.copytree(folder, staging / student / self.assignment)
                log = AutogradeLog()
                code, _ = run_nbgrader(
                    ["autograde", self.assignment, "--force", "--no-execute",
                     f"--CourseDirectory.submitted_directory={staging.name}"],
                    self.course_root, on_line=log, processes=self.processes, check=False)
                if self.stopping:
                    return
                if code != 0 and not log.finished:
                    raise GradingError("recording grades in the gradebook failed "
                                       f"(nbgrader exit {code}):\n" + "\n".join(log.all[-40:]))
                for student, _, digest, seconds in executed:
                    if student in log.finished:
                        self.record(Outcome(student, "graded", "", round(seconds, 2), digest))
                    else:
                        lines = log.lines.get(student) or log.all[-40:]
                        self.record(Outcome(student, "crashed", "recording the grades failed: "
                                            + reason(lines), round(seconds, 2), digest,
                                            "\n".join(lines)[-4000:]))
            finally:
                shutil.rmtree(staging, ignore_errors=True)
                self.merge_seconds += time.perf_counter() - begun


def _sweep_sandboxes() -> None:
    """Remove the sandboxes of workers that were killed (see :func:`torchcourse.sandbox.sweep_stale`)."""
    from .sandbox import sweep_stale

    sweep_stale()


def _check_sandbox() -> None:
    """Fail once, up front, if the sandbox cannot start (rather than once per student)."""
    from .sandbox import OPT_OUT_VARIABLE, SandboxError, check_sandbox

    if os.environ.get(OPT_OUT_VARIABLE) == "1":
        return
    try:
        check_sandbox()
    except SandboxError as err:
        raise GradingError(str(err)) from err


def _template_gradebook(course_root: Path, assignment: str, tmp: Path) -> Path:
    """A SQLite gradebook that knows ``assignment``, for the workers to copy.

    The course's own file when its gradebook is SQLite; otherwise one made by
    ``nbgrader generate_assignment`` in a scratch course (once per run).
    """
    url = db_url(course_root)
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///"):])
        if path.exists():
            copy = tmp / "template.db"
            # sqlite3's backup API gives a consistent copy even while nbgrader writes
            with sqlite3.connect(path) as src, sqlite3.connect(copy) as dst:
                src.backup(dst)
            return copy
    scratch = copy_course(course_root, tmp / "template", [assignment])
    create_gradebook(sqlite_url(scratch), course_directory(course_root).course_id)
    try:
        run_nbgrader(["generate_assignment", assignment, "--force",
                      f"--CourseDirectory.root={scratch}",
                      f"--CourseDirectory.db_url={sqlite_url(scratch)}"], scratch)
    except CourseError as err:
        raise GradingError(f"could not prepare the workers' gradebook: {err}") from err
    return scratch / "gradebook.db"


def grade_class(course_root: Path, assignment: str, *, workers: int | None = None,
                force: bool = False, students: list[str] | None = None,
                batch_size: int | None = None, extra_args: list[str] = (),
                shard: tuple[int, int] | None = None,
                progress: "Progress | None" = None) -> ClassReport:
    """Autograde every submission of ``assignment`` in ``course_root``, ``workers`` at a time.

    Parameters
    ----------
    course_root : Path
        A course folder: ``nbgrader_config.py``, ``source/<assignment>/`` and
        ``submitted/<student>/<assignment>/``; ``nbgrader generate_assignment``
        must have been run (the gradebook knows the assignment).
    workers : int, optional
        Notebooks graded at once (default: ``ClassGrader.workers``, else the CPU cores).
    force : bool, default False
        Regrade students whose submission is unchanged since they were graded.
    students : list of str, optional
        Grade only these students (default: everyone who submitted).
    batch_size : int, optional
        Students per nbgrader process (default: ``ClassGrader.batch_size``);
        larger batches pay nbgrader's start-up less often, smaller ones balance better.
    extra_args : list of str
        More nbgrader options for the workers, e.g. ``["--Execute.timeout=30"]``.
    shard : (int, int), optional
        ``(K, N)``: grade only the students of shard K of N (:func:`in_shard`),
        and keep this run's records in a file of its own.
    progress : Progress, optional
        Told how many notebooks will run, each time one has run, and each
        :class:`Outcome` (e.g. :class:`ProgressBar`).

    Returns
    -------
    ClassReport
        Also saved in ``autograded/<assignment>.grading[.shard-K-of-N].json``.
    """
    start = time.perf_counter()
    try:
        course_root = check_course_root(course_root)
        settings = ClassGrader(config=load_config(course_root))
        source = assignment_path(course_root, "source", ".", assignment)
    except CourseError as err:
        raise GradingError(str(err)) from err
    if not source.is_dir():
        raise GradingError(f"no {source.relative_to(course_root)}/ in {course_root}")
    workers = max(1, workers or settings.workers or os.cpu_count() or 1)
    found = {s: f for s, f in submitted_students(course_root, assignment).items() if in_shard(s, shard)}
    if students is not None:
        unknown = sorted(s for s in set(students) - set(found) if in_shard(s, shard))
        if unknown:
            raise GradingError(f"no submission of {assignment} from {unknown} in {course_root / 'submitted'}")
        found = {s: found[s] for s in students if s in found}
    records = load_records(course_root, assignment)
    mine = {s: o for s, o in records.items() if in_shard(s, shard)}  # what this run's file holds

    run_outcomes: dict[str, Outcome] = {}
    pending, skipped = [], []
    for student, folder in found.items():
        problems = submission_problems(folder, assignment, settings.max_submission_bytes)
        if problems:
            run_outcomes[student] = Outcome(student, "rejected", "not graded: " + "; ".join(problems))
            continue
        digest = submission_hash(folder)
        earlier = records.get(student)
        already = (earlier is not None and earlier.status == "graded"
                   and earlier.submission_sha256 == digest
                   and assignment_path(course_root, "autograded", student, assignment).is_dir())
        if already and not force:
            skipped.append(student)
        else:
            pending.append((student, folder, digest))
    progress = progress or Progress()
    progress.start(len(pending), len(skipped))
    for outcome in run_outcomes.values():
        mine[outcome.student] = outcome
        progress.outcome(outcome)

    merged = 0.0
    if pending:
        _check_sandbox()
        batch_size = batch_size or settings.batch_size or max(1, min(8, -(-len(pending) // (3 * workers))))
        batches: queue.Queue = queue.Queue()
        for i in range(0, len(pending), batch_size):
            batches.put(pending[i:i + batch_size])
        save_lock = threading.Lock()

        def on_outcome(outcome: Outcome) -> None:
            with save_lock:  # saved as soon as known: an interrupted run resumes from here
                mine[outcome.student] = outcome
                save_records(course_root, assignment, mine, shard)
            progress.outcome(outcome)

        with tempfile.TemporaryDirectory(prefix="torchcourse-template-") as tmp:
            template = _template_gradebook(course_root, assignment, Path(tmp))
            run = _Run(course_root, assignment, template, settings, list(extra_args),
                       on_outcome, progress.executed)

            def work(worker: int) -> None:
                while not run.stopping:
                    try:
                        batch = batches.get_nowait()
                    except queue.Empty:
                        return
                    run.grade_batch(worker, batch)

            pool = concurrent.futures.ThreadPoolExecutor(max_workers=workers)
            futures = [pool.submit(work, k) for k in range(min(workers, batches.qsize()))]
            try:
                for future in concurrent.futures.as_completed(futures):
                    future.result()
            except BaseException:  # Ctrl-C or a failed merge: stop, keep what is recorded
                run.stop()
                pool.shutdown(wait=True, cancel_futures=True)
                _sweep_sandboxes()  # the killed workers' scratch copies and cgroups
                raise
            pool.shutdown()
            run_outcomes.update(run.outcomes)
            merged = run.merge_seconds

    save_records(course_root, assignment, mine, shard)
    return ClassReport(assignment, run_outcomes, skipped, time.perf_counter() - start, workers,
                       merged)


def read_scores(course_root: Path, assignment: str, students: list[str], url: str | None = None) -> dict:
    """``{student: {grade cell: (score, max_score)}}`` from the gradebook at ``url``
    (default: the course's)."""
    from nbgrader.api import Gradebook

    with Gradebook(url or db_url(course_root)) as gradebook:
        result = {}
        for student in students:
            notebook = gradebook.find_submission_notebook(assignment, assignment, student)
            result[student] = {g.name: (float(g.score), float(g.max_score)) for g in notebook.grades}
    return result
