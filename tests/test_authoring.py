"""The source-notebook rules can fail: each broken notebook below is caught."""

import ast
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import nbformat
import pytest

from torchcourse import authoring, cli, pipeline
from torchcourse.authoring import (code, fix_source, md, new_topic, parameters, problems_in_source, setup,
                                   solution, write_notebook)

SECTIONS = "\n".join(f"## {name}" for name in authoring.REQUIRED_SECTIONS)


def good_cells():
    return [
        md("title", "# Topic\n" + SECTIONS),
        parameters(),
        setup("import torch"),
        md("p1", "### Predict, then run: one"),
        code("demo-1", "print(1)"),
        md("p2", "### Predict, then run: two\n\n#### Exercise 1: double it (1 point)"),
        solution("double", "def double(t):\n    ### BEGIN SOLUTION\n    return 2 * t\n    ### END SOLUTION"),
        authoring.tests("double_tests", "assert double(1) == 2\n### BEGIN HIDDEN TESTS\nassert double(0) == 0\n"
                              "### END HIDDEN TESTS", points=1),
        md("q1", "**Q1.** (1 point) What is 2 + 2?"),
        solution("answer_four", "answer_four = ...   # an int\n### BEGIN SOLUTION\nanswer_four = 4\n### END SOLUTION"),
        authoring.tests("answer_four_tests", "assert isinstance(answer_four, int)\n### BEGIN HIDDEN TESTS\n"
                                   "assert answer_four == 4\n### END HIDDEN TESTS", points=1),
    ]


def notebook(cells, tmp_path):
    write_notebook(cells, tmp_path / "nb.ipynb")
    return nbformat.read(tmp_path / "nb.ipynb", as_version=4)


def test_a_well_formed_notebook_has_no_problems(tmp_path):
    assert problems_in_source(notebook(good_cells(), tmp_path)) == []


def break_outputs(cells):
    cells[4].outputs = [nbformat.v4.new_output("stream", text="1\n")]
    cells[4].execution_count = 1


def break_points(cells):
    cells[7].metadata["nbgrader"]["points"] = 0


def break_pairing(cells):
    cells[7]["id"] = cells[7].metadata["nbgrader"]["grade_id"] = "other_tests"


def break_lock(cells):
    cells[3].metadata["nbgrader"]["locked"] = False


def break_hidden(cells):
    cells[7].source = "assert double(1) == 2"


def break_markers(cells):
    cells[6].source = "def double(t):\n    return 2 * t"


def break_parameters(cells):
    cells[1].metadata["tags"] = []


def break_parameters_lock(cells):
    cells[1].metadata.pop("nbgrader")


def break_predict(cells):
    cells[5].source = "### Try it"


def break_sections(cells):
    cells[0].source = "# Topic"


def break_duplicate_id(cells):
    cells[4]["id"] = "title"


def break_exercise_number(cells):
    cells[5].source = "### Predict, then run: two\n\n#### Exercise 2: double it (1 point)"


def break_exercise_points(cells):
    cells[5].source = "### Predict, then run: two\n\n#### Exercise 1: double it (2 points)"


def break_exercise_heading(cells):
    cells[5].source = "### Predict, then run: two\n\n**Double it.** Write `double(t)`."


def break_checkpoint_number(cells):
    cells[8].source = "**Q2.** (1 point) What is 2 + 2?"


def break_checkpoint_points(cells):
    cells[8].source = "**Q1.** What is 2 + 2?"


def break_checkpoint_name(cells):
    cells[9].source = "### BEGIN SOLUTION\nanswer_four = 4\n### END SOLUTION"


@pytest.mark.parametrize("breaker, words", [
    (break_exercise_number, "introduce exercise 1 with a heading '#### Exercise 1: <what it asks> (1 point)'"),
    (break_exercise_points, "introduce exercise 1 with a heading"),
    (break_exercise_heading, "introduce exercise 1 with a heading"),
    (break_checkpoint_number, "asks it as '**Q1.** (1 point) ...'"),
    (break_checkpoint_points, "asks it as '**Q1.** (1 point) ...'"),
    (break_checkpoint_name, "start the cell with `answer_four = ...`"),
    (break_outputs, "has outputs"),
    (break_outputs, "execution count"),
    (break_points, "without points"),
    (break_pairing, "no test cell 'double_tests'"),
    (break_lock, "must be locked"),
    (break_hidden, "no ### BEGIN HIDDEN TESTS"),
    (break_markers, "lacks ### BEGIN/END SOLUTION"),
    (break_parameters, "tagged 'parameters'"),
    (break_parameters_lock, "parameters cell must be locked"),
    (break_predict, "Predict, then run"),
    (break_sections, "missing a section headed 'Recap'"),
    (break_duplicate_id, "duplicate cell ids"),
])
def test_each_broken_rule_is_reported(tmp_path, breaker, words):
    cells = good_cells()
    breaker(cells)
    # from_dict, not new_notebook: nbformat's validation would quietly repair some breakages
    nb = nbformat.from_dict({"cells": cells, "metadata": {"kernelspec": dict(authoring.KERNELSPEC)},
                             "nbformat": 4, "nbformat_minor": 5})
    problems = problems_in_source(nb)
    assert any(words in p for p in problems), problems


def test_test_cells_must_be_named_after_their_exercise():
    with pytest.raises(ValueError, match="_tests"):
        authoring.tests("double_check", "assert True", points=1)


# ------------------------------------------------- authoring in JupyterLab: check --fix
#
# What nbgrader's JupyterLab extension (@jupyter/nbgrader 0.9.6; jupyter/nbgrader
# src/create_assignment/create_assignment_model.ts and create_assignment_extension.ts,
# checked against the installed bundle) writes when the author picks a cell's Type:
#   * CellModel.newNbgraderData + NbgraderMetadata.toJson: exactly grade, grade_id, locked,
#     points (only for graded types), schema_version 3, solution, task. "Read-only" sets
#     locked; "Autograded answer" sets solution (unlocked); "Autograded tests" sets grade,
#     locked and points (0 until the author types a number);
#   * grade_id: what the author types in the ID field, else "cell-" + _randomString(16),
#     16 characters from "abcdef0123456789";
#   * CellModel.clearCellType removes nbgrader.cell_type (written, with checksum, only by
#     nbgrader's ComputeChecksums in generated copies; LockCells adds editable/deletable).
# The cell id is JupyterLab's: UUID.uuid4() (@jupyter/ydoc). JupyterLab also saves outputs,
# execution counts, view state (collapsed, scrolled, execution timings) and the full
# language_info. (Cell metadata "trusted" never reaches the file: nbformat strips it.)

def toolbar(kind, grade_id=None, points=1):
    """The nbgrader metadata the Create Assignment toolbar writes for a cell Type."""
    meta = {"grade": kind == "tests", "grade_id": grade_id or "cell-" + secrets.token_hex(8),
            "locked": kind != "solution", "schema_version": 3, "solution": kind == "solution", "task": False}
    if kind == "tests":
        meta["points"] = points
    return meta


def lab_cell(kind, source, nbgrader=None, outputs=(), count=None, **metadata):
    new = nbformat.v4.new_markdown_cell if kind == "markdown" else nbformat.v4.new_code_cell
    cell = new(source, id=str(uuid.uuid4()), metadata=dict(metadata))
    if nbgrader:
        cell.metadata["nbgrader"] = nbgrader
    if kind == "code":
        cell.outputs = [nbformat.v4.new_output("stream", text=text) for text in outputs]
        cell.execution_count = count
    return cell


def lab_notebook(*extra_cells):
    """A small topic as JupyterLab saves it after the author used the Create Assignment toolbar."""
    cells = [
        lab_cell("markdown", "# Lab topic\n" + SECTIONS, toolbar("readonly")),
        lab_cell("code", 'device = "auto"\nseed = 0', toolbar("readonly"), count=1, tags=["parameters"]),
        lab_cell("code", "import math", toolbar("readonly"), count=2),
        lab_cell("markdown", "### Predict, then run: one"),                  # the author forgot to lock it
        lab_cell("code", "print(1)", outputs=["1\n"], count=3, collapsed=False, scrolled=True,
                 execution={"iopub.status.busy": "2025-01-01T10:00:00.000Z"}, tags=[]),
        lab_cell("markdown", "### Predict, then run: two\n\n#### Exercise 1: double it (2 points)", toolbar("readonly")),
        lab_cell("code", "def double(t):\n    ### BEGIN SOLUTION\n    return 2 * t\n    ### END SOLUTION",
                 toolbar("solution"), count=4),
        lab_cell("markdown", "Run the checks below, then go on.\n\n#### Exercise 2: triple it (1 point)",
                 toolbar("readonly")),                                       # markdown between exercise and tests
        lab_cell("code", "assert double(1) == 2\n### BEGIN HIDDEN TESTS\nassert double(0) == 0\n"
                 "### END HIDDEN TESTS", toolbar("tests", points=2), outputs=["ok\n"], count=5),
        # the author typed both ids; the cell came from a release/ copy, with nbgrader's generated keys
        lab_cell("code", "def triple(t):\n    ### BEGIN SOLUTION\n    return 3 * t\n    ### END SOLUTION",
                 dict(toolbar("solution", "triple"), cell_type="code", checksum="0f3c"), deletable=False),
        lab_cell("code", "assert triple(1) == 3\n### BEGIN HIDDEN TESTS\nassert triple(0) == 0\n"
                 "### END HIDDEN TESTS", toolbar("tests", "check_triple"), editable=False, deletable=False),
        *extra_cells,
    ]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = dict(authoring.KERNELSPEC)
    nb.metadata["language_info"] = {
        "codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
        "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
        "pygments_lexer": "ipython3", "version": "3.11.2"}
    return nbformat.reads(nbformat.writes(nb), as_version=4)   # as nbformat.read gives it to `check`


def test_check_reports_what_the_lab_toolbar_leaves():
    problems = problems_in_source(lab_notebook())
    for words in ("was made up by the Create Assignment toolbar", "toolbar's ID field", "has outputs",
                  "execution count", "must be locked", "test cell ids end with '_tests'",
                  "should equal the cell id", "./course check --fix"):
        assert any(words in p for p in problems), (words, problems)


def test_fix_source_brings_a_lab_notebook_in_line():
    nb = lab_notebook()
    changes = fix_source(nb)
    assert changes and problems_in_source(nb) == [], problems_in_source(nb)
    ids = [cell.id for cell in nb.cells]
    assert ids[6:] == ["double", "exercise-2-triple-it-1", "double_tests", "triple", "triple_tests"]
    assert ids[:2] == ["lab-topic", "parameters"]
    for cell in nb.cells:
        assert not set(cell.metadata) - {"nbgrader", "tags"}, cell.metadata
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    assert {"cell_type", "checksum"}.isdisjoint(nb.cells[9].metadata.nbgrader)
    assert nb.metadata.language_info == {"name": "python"}
    nbformat.validate(nb)

    again = nbformat.reads(nbformat.writes(nb), as_version=4)
    assert fix_source(again) == [] and again == nb          # stable: a second run changes nothing


def test_fix_cannot_name_an_exercise_that_defines_several_things():
    both = lab_cell("code", "def save(m, p):\n    ### BEGIN SOLUTION\n    pass\n    ### END SOLUTION\n\n\n"
                    "def load(m, p):\n    ### BEGIN SOLUTION\n    pass\n    ### END SOLUTION", toolbar("solution"))
    tested = lab_cell("code", "save(1, 2)\n### BEGIN HIDDEN TESTS\n### END HIDDEN TESTS", toolbar("tests"))
    nb = lab_notebook(both, tested)
    grade_id = both.metadata.nbgrader.grade_id
    fix_source(nb)
    assert nb.cells[-2].id == nb.cells[-2].metadata.nbgrader.grade_id == grade_id   # left for the author
    problems = problems_in_source(nb)
    assert any(grade_id in p and "toolbar's ID field" in p and "def save" in p for p in problems), problems
    assert fix_source(nb) == []


def test_check_fix_writes_the_notebook_back(tmp_path, monkeypatch):
    path = tmp_path / "lab.ipynb"
    nbformat.write(lab_notebook(), path)
    before = path.read_bytes()
    with_course_notebook(monkeypatch, "lab", path)
    assert cli.main(["check", "lab"]) == 1 and path.read_bytes() == before   # only lists the problems
    assert cli.main(["check", "--fix", "lab"]) == 0
    assert problems_in_source(nbformat.read(path, as_version=4)) == []


def with_course_notebook(monkeypatch, topic, path):
    """Point ./course's topic lookup at one notebook (the CLI's only link to the course layout)."""
    monkeypatch.setattr(pipeline, "check_topics", lambda requested, root=None: [topic])
    monkeypatch.setattr(pipeline, "source_path", lambda t, root=None: path)


def test_the_course_notebooks_need_no_fixing():
    for topic in pipeline.topics():
        assert fix_source(nbformat.read(pipeline.source_path(topic), as_version=4)) == [], topic


def grade(course_root, assignment, students):
    """Autograde ``submitted/`` with the course's grader; ``{student: {test cell: score}}``.

    The one place this file touches the grading code, so it is easy to adapt."""
    from nbgrader.api import Gradebook

    from torchcourse import classroom

    classroom.grade_class(course_root, assignment, workers=1)
    with Gradebook(f"sqlite:///{course_root / 'gradebook.db'}") as gradebook:
        return {s: {g.name: g.score for g in gradebook.find_submission_notebook(assignment, assignment, s).grades}
                for s in students}


def test_a_fixed_lab_notebook_releases_and_grades(tmp_path, monkeypatch):
    # nbgrader runs `alembic` from the environment's bin/, which ./course puts on PATH
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    nb, topic = lab_notebook(), "lab_topic"
    fix_source(nb)
    source = tmp_path / "source" / topic / f"{topic}.ipynb"
    source.parent.mkdir(parents=True)
    nbformat.write(nb, source)
    shutil.copy(pipeline.ROOT / "nbgrader_config.py", tmp_path)
    proc = subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", topic], cwd=tmp_path,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    release = nbformat.read(tmp_path / "release" / topic / f"{topic}.ipynb", as_version=4)
    assert "BEGIN SOLUTION" not in nbformat.writes(release)

    answers = {c.id: "\n".join(line for line in c.source.splitlines() if "SOLUTION" not in line)
               for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")}
    solved = nbformat.from_dict(release)
    for cell in solved.cells:
        cell.source = answers.get(cell.id, cell.source)
    for student, submission in {"solved": solved, "unanswered": release}.items():
        target = tmp_path / "submitted" / student / topic / f"{topic}.ipynb"
        target.parent.mkdir(parents=True)
        nbformat.write(submission, target)
    assert grade(tmp_path, topic, ["solved", "unanswered"]) == {
        "solved": {"double_tests": 2, "triple_tests": 1}, "unanswered": {"double_tests": 0, "triple_tests": 0}}


# ------------------------------------------------------- authoring from scratch: new-topic

TOPIC = "08_new_things"


def scaffold_fixtures(root):
    """``[(exercise, kind, path)]`` of the recorded submissions under ``root``'s tests/submissions."""
    paths = sorted((root / "tests" / "submissions" / TOPIC).glob("*/*.py"))
    assert all(re.fullmatch(r"(headline|mistake|alternative)_[a-z0-9_]+\.py", p.name) for p in paths), paths
    return [(p.parent.name, "mistake" if p.name.startswith("headline_") else p.name.split("_")[0], p)
            for p in paths]


def exercises(nb):
    return [c.id for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")]


def test_new_topic_scaffolds_a_notebook_that_follows_the_rules(tmp_path):
    written = new_topic(tmp_path, TOPIC, "New things")
    nb = nbformat.read(tmp_path / "source" / TOPIC / f"{TOPIC}.ipynb", as_version=4)
    assert written[0] == tmp_path / "source" / TOPIC / f"{TOPIC}.ipynb"
    assert problems_in_source(nb) == [] and fix_source(nb) == []
    assert nb.cells[0].source.startswith("# 08 · New things") and "Next: 09 " in nb.cells[-1].source
    recorded = scaffold_fixtures(tmp_path)
    assert sorted(written[1:]) == [path for _, _, path in recorded]
    for exercise in exercises(nb):
        assert {kind for e, kind, _ in recorded if e == exercise} == {"mistake", "alternative"}, exercise
    for _, _, path in recorded:
        ast.parse(path.read_text())
        assert path.read_text().startswith("# "), f"{path} must start with a comment saying what it shows"


@pytest.mark.parametrize("topic_id, words", [
    ("8_things", "must look like NN_name"), ("08-things", "must look like NN_name"),
    ("08_Things", "must look like NN_name"), ("08_", "must look like NN_name"),
    ("08_two__underscores", "must look like NN_name"), (TOPIC, "exists already"),
    ("08_other_things", "number 08 is taken by 08_new_things"),
])
def test_new_topic_refuses_bad_or_taken_ids(tmp_path, topic_id, words):
    new_topic(tmp_path, TOPIC, "New things")
    with pytest.raises(ValueError, match=words):
        new_topic(tmp_path, topic_id, "Other things")


# Runs lists of cell sources, each list in a fresh namespace, and prints how each ended.
RUN_CELLS = """
import json, sys
from torchcourse.grading import CheckFailed
results = {}
for label, sources in json.loads(sys.stdin.read()).items():
    scope = {}
    try:
        for source in sources:
            exec(compile(source, label, "exec"), scope)
        results[label] = "passed"
    except CheckFailed as err:
        results[label] = "failed: " + str(err)
print(json.dumps(results))
"""


def test_the_scaffold_grades_its_solution_and_fixtures_correctly(tmp_path):
    """The example solution passes its visible and hidden tests, each recorded mistake fails
    them (the headline mistake already in the visible part), each alternative passes.
    In-process execution of the cells (one Python with torch, about 5 s), not nbgrader."""
    new_topic(tmp_path, TOPIC, "New things")
    nb = nbformat.read(tmp_path / "source" / TOPIC / f"{TOPIC}.ipynb", as_version=4)
    cells = {cell.id: cell.source for cell in nb.cells}
    start = [cells["parameters"], cells["setup"]]
    runs = {f"solution {e}": start + [cells[e], cells[e + "_tests"]] for e in exercises(nb)}
    for exercise, _, path in scaffold_fixtures(tmp_path):
        tests = cells[exercise + "_tests"]
        runs[path.name] = start + [path.read_text(), tests]
        runs["visible " + path.name] = start + [path.read_text(), tests.split("### BEGIN HIDDEN TESTS")[0]]
    proc = subprocess.run([sys.executable, "-c", RUN_CELLS], input=json.dumps(runs), cwd=pipeline.ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(pipeline.ROOT)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(proc.stdout.splitlines()[-1])
    for label, result in results.items():
        if label.startswith(("mistake_", "headline_")):
            assert result.startswith("failed"), (label, result)
        elif not label.startswith("visible"):
            assert result == "passed", (label, result)
    assert "must leave its input unchanged" in results["visible headline_in_place.py"]   # the headline mistake
    assert not proc.stderr.strip(), proc.stderr                # stderr in a test cell would zero it
