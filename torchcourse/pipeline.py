"""The course's build and grading pipeline, on top of nbgrader and papermill.

* :func:`generate_release` makes the student versions (``release/``) with
  ``nbgrader generate_assignment``.
* :func:`execute_notebooks` runs source notebooks with papermill and writes the
  published edition (``notebooks/``).
* :func:`grade_fixtures` proves the grading means something: it autogrades the
  untouched release, the solutions and every recorded fixture submission
  (``tests/submissions/<topic>/<exercise>/{mistake,alternative}_*.py``) with the
  real ``nbgrader autograde`` in a temporary copy of the course.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from .authoring import TESTS_SUFFIX

ROOT = Path(__file__).resolve().parent.parent
SOURCE = "source"
RELEASE = "release"
PUBLISHED = "notebooks"
SUBMISSIONS = Path("tests") / "submissions"
SOLUTION_MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION")


class PipelineError(RuntimeError):
    """A step of the pipeline failed; the message says which and why."""


# --------------------------------------------------------------------- topics

def topics(root: Path = ROOT) -> list[str]:
    """Topic ids (= nbgrader assignment ids) in learning order: ``source/<id>/<id>.ipynb``."""
    return sorted(p.parent.name for p in (root / SOURCE).glob("*/*.ipynb") if p.stem == p.parent.name)


def source_path(topic: str, root: Path = ROOT) -> Path:
    return root / SOURCE / topic / f"{topic}.ipynb"


def release_path(topic: str, root: Path = ROOT) -> Path:
    return root / RELEASE / topic / f"{topic}.ipynb"


def published_path(topic: str, root: Path = ROOT) -> Path:
    return root / PUBLISHED / f"{topic}.ipynb"


def check_topics(requested: list[str] | None, root: Path = ROOT) -> list[str]:
    """Return ``requested`` (or every topic), failing clearly on unknown names."""
    known = topics(root)
    if not requested:
        return known
    unknown = [t for t in requested if t not in known]
    if unknown:
        raise PipelineError(f"unknown topic(s) {unknown}; known topics: {known}")
    return list(requested)


# -------------------------------------------------------------------- nbgrader

def run_nbgrader(args: list[str], course_root: Path, on_line=None,
                 env: dict[str, str] | None = None, check: bool = True) -> str:
    """Run ``nbgrader ARGS`` in ``course_root`` and return its log.

    ``on_line``, if given, is called with each log line as it arrives (used for
    progress bars). ``env`` adds or overrides environment variables for
    nbgrader, e.g. ``{"NBGRADER_DB_URL": url}``. Raises :class:`PipelineError`
    if nbgrader fails, unless ``check`` is False (the caller reads the log).
    """
    if not (course_root / "nbgrader_config.py").exists():
        raise PipelineError(f"{course_root} has no nbgrader_config.py; run from the course root")
    proc = subprocess.Popen([sys.executable, "-m", "nbgrader", *args], cwd=course_root,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, **env} if env else None)
    lines = []
    for line in proc.stdout:
        lines.append(line)
        if on_line is not None:
            on_line(line)
    if proc.wait() != 0 and check:
        raise PipelineError(f"nbgrader {' '.join(args)} failed (exit {proc.returncode}):\n"
                            + "".join(lines[-60:]))
    return "".join(lines)


def generate_release(topic_ids: list[str], root: Path = ROOT) -> None:
    """Write ``release/<topic>/<topic>.ipynb`` for each topic with nbgrader."""
    for topic in topic_ids:
        run_nbgrader(["generate_assignment", topic, "--force"], root)


# -------------------------------------------------------------------- papermill

def clean_papermill_metadata(nb) -> None:
    """Drop papermill's timestamps, durations and random ids so re-running gives a small diff."""
    params = nb.metadata.get("papermill", {}).get("parameters")
    nb.metadata.pop("papermill", None)
    if params is not None:
        nb.metadata["papermill"] = {"parameters": params}
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if cell.metadata.get("tags") == []:
            del cell.metadata["tags"]
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"  # papermill gives it a random id


def execute_notebook(topic: str, output: Path, *, device: str = "auto", seed: int = 0,
                     timeout: int = 600, root: Path = ROOT) -> float:
    """Execute one source notebook with papermill into ``output``; return seconds taken.

    The kernel runs in a fresh temporary folder, so files a lesson writes (a
    saved model, say) never land in the repository.
    """
    output = Path(output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix=f"run-{topic}-") as workdir:
        cmd = [sys.executable, "-m", "papermill", str(source_path(topic, root)), str(output),
               "-k", "python3", "--cwd", workdir, "--execution-timeout", str(timeout),
               "--no-progress-bar", "-p", "device", device, "-p", "seed", str(seed)]
        proc = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise PipelineError(f"papermill failed on {topic} (device={device}); the output "
                            f"notebook {output} shows the failing cell.\n{proc.stderr[-4000:]}")
    nb = nbformat.read(output, as_version=4)
    clean_papermill_metadata(nb)
    nbformat.write(nb, output)
    return seconds


def execute_notebooks(topic_ids: list[str], output_dir: Path, *, device: str = "auto",
                      seed: int = 0, workers: int | None = None, timeout: int = 600,
                      root: Path = ROOT, report=print) -> dict[str, float]:
    """Execute several notebooks in parallel; return ``{topic: seconds}``.

    Every notebook is attempted; failures are collected and raised together.
    """
    workers = workers or os.cpu_count() or 1
    times, failures = {}, []
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(execute_notebook, t, Path(output_dir) / f"{t}.ipynb",
                               device=device, seed=seed, timeout=timeout, root=root): t
                   for t in topic_ids}
        for n, future in enumerate(concurrent.futures.as_completed(futures), 1):
            topic = futures[future]
            try:
                times[topic] = future.result()
                report(f"[{n}/{len(futures)}] executed {topic} in {times[topic]:.1f} s")
            except PipelineError as err:
                failures.append(str(err))
                report(f"[{n}/{len(futures)}] FAILED {topic}")
    if failures:
        raise PipelineError("\n\n".join(failures))
    return times


# ------------------------------------------------------------------ submissions

def strip_solution_markers(source: str) -> str:
    """The solution as a learner would type it: the source cell minus nbgrader's markers."""
    return "\n".join(line for line in source.splitlines()
                     if line.strip() not in SOLUTION_MARKERS)


def solution_cells(nb) -> dict[str, str]:
    """``{exercise id: cell source}`` of every autograded-answer cell."""
    return {cell.metadata["nbgrader"]["grade_id"]: cell.source for cell in nb.cells
            if cell.metadata.get("nbgrader", {}).get("solution")}


def solution_answers(topic: str, root: Path = ROOT) -> dict[str, str]:
    """``{exercise id: answer}`` with every exercise answered by its source solution."""
    source = nbformat.read(source_path(topic, root), as_version=4)
    return {k: strip_solution_markers(v) for k, v in solution_cells(source).items()}


def fill_in(release_nb, answers: dict[str, str]):
    """A copy of a student notebook with the given exercise cells answered."""
    nb = nbformat.from_dict(release_nb)
    unknown = set(answers) - set(solution_cells(nb))
    if unknown:
        raise PipelineError(f"no exercise cell(s) {sorted(unknown)} in this notebook")
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]
    return nb


@dataclasses.dataclass(frozen=True)
class Fixture:
    """A recorded submission for one exercise: a common mistake or a correct alternative."""

    topic: str
    exercise: str
    kind: str  # "mistake" or "alternative"
    slug: str
    path: Path

    @property
    def description(self) -> str:
        """The fixture's leading comment, without the ``#``."""
        lines = []
        for line in self.path.read_text().splitlines():
            if not line.startswith("#"):
                break
            lines.append(line.lstrip("# ").rstrip())
        return " ".join(lines)


#: A learner with a GPU at home who edited the parameters cell before submitting.
EDITED_PARAMETERS = 'device = "cuda"\nseed = 123'
EDITED_PARAMETERS_STUDENT = "solution-edited-parameters"

FIXTURE_NAME = re.compile(r"^(mistake|alternative)_([a-z0-9_]+)\.py$")


def fixtures(topic: str, root: Path = ROOT) -> list[Fixture]:
    """Every fixture recorded for ``topic``, sorted by exercise then name."""
    found = []
    for path in sorted((root / SUBMISSIONS / topic).glob("*/*.py")):
        match = FIXTURE_NAME.match(path.name)
        if not match:
            raise PipelineError(f"{path}: fixture names are mistake_<slug>.py or alternative_<slug>.py")
        found.append(Fixture(topic, path.parent.name, match[1], match[2], path))
    return found


# --------------------------------------------------------------------- grading

@dataclasses.dataclass
class GradedCourse:
    """Results of autograding a set of submissions of one topic in a temporary course."""

    topic: str
    course_root: Path
    scores: dict[str, dict[str, tuple[float, float]]]  # student -> test cell -> (score, max)
    seconds: float
    #: students whose notebook nbgrader could not grade at all -> the log lines about it
    crashes: dict[str, str] = dataclasses.field(default_factory=dict)

    def autograded_notebook(self, student: str):
        path = self.course_root / "autograded" / student / self.topic / f"{self.topic}.ipynb"
        return nbformat.read(path, as_version=4)


def make_course_copy(topic_ids: list[str], workdir: Path, root: Path = ROOT) -> Path:
    """A minimal course (config + the topics' sources) in ``workdir``."""
    workdir.mkdir(parents=True, exist_ok=True)
    shutil.copy2(root / "nbgrader_config.py", workdir / "nbgrader_config.py")
    for topic in topic_ids:
        shutil.copytree(root / SOURCE / topic, workdir / SOURCE / topic)
    return workdir


def sqlite_url(course_root: Path) -> str:
    """The URL of the course's default gradebook, ``<course_root>/gradebook.db``."""
    return "sqlite:///" + str(Path(course_root).resolve() / "gradebook.db")


def read_scores(course_root: Path, topic: str, students: list[str], db_url: str | None = None) -> dict:
    """``{student: {grade cell: (score, max_score)}}`` from the gradebook at ``db_url``
    (default: the course's SQLite ``gradebook.db``)."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url or sqlite_url(course_root)) as gradebook:
        result = {}
        for student in students:
            notebook = gradebook.find_submission_notebook(topic, topic, student)
            result[student] = {g.name: (float(g.score), float(g.max_score))
                               for g in notebook.grades}
    return result


#: nbgrader logs this line once per student, when that student's notebook is graded.
GRADED_LOG_LINE = "Setting destination file permissions"


def submit(topic: str, submissions: dict[str, object], workdir: Path) -> None:
    """Write ``{student: notebook}`` where nbgrader looks for submissions of ``topic``."""
    for student, nb in submissions.items():
        target = Path(workdir) / "submitted" / student / topic / f"{topic}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, target)


def _crashes(log: str, topic: str, students: list[str], course_root: Path) -> dict[str, str]:
    """``{student: log excerpt}`` for each student nbgrader left without an autograded notebook."""
    crashes = {}
    for student in students:
        if (course_root / "autograded" / student / topic / f"{topic}.ipynb").exists():
            continue
        lines = log.splitlines()
        hits = [i for i, line in enumerate(lines) if f"/{student}/" in line or f"'{student}'" in line]
        first, last = (hits[0], hits[-1]) if hits else (len(lines) - 40, len(lines) - 1)
        excerpt = lines[max(0, first):last + 1][-60:]  # from its first mention to nbgrader's verdict
        crashes[student] = "\n".join(excerpt) or "no autograded notebook, and nbgrader logged nothing"
    return crashes


def autograde(topic: str, submissions: dict[str, object], workdir: Path,
              root: Path = ROOT, on_graded=None, db_url: str | None = None,
              extra_args: list[str] = ()) -> GradedCourse:
    """Autograde ``{student: notebook}`` for one topic with real nbgrader in ``workdir``.

    ``workdir`` must already hold a course copy with a generated release.
    ``on_graded()``, if given, is called after each student's notebook is graded.
    ``db_url``, if given, is the gradebook (passed to nbgrader as ``NBGRADER_DB_URL``);
    by default it is ``workdir/gradebook.db``.
    ``extra_args`` go to ``nbgrader autograde`` (e.g. ``["--Execute.timeout=10"]``).
    A notebook nbgrader cannot grade at all does not stop the others: its
    student is in :attr:`GradedCourse.crashes` with the log lines about it, and
    has no scores. Raises :class:`PipelineError` only if nothing was graded.
    """
    start = time.perf_counter()
    submit(topic, submissions, workdir)

    def on_line(line):
        if on_graded is not None and GRADED_LOG_LINE in line:
            on_graded()

    env = {"NBGRADER_DB_URL": db_url} if db_url else None
    log = run_nbgrader(["autograde", topic, "--force", *extra_args], workdir, on_line, env,
                       check=False)
    crashes = _crashes(log, topic, list(submissions), workdir)
    if submissions and len(crashes) == len(submissions):
        raise PipelineError(f"nbgrader autograde {topic} graded no notebook:\n{log[-6000:]}")
    scores = read_scores(workdir, topic, [s for s in submissions if s not in crashes], db_url)
    return GradedCourse(topic, workdir, scores, time.perf_counter() - start, crashes)


def fixture_plan(topic: str, root: Path = ROOT) -> dict[str, list[Fixture]]:
    """Which fixtures each graded submission holds, by nbgrader student id.

    * ``release``: the student version, untouched;
    * ``solution``: every exercise answered with the source solution;
    * ``mistake--<exercise>--<slug>``: the solutions with one mistake, alone, so
      that the other exercises show they keep full marks;
    * ``alternatives-<k>``: the k-th recorded alternative of every exercise
      that has one, together (correct answers must all score, so they can share
      a submission; this saves one autograde run per extra alternative);
    * ``solution-edited-parameters``: the solutions, with the parameters cell
      changed to :data:`EDITED_PARAMETERS` (grading must reset it).
    """
    plan: dict[str, list[Fixture]] = {"release": [], "solution": [], EDITED_PARAMETERS_STUDENT: []}
    alternatives: dict[str, list[Fixture]] = {}
    for fixture in fixtures(topic, root):
        if fixture.kind == "mistake":
            plan[f"mistake--{fixture.exercise}--{fixture.slug}"] = [fixture]
        else:
            alternatives.setdefault(fixture.exercise, []).append(fixture)
    for k in range(max(map(len, alternatives.values()), default=0)):
        plan[f"alternatives-{k + 1}"] = [alts[k] for alts in alternatives.values() if len(alts) > k]
    return plan


def fixture_submissions(topic: str, course_root: Path, root: Path = ROOT) -> dict[str, object]:
    """The notebooks of :func:`fixture_plan`, built from the course's fresh release."""
    release = nbformat.read(release_path(topic, course_root), as_version=4)
    solutions = solution_answers(topic, root)
    submissions = {}
    for student, included in fixture_plan(topic, root).items():
        if student == "release":
            submissions[student] = release
            continue
        answers = dict(solutions, **{f.exercise: f.path.read_text() for f in included})
        submissions[student] = fill_in(release, answers)
    for cell in submissions[EDITED_PARAMETERS_STUDENT].cells:
        if "parameters" in cell.metadata.get("tags", []):
            cell.source = EDITED_PARAMETERS
    return submissions


def grade_fixtures(topic: str, workdir: Path, root: Path = ROOT, on_graded=None) -> GradedCourse:
    """Generate the release of ``topic`` in a fresh course copy and autograde all fixtures."""
    course = make_course_copy([topic], Path(workdir), root)
    generate_release([topic], course)
    return autograde(topic, fixture_submissions(topic, course, root), course, root, on_graded)


def expected_scores(student: str, included: list[Fixture],
                    max_scores: dict[str, float]) -> dict[str, float]:
    """What each test cell must score for ``student``, who holds the fixtures ``included``
    (see :func:`fixture_plan`): nothing for the untouched release; for a mistake,
    zero on its own exercise's test cell; full marks everywhere else."""
    if student == "release":
        return {cell: 0.0 for cell in max_scores}
    zeroed = {f.exercise + TESTS_SUFFIX for f in included if f.kind == "mistake"}
    missing = zeroed - set(max_scores)
    if missing:
        raise PipelineError(f"{student}: the notebook has no test cell(s) {sorted(missing)}")
    return {cell: (0.0 if cell in zeroed else full) for cell, full in max_scores.items()}


def unexpected_scores(course: GradedCourse, student: str,
                      included: list[Fixture]) -> dict[str, tuple[float, float]]:
    """``{test cell: (score, expected)}`` for every cell of ``student`` that scored wrongly."""
    cells = course.scores[student]
    expected = expected_scores(student, included, {c: full for c, (_, full) in cells.items()})
    return {c: (score, expected[c]) for c, (score, _) in cells.items() if score != expected[c]}


def grade_fixtures_parallel(topic_ids: list[str], workdir: Path, workers: int | None = None,
                            root: Path = ROOT, on_graded=None) -> dict[str, GradedCourse]:
    """:func:`grade_fixtures` for several topics at once, one nbgrader process each."""
    workers = workers or os.cpu_count() or 1
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {t: pool.submit(grade_fixtures, t, Path(workdir) / t, root, on_graded)
                   for t in topic_ids}
        return {t: f.result() for t, f in futures.items()}
