"""The source-notebook rules can fail: each broken notebook below is caught."""

import nbformat
import pytest

from torchcourse import authoring
from torchcourse.authoring import code, md, parameters, problems_in_source, setup, solution, write_notebook

SECTIONS = "\n".join(f"## {name}" for name in authoring.REQUIRED_SECTIONS)


def good_cells():
    return [
        md("title", "# Topic\n" + SECTIONS),
        parameters(),
        setup("import torch"),
        md("p1", "### Predict, then run: one"),
        code("demo-1", "print(1)"),
        md("p2", "### Predict, then run: two"),
        solution("double", "def double(t):\n    ### BEGIN SOLUTION\n    return 2 * t\n    ### END SOLUTION"),
        authoring.tests("double_tests", "assert double(1) == 2\n### BEGIN HIDDEN TESTS\nassert double(0) == 0\n"
                              "### END HIDDEN TESTS", points=1),
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


@pytest.mark.parametrize("breaker, words", [
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
