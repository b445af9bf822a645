"""The grading proof's harness: build every fixture submission of a topic and grade it.

For every graded exercise ``X`` of a topic, ``tests/submissions/<topic>/X/``
holds ``mistake_*.py`` (a common wrong answer) and ``alternative_*.py`` (a
different correct answer). :func:`grade_topic` builds one submission per
mistake, the alternatives together, the solutions, the untouched release and a
learner who edited the parameters cell (:func:`fixture_plan`), and grades them
all through :func:`torchcourse.classroom.grade_class`: the sandboxed, parallel
path that ``./course autograde`` uses, workers, merge and records included.
:func:`unexpected_scores` says which cells scored differently from the rule:
nothing for the release, full marks for correct answers, zero on a mistake's
own test cell and full marks everywhere else.

Graded courses are kept in the evidence cache (``tests/evidence.py``), keyed on
every input. Run as a script (``./course fixtures [topic ...]``) it prints a
score table.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import dataclasses
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import evidence  # noqa: E402
from torchcourse import classroom, pipeline  # noqa: E402
from torchcourse.authoring import TESTS_SUFFIX  # noqa: E402
from torchcourse.course import ROOT, assignment_path, copy_course  # noqa: E402
from torchcourse.records import load_records  # noqa: E402

SUBMISSIONS = HERE / "submissions"
SOLUTION_MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION")

#: A learner with a GPU at home who edited the parameters cell before submitting.
EDITED_PARAMETERS = 'device = "cuda"\nseed = 123'
EDITED_PARAMETERS_STUDENT = "solution-edited-parameters"

#: ``headline_<slug>.py`` is the mistake an exercise exists to teach: a mistake that must also fail the
#: visible checks alone (``tests/learner.py`` proves it).
FIXTURE_NAME = re.compile(r"^(headline|mistake|alternative)_([a-z0-9_]+)\.py$")

#: Seconds each topic's proof took on the 2-core CI machine (``./course fixtures`` prints
#: fresh ones): the order to grade in (longest first) and how ``--shard`` splits the proof.
RECORDED_SECONDS_FILE = HERE / "proof_seconds.json"


# ---------------------------------------------------------------- submissions

def strip_solution_markers(source: str) -> str:
    """The solution as a learner would type it: the source cell minus nbgrader's markers."""
    return "\n".join(line for line in source.splitlines() if line.strip() not in SOLUTION_MARKERS)


def solution_cells(nb) -> dict[str, str]:
    """``{exercise id: cell source}`` of every autograded-answer cell."""
    return {cell.metadata["nbgrader"]["grade_id"]: cell.source for cell in nb.cells
            if cell.metadata.get("nbgrader", {}).get("solution")}


def solution_answers(topic: str, root: Path = ROOT) -> dict[str, str]:
    """``{exercise id: answer}`` with every exercise answered by its source solution."""
    source = nbformat.read(pipeline.source_path(topic, root), as_version=4)
    return {k: strip_solution_markers(v) for k, v in solution_cells(source).items()}


def fill_in(release_nb, answers: dict[str, str]):
    """A copy of a student notebook with the given exercise cells answered."""
    nb = nbformat.from_dict(release_nb)
    unknown = set(answers) - set(solution_cells(nb))
    if unknown:
        raise ValueError(f"no exercise cell(s) {sorted(unknown)} in this notebook")
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]
    return nb


def submit(topic: str, submissions: dict[str, object], course_root: Path) -> None:
    """Write ``{student: notebook}`` where nbgrader looks for submissions of ``topic``."""
    for student, nb in submissions.items():
        target = assignment_path(course_root, "submitted", student, topic) / f"{topic}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, target)


@dataclasses.dataclass(frozen=True)
class Fixture:
    """A recorded submission for one exercise: a common mistake or a correct alternative."""

    topic: str
    exercise: str
    kind: str  # "mistake" or "alternative"
    slug: str
    path: Path
    headline: bool = False  # the exercise's headline mistake (``headline_<slug>.py``)

    @property
    def description(self) -> str:
        """The fixture's leading comment, without the ``#``."""
        lines = []
        for line in self.path.read_text().splitlines():
            if not line.startswith("#"):
                break
            lines.append(line.lstrip("# ").rstrip())
        return " ".join(lines)


def fixtures(topic: str, submissions: Path = SUBMISSIONS) -> list[Fixture]:
    """Every fixture recorded for ``topic`` (in ``submissions/<topic>/``), sorted by exercise then name."""
    found = []
    for path in sorted((Path(submissions) / topic).glob("*/*.py")):
        match = FIXTURE_NAME.match(path.name)
        if not match:
            raise ValueError(f"{path}: fixture names are headline_<slug>.py, mistake_<slug>.py or "
                             "alternative_<slug>.py")
        headline = match[1] == "headline"
        found.append(Fixture(topic, path.parent.name, "mistake" if headline else match[1], match[2], path,
                             headline))
    return found


def fixture_plan(topic: str) -> dict[str, list[Fixture]]:
    """Which fixtures each graded submission holds, by nbgrader student id.

    * ``release``: the student version, untouched;
    * ``solution``: every exercise answered with the source solution;
    * ``mistake--<exercise>--<slug>``: the solutions with one mistake, alone, so
      that the other exercises show they keep full marks;
    * ``alternatives-<k>``: the k-th recorded alternative of every exercise
      that has one, together (correct answers must all score, so they can share
      a submission; this saves one notebook per extra alternative);
    * ``solution-edited-parameters``: the solutions, with the parameters cell
      changed to :data:`EDITED_PARAMETERS` (grading must reset it).
    """
    plan: dict[str, list[Fixture]] = {"release": [], "solution": [], EDITED_PARAMETERS_STUDENT: []}
    alternatives: dict[str, list[Fixture]] = {}
    for fixture in fixtures(topic):
        if fixture.kind == "mistake":
            slug = f"headline_{fixture.slug}" if fixture.headline else fixture.slug
            plan[f"mistake--{fixture.exercise}--{slug}"] = [fixture]
        else:
            alternatives.setdefault(fixture.exercise, []).append(fixture)
    for k in range(max(map(len, alternatives.values()), default=0)):
        plan[f"alternatives-{k + 1}"] = [alts[k] for alts in alternatives.values() if len(alts) > k]
    return plan


def fixture_submissions(topic: str, course_root: Path) -> dict[str, object]:
    """The notebooks of :func:`fixture_plan`, built from the course's fresh release."""
    release = nbformat.read(pipeline.release_path(topic, course_root), as_version=4)
    solutions = solution_answers(topic)
    submissions = {}
    for student, included in fixture_plan(topic).items():
        if student == "release":
            submissions[student] = release
            continue
        answers = dict(solutions, **{f.exercise: f.path.read_text() for f in included})
        submissions[student] = fill_in(release, answers)
    for cell in submissions[EDITED_PARAMETERS_STUDENT].cells:
        if "parameters" in cell.metadata.get("tags", []):
            cell.source = EDITED_PARAMETERS
    return submissions


# -------------------------------------------------------------------- grading

@dataclasses.dataclass
class GradedCourse:
    """Results of grading a set of submissions of one topic in a course folder of its own."""

    topic: str
    course_root: Path
    scores: dict[str, dict[str, tuple[float, float]]]  # student -> test cell -> (score, max)
    seconds: float
    #: students whose notebook nbgrader could not grade (or who were rejected) -> why
    crashes: dict[str, str] = dataclasses.field(default_factory=dict)
    from_cache: bool = False

    def autograded_notebook(self, student: str):
        folder = assignment_path(self.course_root, "autograded", student, self.topic)
        return nbformat.read(folder / f"{self.topic}.ipynb", as_version=4)

    @classmethod
    def read(cls, topic: str, course_root: Path, seconds: float, from_cache: bool = False):
        """The scores and crashes that nbgrader and the class grader left in ``course_root``."""
        records = load_records(course_root, topic)
        crashes = {s: f"{o.status}: {o.reason}\n{o.log}" for s, o in records.items() if o.status != "graded"}
        graded = sorted(s for s, o in records.items() if o.status == "graded")
        return cls(topic, course_root, classroom.read_scores(course_root, topic, graded), seconds,
                   crashes, from_cache)


def new_course(topics: list[str], workdir: Path) -> Path:
    """A course copy in ``workdir`` with the topics' releases generated (gradebook made in-process)."""
    course = copy_course(ROOT, workdir, topics)
    pipeline.generate_release(topics, course)
    return course


def grade_submissions(topic: str, course: Path, submissions: dict, workers: int = 2,
                      progress=None, extra_args=()) -> classroom.ClassReport:
    """Submit ``{student: notebook}`` and grade them all with the class grader, in big batches
    (one nbgrader start and one merge per worker)."""
    submit(topic, submissions, course)
    batch = max(1, -(-len(submissions) // workers))
    return classroom.grade_class(course, topic, workers=workers, batch_size=batch, force=True,
                                 progress=progress, extra_args=list(extra_args))


def topic_inputs(topic: str) -> list[Path]:
    """What a topic's proof depends on, besides :data:`evidence.COMMON_INPUTS`."""
    return [pipeline.source_path(topic).parent, SUBMISSIONS / topic]


def grade_topic(topic: str, workdir: Path, workers: int = 2, progress=None) -> GradedCourse:
    """Every fixture submission of ``topic``, graded in a course of its own in ``workdir``
    (or restored from the evidence cache when no input has changed)."""
    def grade(folder: Path) -> dict:
        start = time.perf_counter()
        course = new_course([topic], folder)
        grade_submissions(topic, course, fixture_submissions(topic, course), workers, progress)
        return {"seconds": round(time.perf_counter() - start, 1), "submissions": len(fixture_plan(topic))}

    course, meta, cached = evidence.graded_course(f"proof-{topic}", topic_inputs(topic), grade, Path(workdir))
    return GradedCourse.read(topic, course, meta["seconds"], cached)


#: The key in :data:`RECORDED_SECONDS_FILE` for the rest of the suite (all in shard 1).
OTHER_TESTS = "other tests"


def _recorded() -> dict[str, float]:
    return json.loads(RECORDED_SECONDS_FILE.read_text()) if RECORDED_SECONDS_FILE.exists() else {}


def recorded_seconds() -> dict[str, float]:
    """``{topic: seconds}`` from :data:`RECORDED_SECONDS_FILE` (topics missing there: the mean)."""
    known = {t: s for t, s in _recorded().items() if t != OTHER_TESTS}
    mean = sum(known.values()) / len(known) if known else 60.0
    return {t: float(known.get(t, mean)) for t in pipeline.topics()}


def longest_first(topics: list[str]) -> list[str]:
    seconds = recorded_seconds()
    return sorted(topics, key=lambda t: -seconds.get(t, 0.0))


def grade_topics(topics: list[str], workdir: Path, at_once: int = 2, workers: int = 2,
                 progress=None) -> dict[str, GradedCourse]:
    """:func:`grade_topic` for several topics, ``at_once`` at a time, longest first."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=at_once) as pool:
        futures = {t: pool.submit(grade_topic, t, Path(workdir) / t, workers, progress)
                   for t in longest_first(topics)}
        return {t: futures[t].result() for t in topics}


def shard_topics(shard: tuple[int, int]) -> list[str]:
    """The topics whose proof shard ``(K, N)`` runs: the recorded times split greedily, longest
    first, with the suite's other tests (all in shard 1) counted against shard 1."""
    k, n = shard
    loads = [float(_recorded().get(OTHER_TESTS, 0.0))] + [0.0] * (n - 1)
    chosen: list[list[str]] = [[] for _ in range(n)]
    for topic, seconds in sorted(recorded_seconds().items(), key=lambda item: (-item[1], item[0])):
        lightest = min(range(n), key=lambda i: (loads[i], i))
        loads[lightest] += seconds
        chosen[lightest].append(topic)
    return sorted(chosen[k - 1])


# ---------------------------------------------------------------- the verdict

def expected_scores(student: str, included: list[Fixture], max_scores: dict[str, float]) -> dict[str, float]:
    """What each test cell must score for ``student``, who holds the fixtures ``included``
    (see :func:`fixture_plan`): nothing for the untouched release; for a mistake,
    zero on its own exercise's test cell; full marks everywhere else."""
    if student == "release":
        return {cell: 0.0 for cell in max_scores}
    zeroed = {f.exercise + TESTS_SUFFIX for f in included if f.kind == "mistake"}
    missing = zeroed - set(max_scores)
    if missing:
        raise ValueError(f"{student}: the notebook has no test cell(s) {sorted(missing)}")
    return {cell: (0.0 if cell in zeroed else full) for cell, full in max_scores.items()}


def unexpected_scores(course: GradedCourse, student: str,
                      included: list[Fixture]) -> dict[str, tuple[float, float]]:
    """``{test cell: (score, expected)}`` for every cell of ``student`` that scored wrongly."""
    cells = course.scores[student]
    expected = expected_scores(student, included, {c: full for c, (_, full) in cells.items()})
    return {c: (score, expected[c]) for c, (score, _) in cells.items() if score != expected[c]}


# --------------------------------------------------------------------- script

def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="./course fixtures", description=(
        "Autograde the release, the solutions and every recorded fixture of each topic "
        "(ignoring the evidence cache) and print a score table."))
    parser.add_argument("topics", nargs="*", help="topic ids (default: all)")
    parser.add_argument("--workers", type=int, default=2, help="notebooks graded at once per topic")
    parser.add_argument("--record-times", action="store_true",
                        help=f"write each topic's proof time to {RECORDED_SECONDS_FILE.name}")
    args = parser.parse_args(argv)
    os.environ["TORCHCOURSE_EVIDENCE"] = "off"
    chosen = pipeline.check_topics(args.topics)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="course-fixtures-") as tmp:
        results = grade_topics(chosen, Path(tmp), workers=args.workers)
        for topic, graded in results.items():
            plan = fixture_plan(topic)
            print(f"\n{topic}: {len(plan)} submissions graded in {graded.seconds:.1f} s")
            for student, included in plan.items():
                if student in graded.crashes:
                    failed += 1
                    print(f"  FAIL {student:60s} not graded: {graded.crashes[student].splitlines()[0]}")
                    continue
                wrong = unexpected_scores(graded, student, included)
                failed += bool(wrong)
                cells = graded.scores[student]
                print(f"  {'FAIL' if wrong else 'ok  '} {student:60s} "
                      f"{sum(s for s, _ in cells.values()):5g}/{sum(m for _, m in cells.values()):g}  "
                      + " ".join(f"{c}={got:g} (want {want:g})" for c, (got, want) in wrong.items()))
    if args.record_times:
        known = _recorded()
        known.update({t: g.seconds for t, g in results.items()})
        RECORDED_SECONDS_FILE.write_text(json.dumps(dict(sorted(known.items())), indent=1) + "\n")
    if failed:
        print(f"\n{failed} submission(s) did not score as expected", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
