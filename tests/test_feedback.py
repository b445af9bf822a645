"""Feedback that teaches: each check's outcome and message with its hint, never the hidden tests."""

import html
import re
import shutil

import nbformat
import pytest

from test_selfgrade import hidden_test_lines
from torchcourse import pipeline
from torchcourse.feedback import HIDDEN_NOTE, hide_hidden_tests
from torchcourse.report import failures_in
from torchcourse.runner import run_nbgrader

TOPICS = pipeline.topics()
#: Topics whose whole graded class gets feedback through the real generate_feedback.
FEEDBACK_TOPICS = ["05_gradient_descent", "10_training_loop"]


def page_text(path) -> str:
    """What a reader sees of an HTML page: tags removed, entities decoded, spaces collapsed."""
    text = re.sub(r"<style.*?</style>|<script.*?</script>", " ", path.read_text(), flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", text)))


def squash(line: str) -> str:
    return re.sub(r"\s+", " ", line).strip()


@pytest.mark.parametrize("topic", TOPICS)
def test_every_hidden_block_of_every_source_is_removed(topic):
    nb = nbformat.read(pipeline.source_path(topic), as_version=4)
    hidden = hidden_test_lines(topic)
    kept = "\n".join(hide_hidden_tests(c.source) for c in nb.cells if c.cell_type == "code")
    assert not [line for line in hidden if line in kept]
    assert kept.count(HIDDEN_NOTE) == sum(c.source.count("### BEGIN HIDDEN TESTS") for c in nb.cells)


def _feedback(graded, topic, tmp_path, *extra):
    course = tmp_path / "course"
    shutil.copytree(graded[topic].course_root, course, symlinks=True)
    shutil.copy2(pipeline.ROOT / "nbgrader_config.py", course)  # the course's settings as they are now
    run_nbgrader(["generate_feedback", topic, "--force", *extra], course)
    return course


@pytest.mark.parametrize("topic", FEEDBACK_TOPICS)
def test_feedback_shows_every_failed_hint_and_no_hidden_test_line(topic, graded, tmp_path):
    course = _feedback(graded, topic, tmp_path)
    hidden = [squash(line) for line in hidden_test_lines(topic)]
    checked_hints = 0
    for student, scores in graded[topic].scores.items():
        page = course / "feedback" / student / topic / f"{topic}.html"
        assert page.is_file(), f"no feedback for {student}"
        text = page_text(page)
        leaked = [line for line in hidden if line in text]
        assert not leaked, f"{student}'s feedback shows hidden test code: {leaked[:3]}"
        assert "### BEGIN HIDDEN TESTS" not in text and HIDDEN_NOTE in text
        assert "Traceback" not in text
        failures = failures_in(graded[topic].autograded_notebook(student))
        for cell, (score, max_score) in scores.items():
            if score < max_score:
                failure = failures[cell]
                assert squash(failure.head) in text, f"{student}: {cell}'s message is not in the feedback"
                if failure.hint:
                    assert squash(failure.hint) in text, f"{student}: {cell}'s hint is not in the feedback"
                    checked_hints += 1
    assert checked_hints >= 10


def test_show_hidden_tests_gives_nbgrader_s_own_feedback(graded, tmp_path):
    """The setting works both ways, so the test above can fail."""
    topic = FEEDBACK_TOPICS[0]
    course = _feedback(graded, topic, tmp_path, "--student=solution", "--HideTestCode.show_hidden_tests=True")
    text = page_text(course / "feedback" / "solution" / topic / f"{topic}.html")
    assert HIDDEN_NOTE not in text
    assert any(squash(line) in text for line in hidden_test_lines(topic))
