"""Build and check source notebooks with nbformat, never by editing JSON by hand.

Cells are made with small builders that set nbgrader's metadata correctly and
give every cell a stable, readable id::

    from torchcourse.authoring import md, code, solution, tests, write_notebook
    cells = [
        md("title", "# Tensors"),
        code("demo-zeros", "torch.zeros(2, 3)"),
        solution("ex_describe", "def describe(t):\\n    ### BEGIN SOLUTION\\n    ...\\n    ### END SOLUTION"),
        tests("ex_describe_tests", "check_equal(...)\\n### BEGIN HIDDEN TESTS\\n...\\n### END HIDDEN TESTS", points=2),
    ]
    write_notebook(cells, "source/01_tensors/01_tensors.ipynb")

:func:`problems_in_source` lists everything that breaks the course's rules for
a source notebook; the test suite requires it to return nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

__all__ = [
    "md", "code", "parameters", "setup", "solution", "tests", "write_notebook",
    "problems_in_source", "REQUIRED_SECTIONS", "TESTS_SUFFIX",
]

SCHEMA_VERSION = 3
TESTS_SUFFIX = "_tests"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}

#: Headings every topic notebook must have (the shape in shared/SYLLABUS.md).
REQUIRED_SECTIONS = (
    "Learning objectives", "Why this matters", "Myth vs reality", "Common mistakes",
    "Exercises", "Interview checkpoints", "Recap", "Next",
)
PREDICT_HEADING = "Predict, then run"
MIN_PREDICT_CELLS = 2


def _nbgrader(grade_id: str, *, grade=False, solution=False, locked=False, points=None) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked,
            "schema_version": SCHEMA_VERSION, "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    return meta


def md(cell_id: str, text: str):
    """A locked (read-only) explanation cell."""
    cell = nbformat.v4.new_markdown_cell(text.strip("\n"), id=cell_id)
    cell.metadata["nbgrader"] = _nbgrader(cell_id, locked=True)
    return cell


def code(cell_id: str, source: str, *, locked: bool = False, tags: tuple[str, ...] = ()):
    """A demo cell. Unlocked by default: learners may experiment with it."""
    cell = nbformat.v4.new_code_cell(source.strip("\n"), id=cell_id)
    if locked:
        cell.metadata["nbgrader"] = _nbgrader(cell_id, locked=True)
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def parameters(source: str = 'device = "auto"  # "auto", "cpu", "cuda" or "mps"\nseed = 0'):
    """The papermill ``parameters`` cell (exactly one per notebook).

    It is locked: autograde restores a locked cell from the gradebook, so a
    learner who set ``device = "cuda"`` on their laptop is still graded with
    ``"auto"`` on the grading machine instead of failing every test.
    """
    return code("parameters", source, locked=True, tags=("parameters",))


def setup(source: str):
    """The locked setup cell that imports the course helpers and calls ``setup_notebook``."""
    return code("setup", source, locked=True)


def solution(grade_id: str, source: str):
    """An exercise cell. Code between ``### BEGIN SOLUTION`` and ``### END SOLUTION``
    is replaced by a stub in the student version."""
    cell = nbformat.v4.new_code_cell(source.strip("\n"), id=grade_id)
    cell.metadata["nbgrader"] = _nbgrader(grade_id, solution=True)
    return cell


def tests(grade_id: str, source: str, points: int):
    """The locked test cell of an exercise, named ``<exercise>_tests``."""
    if not grade_id.endswith(TESTS_SUFFIX):
        raise ValueError(f"test cell ids end with {TESTS_SUFFIX!r}; got {grade_id!r}")
    cell = nbformat.v4.new_code_cell(source.strip("\n"), id=grade_id)
    cell.metadata["nbgrader"] = _nbgrader(grade_id, grade=True, locked=True, points=points)
    return cell


def write_notebook(cells, path: str | Path) -> None:
    """Write ``cells`` as a clean source notebook (no outputs, python3 kernel)."""
    nb = nbformat.v4.new_notebook(cells=list(cells))
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    nbformat.validate(nb)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)


def _meta(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


def problems_in_source(nb) -> list[str]:
    """Every way ``nb`` (a source notebook) breaks the course's rules; empty if none."""
    problems = []
    if nb.metadata.get("kernelspec", {}).get("name") != "python3":
        problems.append("metadata.kernelspec.name must be 'python3' (papermill needs it)")

    ids = [cell.get("id") for cell in nb.cells]
    if None in ids:
        problems.append("every cell needs an id (nbformat >= 4.5)")
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        problems.append(f"duplicate cell ids: {sorted(duplicates)}")

    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    if len(tagged) != 1:
        problems.append(f"exactly one cell must be tagged 'parameters'; found {len(tagged)}")
    else:
        if not all(re.search(rf"^{name}\s*=", tagged[0].source, re.M) for name in ("device", "seed")):
            problems.append("the parameters cell must define `device` and `seed`")
        if not _meta(tagged[0]).get("locked"):
            problems.append("the parameters cell must be locked, so grading always uses its defaults")

    grade_ids = [_meta(c)["grade_id"] for c in nb.cells if _meta(c)]
    dup_grades = {g for g in grade_ids if grade_ids.count(g) > 1}
    if dup_grades:
        problems.append(f"duplicate nbgrader grade_ids: {sorted(dup_grades)}")

    position = {cell.get("id"): n for n, cell in enumerate(nb.cells)}
    for n, cell in enumerate(nb.cells):
        where = f"cell {n} ({cell.get('id')})"
        meta = _meta(cell)
        if cell.cell_type == "code":
            if cell.get("outputs"):
                problems.append(f"{where} has outputs; source notebooks must be clean")
            if cell.get("execution_count") is not None:
                problems.append(f"{where} has an execution count")
        if meta and meta.get("grade_id") != cell.get("id"):
            problems.append(f"{where}: grade_id {meta.get('grade_id')!r} should equal the cell id")
        if cell.cell_type == "markdown" and not (meta.get("locked") or meta.get("solution")):
            problems.append(f"{where}: explanation cells must be locked (read-only)")
        if meta.get("grade"):
            if not meta.get("points"):
                problems.append(f"{where}: graded cell without points")
            if cell.cell_type == "code" and "### BEGIN HIDDEN TESTS" not in cell.source:
                problems.append(f"{where}: test cell has no ### BEGIN HIDDEN TESTS block")
            if cell.cell_type == "code" and not cell.get("id", "").endswith(TESTS_SUFFIX):
                problems.append(f"{where}: test cell ids end with {TESTS_SUFFIX!r}")
        if meta.get("solution") and cell.cell_type == "code":
            if "### BEGIN SOLUTION" not in cell.source or "### END SOLUTION" not in cell.source:
                problems.append(f"{where}: solution cell lacks ### BEGIN/END SOLUTION")
            test_id = cell.get("id") + TESTS_SUFFIX
            if test_id not in position:
                problems.append(f"{where}: no test cell {test_id!r} for this exercise")
            elif position[test_id] < n:
                problems.append(f"{where}: its test cell {test_id!r} comes before it")
    for cell in nb.cells:
        if _meta(cell).get("grade") and cell.cell_type == "code":
            exercise = cell.get("id", "")[: -len(TESTS_SUFFIX)]
            if exercise not in position:
                problems.append(f"test cell {cell.get('id')!r} has no exercise cell {exercise!r}")

    headings = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for section in REQUIRED_SECTIONS:
        if not re.search(rf"^#+ .*{re.escape(section)}", headings, re.M | re.I):
            problems.append(f"missing a section headed {section!r}")
    predicts = len(re.findall(rf"^#+ .*{re.escape(PREDICT_HEADING)}", headings, re.M | re.I))
    if predicts < MIN_PREDICT_CELLS:
        problems.append(f"needs at least {MIN_PREDICT_CELLS} '{PREDICT_HEADING}' prompts; found {predicts}")
    return problems
