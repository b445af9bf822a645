"""Source notebooks follow the course's rules; release/ and notebooks/ are in step with them."""

import base64
import io
import json
import re
from pathlib import Path

import nbformat
import pytest

import proof
from torchcourse import pipeline
from torchcourse.authoring import CHECKPOINT_PREFIX, problems_in_source

TOPICS = pipeline.topics()
MIN_GRADED = 6


def test_there_are_topics():
    assert len(TOPICS) >= 2


@pytest.mark.parametrize("topic", TOPICS)
def test_source_notebook_follows_the_rules(topic):
    nb = nbformat.read(pipeline.source_path(topic), as_version=4)
    assert problems_in_source(nb) == []


@pytest.mark.parametrize("topic", TOPICS)
def test_every_exercise_has_a_mistake_and_an_alternative(topic):
    nb = nbformat.read(pipeline.source_path(topic), as_version=4)
    exercises = set(proof.solution_cells(nb))
    assert len(exercises) >= MIN_GRADED, f"{topic} has only {len(exercises)} graded exercises"
    recorded = proof.fixtures(topic)
    unknown = {f.exercise for f in recorded} - exercises
    assert not unknown, f"fixtures for exercises that do not exist: {unknown}"
    for exercise in sorted(exercises):
        kinds = {f.kind for f in recorded if f.exercise == exercise}
        assert kinds == {"mistake", "alternative"}, f"{topic}/{exercise} has fixtures {kinds or 'none'}"
    for fixture in recorded:
        assert fixture.description, f"{fixture.path} must start with a comment saying what it shows"


#: An exercise worth this many points or more needs two recorded mistakes and an alternative.
MANY_POINTS = 2


def fixture_count_problems(nb, recorded) -> list[str]:
    """Exercises of ``nb`` worth :data:`MANY_POINTS` or more with fewer than two recorded mistakes
    or no alternative, as messages (checkpoints, ``answer_*``, are held to one of each above)."""
    points = {c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"].get("points", 0)
              for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")}
    problems = []
    for exercise in sorted(proof.solution_cells(nb)):
        worth = points.get(exercise + proof.TESTS_SUFFIX, 0)
        if exercise.startswith("answer_") or worth < MANY_POINTS:
            continue
        mistakes = sum(f.kind == "mistake" for f in recorded if f.exercise == exercise)
        alternatives = sum(f.kind == "alternative" for f in recorded if f.exercise == exercise)
        if mistakes < 2 or alternatives < 1:
            problems.append(f"{exercise} is worth {worth:g} points but has {mistakes} mistake(s) and "
                            f"{alternatives} alternative(s) recorded: record at least 2 realistic "
                            "mistakes and 1 alternative")
    return problems


@pytest.mark.parametrize("topic", TOPICS)
def test_exercises_worth_two_points_have_two_mistakes(topic):
    nb = nbformat.read(pipeline.source_path(topic), as_version=4)
    assert fixture_count_problems(nb, proof.fixtures(topic)) == []


def test_a_thinly_tested_exercise_is_caught(tmp_path):
    """A 2-point exercise with only its headline mistake and one alternative is reported; a second
    mistake clears it."""
    from torchcourse.authoring import new_topic
    (tmp_path / "nbgrader_config.py").write_text("")
    new_topic(tmp_path, "99_example", "Example")
    nb = nbformat.read(pipeline.source_path("99_example", tmp_path), as_version=4)
    recorded = [proof.Fixture("99_example", "scale", "mistake", "x", tmp_path / "headline_x.py", True),
                proof.Fixture("99_example", "scale", "alternative", "y", tmp_path / "alternative_y.py")]
    assert fixture_count_problems(nb, recorded) == [
        "scale is worth 2 points but has 1 mistake(s) and 1 alternative(s) recorded: "
        "record at least 2 realistic mistakes and 1 alternative"]
    recorded.append(proof.Fixture("99_example", "scale", "mistake", "z", tmp_path / "mistake_z.py"))
    assert fixture_count_problems(nb, recorded) == []


def test_the_scaffold_meets_the_bar_it_sets(tmp_path):
    """`./course new`'s example exercise is what authors copy: it records as many mistakes and
    alternatives as a real exercise of its worth needs."""
    from torchcourse.authoring import new_topic
    (tmp_path / "nbgrader_config.py").write_text("")
    new_topic(tmp_path, "99_example", "Example")
    nb = nbformat.read(pipeline.source_path("99_example", tmp_path), as_version=4)
    recorded = proof.fixtures("99_example", tmp_path / "tests" / "submissions")
    assert recorded and fixture_count_problems(nb, recorded) == []


def _comparable(nb):
    """Cells as (id, type, source, nbgrader metadata, tags), papermill's injected cell left out."""
    return [(c.get("id"), c.cell_type, c.source, json.dumps(c.metadata.get("nbgrader"), sort_keys=True),
             [t for t in c.metadata.get("tags", [])])
            for c in nb.cells if "injected-parameters" not in c.metadata.get("tags", [])]


@pytest.mark.parametrize("topic", TOPICS)
def test_published_notebook_is_in_step_with_source(topic):
    published = pipeline.published_path(topic)
    assert published.exists(), f"{published} missing: run ./course build"
    source = nbformat.read(pipeline.source_path(topic), as_version=4)
    executed = nbformat.read(published, as_version=4)
    assert _comparable(executed) == _comparable(source), (
        f"{published} is out of date with its source: run ./course build")
    params = executed.metadata.get("papermill", {}).get("parameters", {})
    assert params.get("device") == "cpu", "the published edition is executed on the CPU"
    assert all(c.get("outputs") is not None for c in executed.cells if c.cell_type == "code")


@pytest.mark.parametrize("topic", TOPICS)
def test_release_is_what_nbgrader_generates_now(topic, graded):
    fresh = pipeline.release_path(topic, graded[topic].course_root)
    committed = pipeline.release_path(topic)
    assert committed.exists(), f"{committed} missing: run ./course release"
    assert nbformat.read(committed, as_version=4) == nbformat.read(fresh, as_version=4), (
        f"{committed} differs from what nbgrader generates from source/: run ./course release")


def test_release_has_no_solutions_or_hidden_tests():
    for topic in TOPICS:
        text = pipeline.release_path(topic).read_text()
        for marker in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS"):
            assert marker not in text, f"{topic} release contains {marker}"


@pytest.mark.parametrize("topic", TOPICS)
def test_published_notebook_shows_a_plot(topic):
    """Every lesson draws at least one real figure (loss curves, activation shapes, images...)."""
    executed = nbformat.read(pipeline.published_path(topic), as_version=4)
    figures = [o for c in executed.cells if c.cell_type == "code" for o in c.get("outputs", [])
               if "image/png" in o.get("data", {})]
    assert figures, f"{topic} shows no figure: add a plot where a picture teaches more than a number"


@pytest.mark.parametrize("topic, following", list(zip(TOPICS, TOPICS[1:])))
def test_next_section_points_to_the_following_topic(topic, following):
    nb = nbformat.read(pipeline.source_path(topic), as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    next_section = text[text.lower().rfind("# next"):]
    number = following.split("_")[0]
    assert f"Next: {number} " in next_section, (
        f"{topic}'s Next section should start 'Next: {number} ...' (the following topic, {following})")


def test_readme_practice_question_table_names_real_exercises():
    """The README's map from syllabus practice questions to graded items must not drift."""
    readme = (pipeline.ROOT / "README.md").read_text()
    section = readme.split("### Where the syllabus practice questions are graded", 1)[1].split("\n#", 1)[0]
    by_number = {t.split("_")[0]: t for t in TOPICS}
    named = re.findall(r"`(\d\d): (\w+)`", section)
    assert named, "the README's practice-question table names no graded items"
    for number, exercise in named:
        assert number in by_number, f"README names topic {number}, which does not exist"
        nb = nbformat.read(pipeline.source_path(by_number[number]), as_version=4)
        assert exercise in proof.solution_cells(nb), (
            f"README names {number}: {exercise}, which is not an exercise of {by_number[number]}")


def test_readme_contents_table_counts_each_topics_graded_items():
    """Every topic has a row in the README's contents table, and its counts are the notebook's."""
    readme = (pipeline.ROOT / "README.md").read_text()
    section = readme.split("## Contents", 1)[1].split("\n#", 1)[0]
    rows = {m[0]: m[1:] for m in re.findall(
        r"^\| (\d\d) \|.*\| (\d+) exercises \+ (\d+) checkpoints, (\d+) points \|$", section, re.M)}
    for topic in TOPICS:
        number = topic.split("_")[0]
        assert number in rows, f"README's contents table has no row for {topic}"
        nb = nbformat.read(pipeline.source_path(topic), as_version=4)
        graded = [c.metadata["nbgrader"] for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
        checkpoints = sum(m["grade_id"].startswith(CHECKPOINT_PREFIX) for m in graded)
        points = sum(m.get("points", 0) for m in graded)
        counted = (str(len(graded) - checkpoints), str(checkpoints), f"{points:g}")
        assert rows[number] == counted, (
            f"README's contents row for {topic} says {rows[number][0]} exercises + {rows[number][1]} checkpoints, "
            f"{rows[number][2]} points; the notebook has {counted[0]} + {counted[1]}, {counted[2]} points")


#: Budgets for the published edition: a learner opens it in a browser, and git keeps every version.
IMAGE_BUDGET = 150_000        # bytes of one image output (decoded PNG)
NOTEBOOK_BUDGET = 500_000     # bytes of one published notebook on disk


def weight_problems(path) -> list[str]:
    """Image outputs over :data:`IMAGE_BUDGET` and a file over :data:`NOTEBOOK_BUDGET`, as messages."""
    problems = []
    nb = nbformat.read(path, as_version=4)
    for n, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            for mime, data in output.get("data", {}).items():
                if mime.startswith("image/") and mime != "image/svg+xml":
                    size = len(base64.b64decode(data))
                    if size > IMAGE_BUDGET:
                        problems.append(f"cell {n} ({cell.get('id')}) shows a {size / 1000:.0f} kB {mime}, over "
                                        f"{IMAGE_BUDGET / 1000:.0f} kB: downsample the picture, use fewer panels or a "
                                        "smaller figsize")
    size = Path(path).stat().st_size
    if size > NOTEBOOK_BUDGET:
        problems.append(f"{Path(path).name} is {size / 1000:.0f} kB, over {NOTEBOOK_BUDGET / 1000:.0f} kB")
    return problems


@pytest.mark.parametrize("topic", TOPICS)
def test_published_notebook_is_light(topic):
    problems = weight_problems(pipeline.published_path(topic))
    assert not problems, "\n".join(problems)


def test_a_heavy_notebook_is_caught(tmp_path):
    import matplotlib
    matplotlib.use("agg")
    import matplotlib.pyplot as plt
    import numpy as np

    fig, ax = plt.subplots(figsize=(8, 8), dpi=100)
    ax.imshow(np.random.default_rng(0).random((400, 400, 3)))     # noise: a photo-like PNG that compresses badly
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    png = base64.b64encode(buffer.getvalue()).decode()
    cell = nbformat.v4.new_code_cell("plt.imshow(photo)")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"image/png": png, "text/plain": "<Figure>"})]
    light = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1", id="one")])
    nbformat.write(light, tmp_path / "light.ipynb")
    assert weight_problems(tmp_path / "light.ipynb") == []
    heavy = nbformat.v4.new_notebook(cells=[nbformat.from_dict(dict(cell, id=f"photo-{k}")) for k in range(4)])
    nbformat.write(heavy, tmp_path / "heavy.ipynb")
    problems = weight_problems(tmp_path / "heavy.ipynb")
    assert any("cell 0 (photo-0) shows a" in p and "over 150 kB" in p for p in problems), problems
    assert any("heavy.ipynb is" in p and "over 500 kB" in p for p in problems), problems
