"""Proof that the grading means something, through the real `nbgrader autograde`.

For every topic: the untouched release scores 0, the solutions score full
marks, each recorded mistake loses exactly its own exercise's points, and each
recorded alternative answer keeps full marks.
"""

import pytest

from torchcourse import pipeline

CASES = [(topic, student) for topic in pipeline.topics()
         for student in ["release", "solution"] + [f.student for f in pipeline.fixtures(topic)]]


def _describe(topic, student):
    for fixture in pipeline.fixtures(topic):
        if fixture.student == student:
            return f"{fixture.path.relative_to(pipeline.ROOT)}: {fixture.description}"
    return student


@pytest.mark.parametrize(("topic", "student"), CASES, ids=[f"{t}:{s}" for t, s in CASES])
def test_submission_scores_as_expected(graded, topic, student):
    cells = graded[topic].scores[student]
    got = {cell: score for cell, (score, _) in cells.items()}
    expected = pipeline.expected_scores(topic, student, {c: m for c, (_, m) in cells.items()})
    wrong = {c: f"scored {got[c]:g}, expected {expected[c]:g}" for c in got if got[c] != expected[c]}
    assert not wrong, f"{_describe(topic, student)}\n{wrong}"


def _test_cell_streams(nb):
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade"):
            for output in cell.get("outputs", []):
                if output.output_type == "stream":
                    yield cell.metadata["nbgrader"]["grade_id"], output.name, output.text


def test_solutions_write_nothing_to_stderr_in_test_cells(graded):
    for topic, course in graded.items():
        stderr = [(cell, text) for cell, name, text in
                  _test_cell_streams(course.autograded_notebook("solution")) if name == "stderr"]
        assert not stderr, f"{topic}: test cells wrote to stderr (scores 0 in nbgrader): {stderr}"


def test_a_warning_from_a_correct_answer_goes_to_stdout_and_costs_nothing(graded):
    """Correct code may trigger a PyTorch UserWarning inside a test cell. nbgrader
    zeroes any test cell that writes to stderr, so setup_notebook() routes warnings
    to stdout. The `*_warns` alternative fixtures prove that it works."""
    warning_fixtures = [f for t in graded for f in pipeline.fixtures(t) if f.slug.split("_")[-1] == "warns"]
    assert warning_fixtures, "record at least one alternative_*warns.py fixture"
    for fixture in warning_fixtures:
        nb = graded[fixture.topic].autograded_notebook(fixture.student)
        streams = list(_test_cell_streams(nb))
        assert any(name == "stdout" and "Warning" in text for _, name, text in streams), (
            f"{fixture.path} was expected to emit a warning in its test cell; it did not")
        assert not any(name == "stderr" for _, name, _ in streams)
        cells = graded[fixture.topic].scores[fixture.student]
        assert all(score == full for score, full in cells.values())


def test_instructor_feedback_and_export_work_on_a_graded_course(graded):
    """generate_feedback and export run from the course root on real autograded work."""
    import csv

    topic = pipeline.topics()[0]
    root = graded[topic].course_root
    pipeline.run_nbgrader(["generate_feedback", topic, "--student", "solution"], root)
    feedback = root / "feedback" / "solution" / topic / f"{topic}.html"
    assert feedback.exists() and "Score:" in feedback.read_text()
    pipeline.run_nbgrader(["export", "--to", "grades.csv"], root)
    with open(root / "grades.csv", newline="") as handle:
        rows = {row["student_id"]: row for row in csv.DictReader(handle) if row["assignment"] == topic}
    assert float(rows["solution"]["score"]) == float(rows["solution"]["max_score"]) > 0
    assert float(rows["release"]["score"]) == 0
    assert len(rows) == len(graded[topic].scores)
