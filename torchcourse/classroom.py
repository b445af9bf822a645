"""Autograde a whole class: N sandboxed workers, a progress bar, crash records and resume.

``nbgrader autograde`` grades one student after another, and two of them
cannot share a SQLite gradebook ("database is locked" aborts the run). Here
each worker grades a small batch of students in a private copy of the course
(its own SQLite gradebook, so workers never contend), with the course's own
``nbgrader_config.py`` and therefore the same sandbox and limits. The executed
notebooks then go into the real gradebook through nbgrader itself:
``nbgrader autograde --no-execute`` over a staging folder that only workers
write. nbgrader computes every grade in both paths, so the grades are the
same as a serial run's (``tests/test_classroom.py`` proves it).

What an instructor gets, per assignment, in ``autograded/<assignment>.grading.json``:
one record per student with its status (``graded``, ``crashed`` or
``rejected``), the reason when it was not graded, the time it took and a hash
of the submission. A later run skips students whose submission has not
changed since they were graded (``force=True`` regrades everyone), so an
interrupted run resumes where it stopped.
"""

from __future__ import annotations

import concurrent.futures
import csv
import dataclasses
import hashlib
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from nbgrader.plugins import ExportPlugin

#: Largest submission folder we accept, in bytes (notebooks with plots are ~1-2 MB).
MAX_SUBMISSION_BYTES = 50 * 2**20

#: Unprivileged uid of worker k's kernels is ``FIRST_WORKER_UID + k`` (when grading as root).
FIRST_WORKER_UID = 60000

STATUSES = ("graded", "crashed", "rejected")

_STUDENT_LINE = re.compile(r"Creating/updating student with ID '(.+?)'")
_GRADED_LINE = "Setting destination file permissions"
_ERROR_LINE = re.compile(r"There was an error processing assignment: (.+)")


class GradingError(RuntimeError):
    """The class could not be graded at all (bad course folder, gradebook unreachable, ...)."""


@dataclasses.dataclass
class Outcome:
    """What happened to one student's submission.

    ``status`` is ``graded`` (grades are in the gradebook), ``crashed`` (nbgrader
    could not grade it; ``reason`` says why and ``log`` holds nbgrader's output)
    or ``rejected`` (never run: e.g. the folder holds a symbolic link).
    """

    student: str
    status: str
    reason: str = ""
    seconds: float = 0.0
    submission_sha256: str = ""
    log: str = ""


@dataclasses.dataclass
class ClassReport:
    """Outcomes of one ``grade_class`` run, plus the records it left alone (skipped)."""

    assignment: str
    outcomes: dict[str, Outcome]
    skipped: list[str]
    seconds: float
    workers: int

    def students(self, status: str) -> list[str]:
        return sorted(s for s, o in self.outcomes.items() if o.status == status)

    def summary(self) -> str:
        counts = ", ".join(f"{len(self.students(s))} {s}" for s in STATUSES)
        return (f"{self.assignment}: {counts}, {len(self.skipped)} skipped (unchanged) "
                f"in {self.seconds:.1f} s with {self.workers} worker(s)")


# ----------------------------------------------------------------- submissions

def report_path(course_root: Path, assignment: str) -> Path:
    """Where the per-student records of ``assignment`` are kept."""
    return Path(course_root) / "autograded" / f"{assignment}.grading.json"


def load_records(course_root: Path, assignment: str) -> dict[str, Outcome]:
    """The records of earlier runs, ``{student: Outcome}`` (empty if none)."""
    path = report_path(course_root, assignment)
    if not path.exists():
        return {}
    data = json.loads(path.read_text())
    return {s: Outcome(**o) for s, o in data.get("students", {}).items()}


def save_records(course_root: Path, assignment: str, records: dict[str, Outcome]) -> None:
    """Write the records atomically (a reader never sees half a file)."""
    path = report_path(course_root, assignment)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"assignment": assignment,
            "students": {s: dataclasses.asdict(records[s]) for s in sorted(records)}}
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=1) + "\n")
    os.replace(tmp, path)


def submitted_students(course_root: Path, assignment: str) -> dict[str, Path]:
    """``{student: submitted/<student>/<assignment>}`` for every student who submitted."""
    root = Path(course_root) / "submitted"
    found = {}
    for student_dir in sorted(root.glob("*")) if root.is_dir() else []:
        folder = student_dir / assignment
        if student_dir.is_dir() and not student_dir.is_symlink() and (folder.exists() or folder.is_symlink()):
            found[student_dir.name] = folder
    return found


def submission_problems(folder: Path, assignment: str) -> list[str]:
    """Why a submission folder must not be graded (empty list: it may).

    Rejects symbolic links (nbgrader would follow them with the grader's
    rights, e.g. to the gradebook or the hidden tests), anything that is not
    a plain file or folder, a missing notebook, and folders over
    :data:`MAX_SUBMISSION_BYTES`.
    """
    if folder.is_symlink():
        return [f"{folder.name} is a symbolic link"]
    problems, total = [], 0
    for path in [folder, *folder.rglob("*")]:
        relative = path.relative_to(folder.parent)
        if path.is_symlink():
            problems.append(f"{relative} is a symbolic link (to {os.readlink(path)})")
        elif path.is_file():
            total += path.stat().st_size
        elif not path.is_dir():
            problems.append(f"{relative} is not a regular file")
    if not (folder / f"{assignment}.ipynb").is_file():
        problems.append(f"no {assignment}.ipynb in the submission")
    if total > MAX_SUBMISSION_BYTES:
        problems.append(f"the submission holds {total / 2**20:.0f} MiB "
                        f"(limit {MAX_SUBMISSION_BYTES / 2**20:.0f} MiB)")
    return problems


def submission_hash(folder: Path) -> str:
    """SHA-256 over the names and contents of every file in the folder."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


# --------------------------------------------------------------------- nbgrader

def course_db_url(course_root: Path) -> str:
    """The gradebook URL that nbgrader uses in ``course_root`` (config file and environment)."""
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(course_root)).load_config()
    url = config.CourseDirectory.get("db_url")
    return url or "sqlite:///" + str(Path(course_root) / "gradebook.db")


def _nbgrader(args: list[str], cwd: Path, on_line, procs: set, lock: threading.Lock,
              timeout: float | None = None) -> int:
    """Run ``nbgrader ARGS`` in ``cwd``, feeding each output line to ``on_line``; return the exit code."""
    proc = subprocess.Popen([sys.executable, "-m", "nbgrader", *args], cwd=cwd, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)  # its own group: stop() kills kernels too
    with lock:
        procs.add(proc)
    timer = threading.Timer(timeout, _kill, [proc]) if timeout else None
    if timer:
        timer.start()
    try:
        for line in proc.stdout:
            on_line(line.rstrip("\n"))
        return proc.wait()
    except BaseException:  # e.g. a progress callback failed: no orphaned nbgrader
        _kill(proc)
        proc.wait()
        raise
    finally:
        if timer:
            timer.cancel()
        with lock:
            procs.discard(proc)


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _reason(lines: list[str]) -> str:
    """The most telling line of a failed student's log: the exception, else the last error."""
    for line in reversed(lines):
        text = line.strip()
        if re.match(r"^[\w.]*(Error|Exception|Exit|Interrupt)\b", text):
            return text[:500]
    errors = [line for line in lines if "ERROR" in line]
    return (errors[-1] if errors else (lines[-1] if lines else "no output")).strip()[:500]


class _LogParser:
    """Follows an ``nbgrader autograde`` log: which student is being graded, and which finished.

    ``lines[student]`` is the log of that student (from nbgrader's "Creating/updating
    student" line to the next student's); ``finished`` maps each student whose
    notebook was written to the time it was; ``on_finished(student)`` is called then.
    """

    def __init__(self, on_finished=None):
        self.on_finished = on_finished
        self.current: str | None = None
        self.lines: dict[str, list[str]] = {}
        self.started: dict[str, float] = {}
        self.finished: dict[str, float] = {}

    def __call__(self, line: str) -> None:
        started = _STUDENT_LINE.search(line)
        if started:
            self.current = started[1]
            self.lines[self.current] = []
            self.started[self.current] = time.perf_counter()
        if self.current is None:
            return
        self.lines[self.current].append(line)
        if _GRADED_LINE in line:
            self.finished[self.current] = time.perf_counter()
            if self.on_finished is not None:
                self.on_finished(self.current)


# -------------------------------------------------------------------- grading

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



class _Run:
    """State shared by the workers of one :func:`grade_class` call."""

    def __init__(self, course_root: Path, assignment: str, template_db: Path,
                 extra_args: list[str], timeout: float | None, on_outcome, on_executed):
        self.course_root, self.assignment = course_root, assignment
        self.template_db, self.extra_args, self.timeout = template_db, extra_args, timeout
        self.on_outcome, self.on_executed = on_outcome, on_executed
        self.lock, self.merge_lock = threading.Lock(), threading.Lock()
        self.procs: set[subprocess.Popen] = set()
        self.outcomes: dict[str, Outcome] = {}
        self.stopping = False

    def record(self, outcome: Outcome) -> None:
        with self.lock:
            self.outcomes[outcome.student] = outcome
        self.on_outcome(outcome)

    def stop(self) -> None:
        self.stopping = True
        with self.lock:
            for proc in list(self.procs):
                _kill(proc)

    def grade_batch(self, worker: int, batch: list[tuple[str, Path, str]]) -> None:
        """Execute a batch in a private course copy, then merge what it graded."""
        with tempfile.TemporaryDirectory(prefix=f"torchcourse-worker{worker}-") as tmp:
            work = Path(tmp)
            shutil.copy2(self.course_root / "nbgrader_config.py", work / "nbgrader_config.py")
            shutil.copytree(self.course_root / "source" / self.assignment,
                            work / "source" / self.assignment)
            shutil.copy2(self.template_db, work / "gradebook.db")
            for student, folder, _ in batch:
                shutil.copytree(folder, work / "submitted" / student / self.assignment)
            args = ["autograde", self.assignment, "--force",
                    f"--CourseDirectory.root={work}",
                    f"--CourseDirectory.db_url=sqlite:///{work / 'gradebook.db'}",
                    f"--SandboxedExecute.sandbox_uid={FIRST_WORKER_UID + worker}",
                    *self.extra_args]
            parser, log = _LogParser(self.on_executed), []

            def on_line(line):
                log.append(line)
                parser(line)

            begun = time.perf_counter()
            code = _nbgrader(args, work, on_line, self.procs, self.lock,
                             timeout=self.timeout * len(batch) if self.timeout else None)
            if code == -signal.SIGKILL:  # timed out or stopped: nbgrader could not clean up
                _sweep_sandboxes()
            if self.stopping:
                return
            ended = time.perf_counter()
            executed = []
            for student, _, digest in batch:
                lines = parser.lines.get(student, [])
                seconds = parser.finished.get(student, ended) - parser.started.get(student, begun)
                folder = work / "autograded" / student / self.assignment
                if student in parser.finished and folder.is_dir():
                    executed.append((student, folder, digest, seconds))
                    continue
                if not lines:  # nbgrader stopped (or was killed) before this student
                    lines = log[-40:] + [f"nbgrader exited with status {code}"]
                if code == -signal.SIGKILL and self.timeout:
                    lines.append(f"GradingTimeout: the batch ran past {self.timeout:g} s per "
                                 "student and was stopped")
                self.on_executed(student)
                self.record(Outcome(student, "crashed", _reason(lines), seconds, digest,
                                    "\n".join(lines)[-4000:]))
            if executed:
                self.merge(executed)

    def merge(self, executed: list[tuple[str, Path, str, float]]) -> None:
        """Record executed notebooks in the course's gradebook with ``autograde --no-execute``.

        Only notebooks that a worker executed ever reach the staging folder: with
        ``--no-execute`` nbgrader grades the outputs it finds.
        """
        with self.merge_lock:  # one writer at a time, whatever the gradebook
            staging = Path(tempfile.mkdtemp(prefix=".grading-staging-", dir=self.course_root))
            try:
                for student, folder, *_ in executed:
                    shutil.copytree(folder, staging / student / self.assignment)
                parser, log = _LogParser(), []

                def on_line(line):
                    log.append(line)
                    parser(line)

                code = _nbgrader(["autograde", self.assignment, "--force", "--no-execute",
                                  f"--CourseDirectory.submitted_directory={staging.name}"],
                                 self.course_root, on_line, self.procs, self.lock)
                if self.stopping:
                    return
                if code != 0 and not parser.finished:
                    raise GradingError("recording grades in the gradebook failed "
                                       f"(nbgrader exit {code}):\n" + "\n".join(log[-40:]))
                for student, _, digest, seconds in executed:
                    if student in parser.finished:
                        self.record(Outcome(student, "graded", "", round(seconds, 2), digest))
                    else:
                        lines = parser.lines.get(student) or log[-40:]
                        self.record(Outcome(student, "crashed", "recording the grades failed: "
                                            + _reason(lines), round(seconds, 2), digest,
                                            "\n".join(lines)[-4000:]))
            finally:
                shutil.rmtree(staging, ignore_errors=True)


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


def _template_gradebook(course_root: Path, assignment: str, db_url: str, tmp: Path) -> Path:
    """A SQLite gradebook that knows ``assignment``, for the workers to copy.

    The course's own file when its gradebook is SQLite; otherwise one made by
    ``nbgrader generate_assignment`` in a scratch course (about 30 s, once).
    """
    if db_url.startswith("sqlite:///"):
        path = Path(db_url[len("sqlite:///"):])
        if path.exists():
            copy = tmp / "template.db"
            # sqlite3's backup API gives a consistent copy even while nbgrader writes
            import sqlite3
            with sqlite3.connect(path) as src, sqlite3.connect(copy) as dst:
                src.backup(dst)
            return copy
    scratch = tmp / "template"
    scratch.mkdir()
    shutil.copy2(course_root / "nbgrader_config.py", scratch / "nbgrader_config.py")
    shutil.copytree(course_root / "source" / assignment, scratch / "source" / assignment)
    proc = subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", assignment,
                           "--force", f"--CourseDirectory.root={scratch}",
                           f"--CourseDirectory.db_url=sqlite:///{scratch / 'gradebook.db'}"],
                          cwd=scratch, capture_output=True, text=True)
    if proc.returncode != 0:
        raise GradingError(f"could not prepare the workers' gradebook:\n{proc.stdout[-3000:]}"
                           f"{proc.stderr[-3000:]}")
    return scratch / "gradebook.db"


def grade_class(course_root: Path, assignment: str, *, workers: int | None = None,
                force: bool = False, students: list[str] | None = None,
                batch_size: int | None = None, extra_args: list[str] = (),
                timeout: float | None = 1800, progress: "Progress | None" = None) -> ClassReport:
    """Autograde every submission of ``assignment`` in ``course_root``, ``workers`` at a time.

    Parameters
    ----------
    course_root : Path
        A course folder: ``nbgrader_config.py``, ``source/<assignment>/`` and
        ``submitted/<student>/<assignment>/``; ``nbgrader generate_assignment``
        must have been run (the gradebook knows the assignment).
    workers : int, optional
        Notebooks graded at once (default: the number of CPU cores).
    force : bool, default False
        Regrade students whose submission is unchanged since they were graded.
    students : list of str, optional
        Grade only these students (default: everyone who submitted).
    batch_size : int, optional
        Students per nbgrader process; larger batches pay nbgrader's start-up
        less often, smaller ones balance better (default: spread the class over
        about three batches per worker, at most 8 students each).
    extra_args : list of str
        More nbgrader options for the workers, e.g. ``["--Execute.timeout=30"]``.
    timeout : float or None, default 1800
        Seconds per student after which a worker's whole batch is killed and
        its unfinished students are recorded as crashed (the sandbox's own
        per-notebook limit normally stops a notebook long before).
    progress : Progress, optional
        Told how many notebooks will run, each time one has run, and each
        :class:`Outcome` (e.g. :class:`ProgressBar`).

    Returns
    -------
    ClassReport
        Also saved in ``autograded/<assignment>.grading.json``.
    """
    start = time.perf_counter()
    course_root = Path(course_root).resolve()
    if not (course_root / "nbgrader_config.py").exists():
        raise GradingError(f"{course_root} has no nbgrader_config.py: pass the course root")
    if not (course_root / "source" / assignment).is_dir():
        raise GradingError(f"no source/{assignment}/ in {course_root}")
    workers = max(1, workers or os.cpu_count() or 1)
    found = submitted_students(course_root, assignment)
    if students is not None:
        unknown = sorted(set(students) - set(found))
        if unknown:
            raise GradingError(f"no submission of {assignment} from {unknown} in {course_root / 'submitted'}")
        found = {s: found[s] for s in students}
    records = load_records(course_root, assignment)

    run_outcomes: dict[str, Outcome] = {}
    pending, skipped = [], []
    for student, folder in found.items():
        problems = submission_problems(folder, assignment)
        if problems:
            run_outcomes[student] = Outcome(student, "rejected", "not graded: " + "; ".join(problems))
            continue
        digest = submission_hash(folder)
        earlier = records.get(student)
        already = (earlier is not None and earlier.status == "graded"
                   and earlier.submission_sha256 == digest
                   and (course_root / "autograded" / student / assignment).is_dir())
        if already and not force:
            skipped.append(student)
        else:
            pending.append((student, folder, digest))
    progress = progress or Progress()
    progress.start(len(pending), len(skipped))
    for outcome in run_outcomes.values():
        records[outcome.student] = outcome
        progress.outcome(outcome)

    if pending:
        _check_sandbox()
        if batch_size is None:
            batch_size = max(1, min(8, -(-len(pending) // (3 * workers))))
        batches: queue.Queue = queue.Queue()
        for i in range(0, len(pending), batch_size):
            batches.put(pending[i:i + batch_size])
        save_lock = threading.Lock()

        def on_outcome(outcome: Outcome) -> None:
            with save_lock:  # saved as soon as known: an interrupted run resumes from here
                records[outcome.student] = outcome
                save_records(course_root, assignment, records)
            progress.outcome(outcome)

        with tempfile.TemporaryDirectory(prefix="torchcourse-template-") as tmp:
            template = _template_gradebook(course_root, assignment, course_db_url(course_root), Path(tmp))
            run = _Run(course_root, assignment, template, list(extra_args), timeout,
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

    save_records(course_root, assignment, records)
    return ClassReport(assignment, run_outcomes, skipped, time.perf_counter() - start, workers)


# ---------------------------------------------------------------------- export

EXPORT_COLUMNS = ["assignment", "duedate", "timestamp", "student_id", "last_name", "first_name",
                  "email", "raw_score", "late_submission_penalty", "score", "max_score",
                  "grading_status", "needs_review", "review_reasons"]


def review_reasons(course_root: Path, assignment: str, student: str) -> list[str]:
    """Why an instructor should look at this student's autograded notebooks (see integrity.py)."""
    import nbformat

    from .integrity import review_reasons as notebook_reasons

    reasons = []
    for source in sorted((Path(course_root) / "source" / assignment).glob("*.ipynb")):
        graded = Path(course_root) / "autograded" / student / assignment / source.name
        if not graded.exists():
            continue
        found = notebook_reasons(nbformat.read(graded, as_version=4),
                                 nbformat.read(source, as_version=4))
        prefix = f"{source.name}: " if len(list(source.parent.glob("*.ipynb"))) > 1 else ""
        reasons += [prefix + reason for reason in found]
    return reasons


def export_rows(gradebook, course_root: Path, assignments: list[str] = (),
                students: list[str] = ()) -> list[dict[str, str]]:
    """nbgrader's CSV columns plus ``grading_status``, ``needs_review`` and ``review_reasons``.

    Every student in the gradebook appears, and so does every student in a
    grading record (a submission that crashed or was rejected never reaches
    the gradebook, and must not vanish from the grade sheet).
    """
    from nbgrader.api import MissingEntry

    rows = []
    for assignment in gradebook.assignments:
        if assignments and assignment.name not in assignments:
            continue
        records = load_records(course_root, assignment.name)
        people = {s.id: s for s in gradebook.students}
        for student_id in sorted(set(people) | set(records)):
            if students and student_id not in students:
                continue
            person = people.get(student_id)
            row = {"assignment": assignment.name, "duedate": assignment.duedate,
                   "student_id": student_id, "max_score": assignment.max_score,
                   "last_name": person.last_name if person else "",
                   "first_name": person.first_name if person else "",
                   "email": person.email if person else "",
                   "timestamp": "", "raw_score": 0.0, "late_submission_penalty": 0.0, "score": 0.0}
            try:
                submission = gradebook.find_submission(assignment.name, student_id)
            except MissingEntry:
                submission = None
            record = records.get(student_id)
            reasons = []
            if record is not None and record.status != "graded":
                status = record.status
                reasons.append(f"{record.status}: {record.reason}")
            elif submission is not None:
                status = "graded"
            else:
                status = "no submission"
            if submission is not None:
                row.update(timestamp=submission.timestamp, raw_score=submission.score,
                           late_submission_penalty=submission.late_submission_penalty,
                           score=max(0.0, submission.score - submission.late_submission_penalty))
                if status == "graded":
                    reasons += review_reasons(course_root, assignment.name, student_id)
            row.update(grading_status=status, needs_review="yes" if reasons else "no",
                       review_reasons=" | ".join(reasons))
            rows.append({k: "" if row[k] is None else str(row[k]) for k in EXPORT_COLUMNS})
    return rows


class ReviewedCsvExportPlugin(ExportPlugin):
    """``nbgrader export`` to CSV (quoted properly), with review flags.

    Besides nbgrader's columns: ``grading_status`` (graded, crashed, rejected or
    no submission), ``needs_review`` (yes/no) and ``review_reasons``. Enabled in
    nbgrader_config.py with ``c.ExportApp.plugin_class``.
    """

    def export(self, gradebook) -> None:
        dest = self.to or "grades.csv"
        root = Path(self.parent.coursedir.root) if self.parent is not None else Path.cwd()
        rows = export_rows(gradebook, root, [str(a) for a in self.assignment],
                           [str(s) for s in self.student])
        with open(dest, "w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=EXPORT_COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
        flagged = sum(r["needs_review"] == "yes" for r in rows)
        self.log.info("Exported %d row(s) to %s; %d need manual review (column needs_review)",
                      len(rows), dest, flagged)
