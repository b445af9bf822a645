"""``./course grade``: a learner autogrades their own notebook, hidden tests included.

Most people who take an open course have no instructor. ``./course grade
release/05_gradient_descent/05_gradient_descent.ipynb`` grades a copy of the
notebook exactly as a class would be graded: in a scratch course folder made
from this course's sources, by :func:`torchcourse.classroom.grade_class`, in the
bubblewrap sandbox, with the hidden tests. It then prints, per graded cell, the
points, passed or failed, and for each failure the check's message with its
hint (the message's last line of each check; never the test code, never a
traceback). The learner's notebook is only read; the scratch folder is deleted
afterwards. Nothing needs the network.

``./course validate`` stays the quick check: it runs the visible tests only.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import tempfile
from pathlib import Path

import nbformat

from . import pipeline
from .course import CourseError, assignment_path, copy_course
from .report import error_outputs

#: The student id the scratch course grades the learner's notebook as.
LEARNER = "me"


class SelfGradeError(CourseError):
    """The notebook could not be graded; the message says why and what to do."""


@dataclasses.dataclass
class CellResult:
    cell: str
    score: float
    max_score: float
    message: str = ""  # the failed check's message, hint included ("" when it passed)

    @property
    def passed(self) -> bool:
        return self.score >= self.max_score

    @property
    def exercise(self) -> str:
        """The exercise the test cell checks (its id without ``_tests``)."""
        return self.cell.removesuffix("_tests")


@dataclasses.dataclass
class SelfGrade:
    topic: str
    cells: list[CellResult]
    seconds: float

    @property
    def score(self) -> float:
        return sum(c.score for c in self.cells)

    @property
    def max_score(self) -> float:
        return sum(c.max_score for c in self.cells)

    def table(self, width: int = 100) -> str:
        """The result as a plain-text table, then each failure's message."""
        name_width = max([len("exercise")] + [len(c.exercise) for c in self.cells])
        lines = [f"{'exercise':<{name_width}}  points   result",
                 f"{'-' * name_width}  -------  ------"]
        for c in self.cells:
            lines.append(f"{c.exercise:<{name_width}}  {c.score:>3g} / {c.max_score:<3g}"
                         f"{'passed' if c.passed else 'FAILED':>7}")
        lines.append(f"{'total':<{name_width}}  {self.score:>3g} / {self.max_score:<3g}")
        for c in self.cells:
            if not c.passed:
                lines += ["", f"{c.exercise}:"] + [f"  {line}" for line in c.message.splitlines()]
        return "\n".join(lines)


def topic_of(notebook: Path, root: Path = pipeline.ROOT) -> str:
    """The course topic a notebook belongs to: its folder's or file's name (``release/05_x/``,
    ``05_x.ipynb``, ``05_x-Copy1.ipynb``), else the topic whose test cells it holds."""
    topics = pipeline.topics(root)
    for name in (notebook.parent.name, notebook.stem):
        for topic in topics:
            if name == topic or name.startswith(topic):
                return topic
    ids = _grade_ids(nbformat.read(notebook, as_version=4))
    for topic in topics:
        if ids and ids <= _grade_ids(nbformat.read(pipeline.source_path(topic, root), as_version=4)):
            return topic
    raise SelfGradeError(f"{notebook} is not a notebook of this course (no topic matches its name or "
                         f"its graded cells); the topics are {', '.join(topics)}")


def _grade_ids(nb) -> set[str]:
    return {c.metadata["nbgrader"]["grade_id"] for c in nb.cells
            if c.metadata.get("nbgrader", {}).get("grade")}


def _message(output: dict) -> str:
    """What a learner may read of a failed test cell: the error's type and message, no frames."""
    text = str(output.get("evalue", "")).strip()
    return text if output.get("ename") == "CheckFailed" else f"{output.get('ename', 'Error')}: {text}"


def _check_sandbox() -> None:
    """Fail in a second, before any work, if the sandbox cannot start (bubblewrap missing)."""
    from .sandbox import OPT_OUT_VARIABLE, SandboxError, check_sandbox

    if os.environ.get(OPT_OUT_VARIABLE) != "1":
        try:
            check_sandbox()
        except SandboxError as err:
            raise SelfGradeError(f"{err}\n(./course grade runs your code in the same sandbox as class "
                                 "grading; `./course validate` needs it too.)") from err


def grade_notebook(notebook: Path | str, root: Path = pipeline.ROOT) -> SelfGrade:
    """Autograde ``notebook`` (a learner's copy of a release notebook) with the hidden tests.

    Raises :class:`SelfGradeError` if it is not a course notebook, if the sandbox cannot
    start (bubblewrap missing: the message says how to install it), or if the grader
    could not grade it."""
    from . import classroom

    notebook = Path(notebook).resolve()
    if not notebook.is_file():
        raise SelfGradeError(f"no notebook at {notebook}")
    try:
        nbformat.read(notebook, as_version=4)
    except Exception as err:  # noqa: BLE001 - any unreadable file gets the same advice
        raise SelfGradeError(f"{notebook} is not a readable notebook ({err})") from err
    topic = topic_of(notebook, root)
    _check_sandbox()
    scratch = Path(tempfile.mkdtemp(prefix="course-grade-"))
    saved = os.environ.pop("NBGRADER_DB_URL", None)  # the scratch course keeps its own gradebook
    try:
        course = copy_course(root, scratch / "course", [topic])
        target = assignment_path(course, "submitted", LEARNER, topic) / f"{topic}.ipynb"
        target.parent.mkdir(parents=True)
        shutil.copyfile(notebook, target)
        try:
            pipeline.generate_release([topic], course)
            result = classroom.grade_class(course, topic, workers=1)
        except classroom.GradingError as err:
            raise SelfGradeError(str(err)) from err
        outcome = result.outcomes.get(LEARNER)
        if outcome is None or outcome.status != "graded":
            why = outcome.reason if outcome else "the grader did not record it"
            raise SelfGradeError(f"the notebook could not be graded: {why}")
        scores = classroom.read_scores(course, topic, [LEARNER])[LEARNER]
        graded = nbformat.read(assignment_path(course, "autograded", LEARNER, topic) / f"{topic}.ipynb",
                               as_version=4)
    finally:
        if saved is not None:
            os.environ["NBGRADER_DB_URL"] = saved
        shutil.rmtree(scratch, ignore_errors=True)
    messages = {cell: _message(output) for cell, output in error_outputs(graded).items()}
    order = [c.metadata["nbgrader"]["grade_id"] for c in graded.cells
             if c.metadata.get("nbgrader", {}).get("grade") and c.metadata["nbgrader"]["grade_id"] in scores]
    cells = []
    for cell in order:
        score, max_score = scores[cell]
        message = "" if score >= max_score else messages.get(cell, "below full marks (no message)")
        cells.append(CellResult(cell, score, max_score, message))
    return SelfGrade(topic, cells, result.seconds)
