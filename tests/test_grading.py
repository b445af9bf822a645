"""Proof that the grading means something, through the real `nbgrader autograde`.

For every topic: the untouched release scores 0, the solutions score full
marks, each recorded mistake loses exactly its own exercise's points, and each
recorded alternative answer keeps full marks.
"""

import nbformat
import pytest

import proof
from torchcourse import integrity, kernel_check, pipeline
from torchcourse.authoring import TESTS_SUFFIX
from torchcourse.runner import run_nbgrader

TOPICS = pipeline.topics()
PLANS = {topic: proof.fixture_plan(topic) for topic in TOPICS}
CASES = [(topic, student) for topic, plan in PLANS.items() for student in plan]


def _describe(topic, student):
    lines = [f"{topic}: {student}"]
    for fixture in PLANS[topic][student]:
        lines.append(f"  {fixture.path.relative_to(pipeline.ROOT)}: {fixture.description}")
    return "\n".join(lines)


@pytest.mark.parametrize(("topic", "student"), CASES, ids=[f"{t}:{s}" for t, s in CASES])
def test_submission_scores_as_expected(graded, topic, student):
    crash = graded[topic].crashes.get(student)
    assert crash is None, f"{_describe(topic, student)}\nnbgrader could not grade it:\n{crash}"
    wrong = proof.unexpected_scores(graded[topic], student, PLANS[topic][student])
    assert not wrong, f"{_describe(topic, student)}\n" + "\n".join(
        f"  {cell}: scored {got:g}, expected {want:g}" for cell, (got, want) in wrong.items())


@pytest.mark.parametrize("topic", TOPICS)
def test_no_honest_submission_is_flagged_by_the_review(graded, topic):
    """Every submission of the proof is honest (mistakes too): the runtime check ran to its end
    on each, found nothing, and the whole review (static + runtime) gives no reason."""
    source = nbformat.read(pipeline.source_path(topic, graded[topic].course_root), as_version=4)
    flagged = {}
    for student in PLANS[topic]:
        nb = graded[topic].autograded_notebook(student)
        check = nb.metadata.get(kernel_check.METADATA_KEY, {}).get("kernel_check", {})
        assert check.get("checked") and check["probes"] > 1 and check["test_cells"] > 0, (student, check)
        reasons = integrity.review_reasons(nb, source)
        if reasons:
            flagged[student] = reasons
    assert not flagged, f"{topic}: honest submissions were flagged: {flagged}"


def test_every_fixture_is_graded():
    for topic, plan in PLANS.items():
        graded_fixtures = {f for included in plan.values() for f in included}
        assert graded_fixtures == set(proof.fixtures(topic))


def _test_cell_streams(nb):
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade"):
            for output in cell.get("outputs", []):
                if output.output_type == "stream":
                    yield cell.metadata["nbgrader"]["grade_id"], output.name, output.text


@pytest.mark.parametrize("topic", TOPICS)
def test_solutions_write_nothing_to_stderr_in_test_cells(graded, topic):
    stderr = [(cell, text) for cell, name, text in
              _test_cell_streams(graded[topic].autograded_notebook("solution")) if name == "stderr"]
    assert not stderr, f"{topic}: test cells wrote to stderr (scores 0 in nbgrader): {stderr}"


WARNS = [topic for topic, plan in PLANS.items()
         if any(f.slug.split("_")[-1] == "warns" for included in plan.values() for f in included)]


def test_some_alternative_fixture_warns():
    assert WARNS, "record at least one alternative_*warns.py fixture"


@pytest.mark.parametrize("topic", WARNS)
def test_a_warning_from_a_correct_answer_goes_to_stdout_and_costs_nothing(graded, topic):
    """Correct code may trigger a PyTorch UserWarning inside a test cell. nbgrader
    zeroes any test cell that writes to stderr, so setup_notebook() routes warnings
    to stdout. The `*warns` alternative fixtures prove that it works."""
    checked = 0
    for plan in [PLANS[topic]]:
        for student, included in plan.items():
            for fixture in included:
                if fixture.slug.split("_")[-1] != "warns":
                    continue
                tests_cell = fixture.exercise + TESTS_SUFFIX
                streams = [(name, text) for cell, name, text in
                           _test_cell_streams(graded[topic].autograded_notebook(student)) if cell == tests_cell]
                assert any(name == "stdout" and "Warning" in text for name, text in streams), (
                    f"{fixture.path} was expected to emit a warning in {tests_cell}; it did not")
                assert not any(name == "stderr" for name, _ in streams)
                score, full = graded[topic].scores[student][tests_cell]
                assert score == full > 0
                checked += 1
    assert checked


@pytest.mark.parametrize("topic", TOPICS[:1])
def test_instructor_feedback_and_export_work_on_a_graded_course(graded, topic):
    """generate_feedback and export run from the course root on real autograded work."""
    import csv

    root = graded[topic].course_root
    run_nbgrader(["generate_feedback", topic, "--student", "solution"], root)
    feedback = root / "feedback" / "solution" / topic / f"{topic}.html"
    assert feedback.exists() and "Score:" in feedback.read_text()
    run_nbgrader(["export", "--to", "grades.csv"], root)
    with open(root / "grades.csv", newline="") as handle:
        rows = {row["student_id"]: row for row in csv.DictReader(handle) if row["assignment"] == topic}
    assert float(rows["solution"]["score"]) == float(rows["solution"]["max_score"]) > 0
    assert float(rows["release"]["score"]) == 0
    assert len(rows) == len(graded[topic].scores)


@pytest.mark.parametrize("topic", TOPICS)
def test_grading_resets_an_edited_parameters_cell(graded, topic):
    """A learner may set device = "cuda" at home. The parameters cell is locked, so
    autograde restores its defaults and the lesson runs on the grading machine."""
    source = nbformat.read(pipeline.source_path(topic), as_version=4)
    default = next(c.source for c in source.cells if "parameters" in c.metadata.get("tags", []))
    assert default != proof.EDITED_PARAMETERS
    cells = {c.get("id"): c for c in graded[topic].autograded_notebook(proof.EDITED_PARAMETERS_STUDENT).cells}
    assert cells["parameters"].source == default, f"{topic}: autograde kept the learner's parameters"
    errors = [o for o in cells["setup"].outputs if o.output_type == "error"]
    assert not errors, f"{topic}: the setup cell failed under the learner's parameters: {errors}"
