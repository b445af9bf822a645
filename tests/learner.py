"""A topic as a learner meets it: every lesson cell run twice, and every fixture against the visible checks.

One kernel per topic runs the source notebook from the top, the way a learner
does in JupyterLab:

* every lesson code cell (not an exercise, not a test) runs **twice in a row**.
  The second run must raise nothing and print what the first printed, unless
  the cell is tagged :data:`FRESH_RANDOM` (it draws fresh random numbers on
  purpose) or :data:`MEASURED` (it prints a timing);
* every exercise cell holds the source solution, and every test cell runs as
  the student version has it: the visible checks only, hidden tests stripped
  (as nbgrader strips them; ``tests/test_structure.py`` proves the release is
  what nbgrader generates).

Then, in the same kernel, each recorded fixture of ``tests/submissions/<topic>/``
is run against its exercise's visible checks and against its full test cell
(hidden tests included), and the solution is run again after it. This is a
quick rehearsal: the authoritative scores come from ``nbgrader autograde`` in
``tests/proof.py``. What it adds is what a learner *sees*: which mistakes the
visible check catches, and the message it shows.

The rules it enforces (see :func:`problems`):

* every exercise (checkpoints ``answer_*`` aside) has a ``headline_*.py`` fixture, the mistake the exercise
  exists to teach, and it fails the visible checks;
* a mistake that fails the visible checks fails with a written hint
  (:class:`torchcourse.grading.CheckFailed`), not a raw traceback;
* every alternative passes the visible checks;
* lesson cells are safe to run twice.

Run as a script (``python tests/learner.py [topic ...]``) it prints, for every
fixture, what the learner sees under the visible checks.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import queue
import re
import shutil
import sys
import tempfile
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import proof  # noqa: E402
from torchcourse import pipeline  # noqa: E402
from torchcourse.authoring import CHECKPOINT_PREFIX, TESTS_SUFFIX  # noqa: E402

#: The tag of a lesson cell whose output changes on every run because it draws fresh random numbers.
FRESH_RANDOM = "fresh-random"
#: nbval's tag for a cell whose output is a measurement (a timing, a speed-up) that differs on every run and machine;
#: nbval does not compare it, and neither does the second run here.
MEASURED = "nbval-ignore-output"
#: What may differ between two runs of the same cell and still count as the same output.
_VOLATILE = [(re.compile(r"0x[0-9a-fA-F]{6,}"), "0xADDRESS")]
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
CELL_TIMEOUT = 300


@dataclasses.dataclass
class Run:
    """What one execution of some code showed: its text output and its error, if any."""

    output: str
    error: str | None = None    # "ErrorName: message" of an uncaught exception
    error_name: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclasses.dataclass
class FixtureOutcome:
    fixture: proof.Fixture
    visible: Run      # the fixture against the release's test cell
    full: Run         # the fixture against the source's test cell (hidden tests included)


@dataclasses.dataclass
class LearnerSession:
    topic: str
    lesson_cells: dict[str, tuple[Run, Run]]   # cell id -> (first run, second run)
    fresh_random: set[str]
    solution_visible: dict[str, Run]            # exercise -> the solution against its visible checks
    outcomes: list[FixtureOutcome]


class Kernel:
    """A python3 kernel in a scratch folder, executing code strings and collecting text outputs."""

    def __init__(self, cwd: Path):
        from jupyter_client.manager import start_new_kernel
        env = dict(os.environ, TORCHCOURSE_NUM_THREADS="1", MPLBACKEND="module://matplotlib_inline.backend_inline")
        self.manager, self.client = start_new_kernel(kernel_name="python3", cwd=str(cwd), env=env)

    def run(self, code: str) -> Run:
        # Python shows a warning once per place it is raised from; a learner who re-runs a cell meets it
        # again only after this reset, which keeps "the second run printed what the first printed" fair.
        self.client.execute_interactive("import warnings as _w; getattr(_w, '_filters_mutated', lambda: None)()",
                                        silent=True, store_history=False, timeout=CELL_TIMEOUT)
        texts: list[str] = []
        error: list[tuple[str, str]] = []

        def hook(msg):
            kind, content = msg["header"]["msg_type"], msg["content"]
            if kind == "stream":
                texts.append(content["text"])
            elif kind in ("execute_result", "display_data"):
                data = content.get("data", {})
                texts.append(data.get("text/plain", "") if "image/png" not in data else "<image>")
                texts.append("\n")
            elif kind == "error":
                error.append((content["ename"], f"{content['ename']}: {content['evalue']}"))

        try:
            self.client.execute_interactive(code, output_hook=hook, timeout=CELL_TIMEOUT, store_history=False)
        except (TimeoutError, queue.Empty):
            return Run("".join(texts), "TimeoutError: the cell ran too long", "TimeoutError")
        output = _ANSI.sub("", "".join(texts))
        for pattern, replacement in _VOLATILE:
            output = pattern.sub(replacement, output)
        if error:
            return Run(output, _ANSI.sub("", error[0][1]), error[0][0])
        return Run(output)

    def close(self):
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)


def _grade_id(cell) -> str | None:
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def _is_solution(cell) -> bool:
    return bool(cell.metadata.get("nbgrader", {}).get("solution"))


def _is_test(cell) -> bool:
    meta = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


def strip_hidden_tests(source: str) -> str:
    """A test cell as the student version has it: nbgrader's ``ClearHiddenTests`` drops every line
    from ``### BEGIN HIDDEN TESTS`` to ``### END HIDDEN TESTS``, both included."""
    kept, hidden = [], False
    for line in source.splitlines():
        if line.strip() == "### BEGIN HIDDEN TESTS":
            hidden = True
        elif line.strip() == "### END HIDDEN TESTS":
            hidden = False
        elif not hidden:
            kept.append(line)
    return "\n".join(kept)


def learner_session(topic: str, root: Path = pipeline.ROOT, submissions: Path = proof.SUBMISSIONS) -> LearnerSession:
    """Run ``topic`` as described in the module docstring and return everything it showed."""
    source = nbformat.read(pipeline.source_path(topic, root), as_version=4)
    full = {_grade_id(c)[: -len(TESTS_SUFFIX)]: c.source for c in source.cells if _is_test(c)}
    visible = {exercise: strip_hidden_tests(text) for exercise, text in full.items()}
    solutions = proof.solution_answers(topic, root)
    lesson, fresh, solution_visible = {}, set(), {}
    with tempfile.TemporaryDirectory(prefix=f"learner-{topic}-") as tmp:
        work = Path(tmp) / topic
        shutil.copytree(pipeline.source_path(topic, root).parent, work)
        kernel = Kernel(work)
        try:
            for cell in source.cells:
                if cell.cell_type != "code":
                    continue
                tags = cell.metadata.get("tags", [])
                if "parameters" in tags:
                    kernel.run(cell.source + '\ndevice = "cpu"')
                elif _is_solution(cell):
                    kernel.run(solutions[_grade_id(cell)])
                elif _is_test(cell):
                    exercise = _grade_id(cell)[: -len(TESTS_SUFFIX)]
                    solution_visible[exercise] = kernel.run(visible[exercise])
                else:
                    lesson[cell.get("id")] = (kernel.run(cell.source), kernel.run(cell.source))
                    if FRESH_RANDOM in tags or MEASURED in tags:
                        fresh.add(cell.get("id"))
            outcomes = []
            for fixture in proof.fixtures(topic, submissions):
                kernel.run(fixture.path.read_text())
                seen = kernel.run(visible[fixture.exercise])
                kernel.run(fixture.path.read_text())
                graded = kernel.run(full[fixture.exercise])
                outcomes.append(FixtureOutcome(fixture, seen, graded))
                kernel.run(solutions[fixture.exercise])
        finally:
            kernel.close()
    return LearnerSession(topic, lesson, fresh, solution_visible, outcomes)


def is_checkpoint(exercise: str) -> bool:
    """Checkpoints (``answer_*``) have visible checks of form only: a wrong value cannot fail them."""
    return exercise.startswith(CHECKPOINT_PREFIX)


#: The rules :func:`problems` enforces, by the name it files each broken one under.
RULES = {
    "run-twice": "lesson cells are safe to run twice",
    "solution": "the solution passes its visible checks",
    "headline": "every exercise's headline mistake fails its visible checks",
    "hint": "a mistake that fails the visible checks gets a written hint, not a raw traceback",
    "alternative": "every alternative passes the visible checks and the hidden tests",
    "hidden": "every mistake fails the hidden tests",
}


def problems(session: LearnerSession) -> list[tuple[str, str]]:
    """``(rule, what is wrong)`` for every rule of :data:`RULES` that ``session`` breaks; empty if none."""
    found = []
    for cell_id, (first, second) in session.lesson_cells.items():
        if not first.ok:
            found.append(("run-twice", f"lesson cell {cell_id} raised {first.error}"))
        elif not second.ok:
            found.append(("run-twice", f"lesson cell {cell_id} raised on its second run: {second.error} "
                                       "(make it safe to run twice: fresh leaves inside the cell, reset .grad)"))
        elif second.output != first.output and cell_id not in session.fresh_random:
            found.append(("run-twice", f"lesson cell {cell_id} printed something else on its second run "
                                       f"(seed it inside the cell, or tag it {FRESH_RANDOM!r} if fresh numbers are "
                                       f"the point):\n  first:  {first.output[:300]!r}\n  second: {second.output[:300]!r}"))
    for exercise, run in session.solution_visible.items():
        if not run.ok:
            found.append(("solution", f"{exercise}: the solution fails its visible checks: {run.error}"))
    by_exercise: dict[str, list[FixtureOutcome]] = {}
    for outcome in session.outcomes:
        by_exercise.setdefault(outcome.fixture.exercise, []).append(outcome)
    for exercise in session.solution_visible:
        outcomes = by_exercise.get(exercise, [])
        headlines = [o for o in outcomes if o.fixture.headline]
        if not headlines and not is_checkpoint(exercise):
            found.append(("headline", f"{exercise}: no headline mistake recorded (name it headline_<slug>.py)"))
        for o in headlines:
            if o.visible.ok:
                found.append(("headline", f"{exercise}: headline mistake {o.fixture.slug} passes the visible checks"))
        for o in outcomes:
            slug = o.fixture.slug
            if o.fixture.kind == "mistake" and not o.visible.ok and o.visible.error_name != "CheckFailed":
                found.append(("hint", f"{exercise}: mistake {slug} fails the visible checks with a raw "
                                      f"{o.visible.error} instead of a hint: call the learner's function through "
                                      "call_answer (or a try/except) in the test cell"))
            if o.fixture.kind == "alternative" and not o.visible.ok:
                found.append(("alternative", f"{exercise}: alternative {slug} fails the visible checks: {o.visible.error}"))
            if o.fixture.kind == "alternative" and not o.full.ok:
                found.append(("alternative", f"{exercise}: alternative {slug} fails the hidden tests: {o.full.error}"))
            if o.fixture.kind == "mistake" and o.full.ok:
                found.append(("hidden", f"{exercise}: mistake {slug} passes the hidden tests"))
    return found


def report(session: LearnerSession) -> str:
    """What a learner sees for each fixture under the visible checks (and the hidden tests)."""
    lines = [f"# {session.topic}"]
    for o in session.outcomes:
        f = o.fixture
        kind = "headline" if f.headline else f.kind
        lines.append(f"\n## {f.exercise} / {kind} {f.slug}: {f.description}")
        lines.append("visible: " + ("passed" if o.visible.ok else o.visible.error.replace("\n", "\n         ")))
        lines.append("hidden:  " + ("passed" if o.full.ok else o.full.error.splitlines()[0]))
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python tests/learner.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("topics", nargs="*", help="topic ids (default: all)")
    parser.add_argument("--quiet", action="store_true", help="print only the broken rules")
    args = parser.parse_args(argv)
    broken = 0
    for topic in pipeline.check_topics(args.topics):
        session = learner_session(topic)
        if not args.quiet:
            print(report(session))
        found = problems(session)
        broken += len(found)
        print(f"\n{topic}: {len(found)} rule(s) broken" + "".join(f"\n  - {text}" for _, text in found))
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
