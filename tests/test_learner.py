"""Every topic as a learner meets it (tests/learner.py), and the rules of that check can fail.

Per topic, one kernel runs every lesson cell twice and every fixture against the
visible checks (about 10-40 s a topic):

* lesson cells are safe to run twice: no error, the same output;
* each exercise's headline mistake fails its visible checks, with a hint;
* no recorded mistake meets a raw traceback in the visible checks;
* every alternative passes the visible checks and the hidden tests.
"""

import dataclasses
import shutil
import threading

import nbformat
import pytest

import learner
from torchcourse import pipeline
from torchcourse.authoring import code, new_topic

TOPICS = pipeline.topics()
_sessions: dict = {}
_lock = threading.Lock()


def session_of(topic):
    with _lock:
        if topic not in _sessions:
            _sessions[topic] = learner.learner_session(topic)
        return _sessions[topic]


def broken(topic, rule):
    return [text for kind, text in learner.problems(session_of(topic)) if kind == rule]


@pytest.mark.parametrize("topic", TOPICS)
def test_every_lesson_cell_is_safe_to_run_twice(topic):
    problems = broken(topic, "run-twice")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("topic", TOPICS)
def test_every_solution_passes_its_visible_checks(topic):
    problems = broken(topic, "solution")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("topic", TOPICS)
def test_the_visible_checks_catch_every_headline_mistake(topic):
    problems = broken(topic, "headline")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("topic", TOPICS)
def test_mistakes_meet_a_hint_not_a_traceback(topic):
    problems = broken(topic, "hint")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("topic", TOPICS)
def test_alternatives_pass_visible_and_hidden_tests(topic):
    problems = broken(topic, "alternative") + broken(topic, "hidden")
    assert not problems, "\n".join(problems)


# ------------------------------------------------------- the rules can fail

TOPIC = "98_demo"


def scaffold(tmp_path):
    shutil.copy(pipeline.ROOT / "nbgrader_config.py", tmp_path)
    new_topic(tmp_path, TOPIC, "Demo")
    return tmp_path / "source" / TOPIC / f"{TOPIC}.ipynb", tmp_path / "tests" / "submissions"


def test_the_scaffold_breaks_no_rule(tmp_path):
    _, submissions = scaffold(tmp_path)
    session = learner.learner_session(TOPIC, tmp_path, submissions)
    assert learner.problems(session) == []
    headline = next(o for o in session.outcomes if o.fixture.headline)
    assert "must leave its input unchanged" in headline.visible.error


def test_each_broken_rule_is_reported(tmp_path):
    """One scaffold, broken in every way the session checks; each breakage is named."""
    path, submissions = scaffold(tmp_path)
    nb = nbformat.read(path, as_version=4)
    at = next(n for n, c in enumerate(nb.cells) if c.get("id") == "demo-concept-1") + 1
    nb.cells[at:at] = [
        code("make-leaf", "leaf = torch.ones(2, requires_grad=True)\nout = (leaf * leaf).sum()"),
        code("accumulates", "(leaf * 3).sum().backward()\nprint(leaf.grad)"),      # prints 3s, then 6s
        code("backward-twice", "out.backward()"),                                    # raises the second time
        code("unseeded", "print(torch.rand(2))"),
        code("fresh", "print(torch.rand(2))", tags=("fresh-random",)),               # allowed to differ
    ]
    for cell in nb.cells:
        if cell.get("id") == "scale_tests":   # calls the answer bare: an answer that raises gets a traceback
            cell.source = cell.source.replace(
                '_got = call_answer(scale, _t, 3.0, what="scale(t, 3.0)", hint="Multiply the tensor by the number: '
                't * factor.")', "_got = scale(_t, 3.0)")
            assert "_got = scale(_t, 3.0)" in cell.source
    nbformat.write(nb, path)
    folder = submissions / TOPIC / "scale"
    (folder / "headline_in_place.py").write_text("# Headline mistake that is in fact correct.\n"
                                                 "def scale(t, factor):\n    return t * factor\n")
    (folder / "mistake_raises.py").write_text("# Mistake: raises.\ndef scale(t, factor):\n"
                                              "    raise ValueError('no')\n")
    (folder / "alternative_wrong.py").write_text("# Alternative that is wrong.\ndef scale(t, factor):\n"
                                                 "    return t * factor + 1\n")
    session = learner.learner_session(TOPIC, tmp_path, submissions)
    found = learner.problems(session)
    text = "\n".join(f"{rule}: {what}" for rule, what in found)
    assert "run-twice: lesson cell accumulates printed something else on its second run" in text
    assert "run-twice: lesson cell backward-twice raised on its second run: RuntimeError" in text
    assert "run-twice: lesson cell unseeded printed something else" in text
    assert "lesson cell fresh " not in text and "lesson cell make-leaf" not in text
    assert "headline: scale: headline mistake in_place passes the visible checks" in text
    assert "hidden: scale: mistake in_place passes the hidden tests" in text
    assert "hint: scale: mistake raises fails the visible checks with a raw ValueError: no" in text
    assert "alternative: scale: alternative wrong fails the visible checks" in text
    assert {rule for rule, _ in found} == set(learner.RULES) - {"solution"}

    without_headline = dataclasses.replace(session, outcomes=[o for o in session.outcomes if not o.fixture.headline])
    assert ("headline", "scale: no headline mistake recorded (name it headline_<slug>.py)") in \
        learner.problems(without_headline)
    failing_solution = dataclasses.replace(session, solution_visible={"scale": learner.Run("", "CheckFailed: x",
                                                                                           "CheckFailed")})
    assert ("solution", "scale: the solution fails its visible checks: CheckFailed: x") in \
        learner.problems(failing_solution)
