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
:func:`fix_source` repairs what JupyterLab and nbgrader's Create Assignment
toolbar leave behind (``./course check --fix``), and :func:`new_topic` scaffolds
a new topic in the syllabus shape (``./course new-topic``).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat

__all__ = [
    "md", "code", "parameters", "setup", "solution", "tests", "write_notebook",
    "problems_in_source", "fix_source", "new_topic", "REQUIRED_SECTIONS", "TESTS_SUFFIX",
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

#: Ids that tools make up rather than people. nbgrader's Create Assignment toolbar names a
#: new nbgrader cell ``"cell-" + 16 random hex digits`` (``_randomString(16)`` in its lab
#: extension); JupyterLab gives every new cell a UUID4 (``UUID.uuid4()`` in @jupyter/ydoc);
#: nbformat gives a cell that has no id 8 random hex digits (``random_cell_id``).
RANDOM_ID = re.compile(r"^(cell-[0-9a-f]{16}|[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|[0-9a-f]{8})$")
#: Cell metadata a source notebook must not keep: JupyterLab's view state (``collapsed``,
#: ``scrolled``, ``execution`` timings) and what nbgrader's LockCells writes into release/
#: copies (``editable``, ``deletable``: in a source they lock the author out of a cell).
NOISE_METADATA = ("collapsed", "scrolled", "execution", "editable", "deletable")
#: nbgrader metadata that only belongs in generated copies (ComputeChecksums writes both).
NOISE_NBGRADER = ("cell_type", "checksum")
FIX = "./course check --fix"


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
                problems.append(f"{where} has outputs; source notebooks must be clean ({FIX})")
            if cell.get("execution_count") is not None:
                problems.append(f"{where} has an execution count ({FIX})")
        grade_id = meta.get("grade_id", "")
        if meta and RANDOM_ID.match(grade_id) and meta.get("solution"):
            start = (cell.source.strip().splitlines() or [""])[0][:50]
            problems.append(f"{where}, which starts {start!r}: exercise id {grade_id!r} was made up by "
                            "the Create Assignment toolbar: type the exercise's name in the toolbar's ID "
                            f"field (`{FIX}` does it when the cell defines exactly one function, class or "
                            "answer_ variable)")
        elif meta and RANDOM_ID.match(grade_id) and not meta.get("grade"):   # test cells: see below
            problems.append(f"{where}: grade_id {grade_id!r} was made up by the Create Assignment "
                            f"toolbar; give it a readable one ({FIX})")
        elif meta and grade_id != cell.get("id"):
            problems.append(f"{where}: grade_id {grade_id!r} should equal the cell id ({FIX})")
        if cell.cell_type == "markdown" and not (meta.get("locked") or meta.get("solution")):
            problems.append(f"{where}: explanation cells must be locked (read-only) ({FIX})")
        if meta.get("grade"):
            if not meta.get("points"):
                problems.append(f"{where}: graded cell without points (type them in the toolbar's "
                                "Points field)")
            if cell.cell_type == "code" and "### BEGIN HIDDEN TESTS" not in cell.source:
                problems.append(f"{where}: test cell has no ### BEGIN HIDDEN TESTS block")
            if cell.cell_type == "code" and not cell.get("id", "").endswith(TESTS_SUFFIX):
                problems.append(f"{where}: test cell ids end with {TESTS_SUFFIX!r}: name it "
                                f"<exercise>{TESTS_SUFFIX} in the toolbar's ID field ({FIX} does when it "
                                "comes right after its exercise)")
        if meta.get("solution") and cell.cell_type == "code":
            if "### BEGIN SOLUTION" not in cell.source or "### END SOLUTION" not in cell.source:
                problems.append(f"{where}: solution cell lacks ### BEGIN/END SOLUTION")
            test_id = cell.get("id", "") + TESTS_SUFFIX
            if not _readable(cell.get("id")):
                continue                                  # reported above: the exercise needs a name
            if test_id not in position:
                problems.append(f"{where}: no test cell {test_id!r} for this exercise")
            elif position[test_id] < n:
                problems.append(f"{where}: its test cell {test_id!r} comes before it")
    for cell in nb.cells:
        if _is_tests(cell) and cell.get("id", "").endswith(TESTS_SUFFIX):
            exercise = cell.get("id", "")[: -len(TESTS_SUFFIX)]
            if exercise not in position:
                problems.append(f"test cell {cell.get('id')!r} has no exercise cell {exercise!r}")

    problems += _numbering_problems(nb)

    headings = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for section in REQUIRED_SECTIONS:
        if not re.search(rf"^#+ .*{re.escape(section)}", headings, re.M | re.I):
            problems.append(f"missing a section headed {section!r}")
    predicts = len(re.findall(rf"^#+ .*{re.escape(PREDICT_HEADING)}", headings, re.M | re.I))
    if predicts < MIN_PREDICT_CELLS:
        problems.append(f"needs at least {MIN_PREDICT_CELLS} '{PREDICT_HEADING}' prompts; found {predicts}")
    return problems


#: Checkpoints (value answers) are named ``answer_<what>``; every other graded answer is an exercise.
CHECKPOINT_PREFIX = "answer_"
#: How each exercise is introduced: the last heading before its cell, e.g.
#: ``#### Exercise 3: flatten an image batch (2 points)``.
EXERCISE_HEADING = re.compile(r"^#{2,4} Exercise (\d+): \S.* \((\d+) points?\)\s*$", re.M)
#: How each checkpoint is asked, in the markdown right before its cell: ``**Q2.** (1 point) What is ...``.
CHECKPOINT_QUESTION = re.compile(r"\*\*Q(\d+)\.\*\* \((\d+) points?\)")


def _numbering_problems(nb) -> list[str]:
    """Exercises and checkpoints are numbered 1, 2, ... and show their points the same way everywhere;
    a checkpoint's cell names its answer variable outside the solution block."""
    problems, exercise_no, question_no = [], 0, 0
    points = {_meta(c).get("grade_id", "")[: -len(TESTS_SUFFIX)]: _meta(c).get("points")
              for c in nb.cells if _is_tests(c)}
    for n, cell in enumerate(nb.cells):
        meta = _meta(cell)
        if not (meta.get("solution") and cell.cell_type == "code" and _readable(cell.get("id"))):
            continue
        name, where = cell.get("id"), f"cell {n} ({cell.get('id')})"
        markdown = [c.source for c in nb.cells[:n] if c.cell_type == "markdown"]
        want = points.get(name)
        unit = "point" if want == 1 else "points"
        if name.startswith(CHECKPOINT_PREFIX):
            question_no += 1
            asked = CHECKPOINT_QUESTION.findall(markdown[-1] if markdown else "")
            if not asked or int(asked[-1][0]) != question_no or int(asked[-1][1]) != want:
                problems.append(f"{where}: the markdown right before a checkpoint asks it as "
                                f"'**Q{question_no}.** ({want} {unit}) ...' (checkpoints are numbered in order)")
            before = cell.source.split("### BEGIN SOLUTION")[0]
            if not re.search(rf"^{re.escape(name)}\s*=", before, re.M):
                problems.append(f"{where}: start the cell with `{name} = ...` (and a comment on the answer's "
                                "form) above ### BEGIN SOLUTION, so that the learner sees the name to assign")
        else:
            exercise_no += 1
            found = EXERCISE_HEADING.findall("\n".join(markdown))
            if not found or int(found[-1][0]) != exercise_no or int(found[-1][1]) != want:
                problems.append(f"{where}: introduce exercise {exercise_no} with a heading "
                                f"'#### Exercise {exercise_no}: <what it asks> ({want} {unit})' "
                                "(exercises are numbered in order, with their test cell's points)")
    return problems


# ------------------------------------------------------------------ fix_source

def _readable(cell_id) -> bool:
    return bool(cell_id) and not RANDOM_ID.match(cell_id)


def _is_tests(cell) -> bool:
    meta = _meta(cell)
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


def _defined_name(source: str) -> str | None:
    """The one public function, class or ``answer_`` variable ``source`` defines at top
    level, in snake_case (``MyLinear`` -> ``my_linear``); None if none or several."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name) and t.id.startswith("answer_"))
    names = {name for name in names if not name.startswith("_")}
    if len(names) != 1:
        return None
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", names.pop()).lower()


def _made_up_id(cell, n: int) -> str | None:
    """A readable id for a cell that has none, from its content; None where no
    meaningful one follows (a test cell away from its exercise, an exercise that
    defines several names)."""
    meta = _meta(cell)
    if meta.get("solution") and cell.cell_type == "code":
        return _defined_name(cell.source)
    if meta.get("grade"):
        return None
    if cell.cell_type == "markdown":
        lines = [line for line in cell.source.splitlines() if line.strip()]
        first = next((line for line in lines if line.startswith("#")), lines[0] if lines else "")
        return "-".join(re.findall(r"[a-z0-9]+", first.lower())[:5]) or f"md-{n}"
    if "parameters" in cell.metadata.get("tags", []):
        return "parameters"
    if "setup_notebook(" in cell.source:
        return "setup"
    name = _defined_name(cell.source)
    return f"demo-{name.replace('_', '-')}" if name else f"code-{n}"


def _unique(name: str, taken: set) -> str:
    k, candidate = 2, name
    while candidate in taken:
        candidate, k = f"{name}-{k}", k + 1
    return candidate


def _fix_ids(nb) -> list[str]:
    """Give every cell a readable id, equal to its grade_id; test cells after their exercise."""
    cells = nb.cells
    names, made_up = [], []
    for n, cell in enumerate(cells):
        grade_id = _meta(cell).get("grade_id")
        if _meta(cell) and _readable(grade_id):      # what the author typed in the toolbar wins
            names.append(grade_id), made_up.append(False)
        elif _readable(cell.get("id")):
            names.append(cell["id"]), made_up.append(False)
        else:
            names.append(_made_up_id(cell, n)), made_up.append(True)
    exercise_of, last = {}, None                   # test cell -> the solution cell just above it
    for n, cell in enumerate(cells):
        if cell.cell_type == "markdown":
            continue
        if _is_tests(cell) and last is not None:
            exercise_of[n] = last
        last = n if _meta(cell).get("solution") else None

    final, taken = [None] * len(cells), set()
    grade_ids = [_meta(cell).get("grade_id") for cell in cells]
    for second in (False, True):                   # names cells already have first, made-up ones after
        for n, cell in enumerate(cells):
            name = names[n]
            if n in exercise_of or name is None or made_up[n] != second:
                continue
            if name in taken:
                if _meta(cell).get("solution") or _meta(cell).get("grade"):
                    continue                       # a duplicate exercise: reported, not guessed at
                name = _unique(name, taken)
            final[n] = name
            taken.add(name)
    for n, exercise in exercise_of.items():
        name = final[exercise] + TESTS_SUFFIX if final[exercise] else None
        if name is None and not made_up[n]:
            name = names[n]
        if name is not None and name not in taken:
            final[n] = name
            taken.add(name)
    for n, cell in enumerate(cells):               # no name to give: at least make the two ids agree
        grade_id = _meta(cell).get("grade_id")
        if final[n] is None and grade_id and grade_id not in taken and grade_ids.count(grade_id) == 1:
            final[n] = grade_id
            taken.add(grade_id)

    changes = []
    for n, (cell, name) in enumerate(zip(cells, final)):
        meta = _meta(cell)
        old = [cell.get("id")] + ([meta.get("grade_id")] if meta else [])
        if name is None or set(old) == {name}:
            continue
        cell["id"] = name
        if meta:
            meta["grade_id"] = name
        was = " and grade_id ".join(dict.fromkeys(repr(o) for o in old))   # both, or one if equal
        changes.append(f"cell {n}: id {was} -> {name!r}")
    return changes


def fix_source(nb) -> list[str]:
    """Bring a source notebook edited in JupyterLab in line with :func:`problems_in_source`.

    Changes ``nb`` in place (the caller writes it back with nbformat):

    * clears outputs and execution counts;
    * drops JupyterLab's view state and nbgrader's generated-copy metadata
      (:data:`NOISE_METADATA`, :data:`NOISE_NBGRADER`, ``jupyter.outputs_hidden``,
      empty ``tags``) and the Python version in ``language_info``; sets the
      ``python3`` kernel if another one is named;
    * locks every markdown cell (read-only), as the toolbar's "Read-only" does;
    * replaces made-up ids (:data:`RANDOM_ID`: the toolbar's ``cell-<hex>``,
      JupyterLab's UUIDs) with readable ones, keeping any id the author typed;
      an exercise is named after the one function, class or ``answer_`` variable
      its solution defines (otherwise it keeps its id and the rules say what to do);
      a test cell that follows its exercise (markdown may come between) becomes
      ``<exercise>_tests``; every grade_id is made equal to its cell id.

    Readable ids are never changed again, so a second run changes nothing.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The source notebook, as read by ``nbformat.read(path, as_version=4)``.

    Returns
    -------
    list of str
        One line per change, for people; empty if the notebook needed none.
    """
    changes = []
    if nb.metadata.get("kernelspec", {}).get("name") != "python3":
        nb.metadata["kernelspec"] = dict(KERNELSPEC)
        changes.append("kernel set to python3 (papermill and the graders run that one)")
    if nb.metadata.get("language_info") != {"name": "python"}:
        nb.metadata["language_info"] = {"name": "python"}
        changes.append("language_info reduced to the language (it held the last machine's Python version)")
    for n, cell in enumerate(nb.cells):
        where = f"cell {n} ({cell.get('id')})"
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count") is not None):
            cell.outputs, cell.execution_count = [], None
            changes.append(f"{where}: outputs and execution count cleared")
        dropped = [key for key in NOISE_METADATA if cell.metadata.pop(key, None) is not None]
        meta = cell.metadata.get("nbgrader")
        if meta:
            dropped += [f"nbgrader.{key}" for key in NOISE_NBGRADER if meta.pop(key, None) is not None]
        view = cell.metadata.get("jupyter", {})
        if view.pop("outputs_hidden", None) is not None:
            dropped.append("jupyter.outputs_hidden")
        for key in ("jupyter", "tags"):
            if key in cell.metadata and not cell.metadata[key]:
                del cell.metadata[key]
        if dropped:
            changes.append(f"{where}: dropped {', '.join(dropped)}")
        if cell.cell_type == "markdown" and not (meta and (meta.get("locked") or meta.get("solution"))):
            if meta:
                meta["locked"] = True
            else:
                cell.metadata["nbgrader"] = _nbgrader(cell.get("id"), locked=True)
            changes.append(f"{where}: locked (explanation cells are read-only)")
    return changes + _fix_ids(nb)


# ------------------------------------------------------------------- new_topic

#: ``NN_name``: two digits, an underscore, lowercase words joined by underscores.
TOPIC_ID = re.compile(r"^(\d\d)_[a-z][a-z0-9]*(_[a-z0-9]+)*$")

#: The setup cell every topic starts with (after the parameters cell).
SETUP_SOURCE = """\
import matplotlib.pyplot as plt
import torch
from torch import nn
from torchcourse.notebooks import setup_notebook, show_error
from torchcourse.grading import (call_answer, check, check_close, check_dtype, check_equal, check_raises, check_shape,
                                 check_tensor)
device = setup_notebook(device, seed)"""

_TODO = "TODO(author):"

_EXERCISE = '''\
def scale(t, factor):
    """Return factor * t as a new tensor, leaving t unchanged.

    t:      a floating-point tensor of any shape (0-d and empty included).
    factor: a Python number.
    Returns a tensor of t's shape and dtype.
    """
    ### BEGIN SOLUTION
    return t * factor
    ### END SOLUTION'''

# The visible check catches the headline mistake (scaling in place), calling the
# learner's function through call_answer so that an answer that raises gets a hint.
_EXERCISE_TESTS = '''\
_t = torch.arange(6.0).reshape(2, 3)
_before = _t.clone()
_got = call_answer(scale, _t, 3.0, what="scale(t, 3.0)", hint="Multiply the tensor by the number: t * factor.")
check_close(_got, _before * 3, "scale(t, 3.0) for t = torch.arange(6.0).reshape(2, 3)",
            hint="Every element should be multiplied by factor.")
check_equal(_t, _before, "t after scale(t, 3.0)",
            hint="scale must leave its input unchanged: t.mul_(factor) and t *= factor change the caller's "
                 "tensor in place; t * factor makes a new one.")
print("Visible checks passed. Hidden tests run at grading.")
### BEGIN HIDDEN TESTS
for _dtype in (torch.float16, torch.bfloat16, torch.float64):
    _x = torch.linspace(-2, 2, 12, dtype=_dtype).reshape(3, 4)
    _y = scale(_x, 2.5)
    check_dtype(_y, _dtype, f"scale(t, 2.5) for a {_dtype} tensor", hint="Keep t's dtype: don't call .float().")
    check_close(_y, _x * 2.5, f"scale(t, 2.5) for a {_dtype} tensor")
_x = torch.arange(12.0).reshape(3, 4).T                    # a non-contiguous view
_before = _x.clone()
check_close(scale(_x, -1.5), _before * -1.5, "scale(t, -1.5) for a transposed (non-contiguous) t")
check_equal(_x, _before, "a transposed t after scale(t, -1.5)")
check_shape(scale(torch.tensor(2.0), 4), (), "scale of a 0-d tensor")
check_shape(scale(torch.empty(0, 3), 2.0), (0, 3), "scale of an empty tensor")
_x = torch.ones(3)
check(scale(_x, 1.0) is not _x, "scale(t, 1.0) returned t itself; it should return a new tensor",
      hint="Even when factor is 1, return t * factor: the caller may change the result later.")
### END HIDDEN TESTS'''

_CHECKPOINT = '''\
answer_transpose_shape = ...   # a tuple of ints, e.g. (4, 5): replace ..., and delete the raise below
### BEGIN SOLUTION
answer_transpose_shape = (3, 2)
### END SOLUTION'''

_CHECKPOINT_TESTS = '''\
check(answer_transpose_shape is not ..., "answer_transpose_shape is still ...",
      hint="Replace ... with your answer, a tuple of ints such as (4, 5).")
check(isinstance(answer_transpose_shape, tuple) and all(type(n) is int for n in answer_transpose_shape),
      f"answer_transpose_shape should be a tuple of ints, got {answer_transpose_shape!r}",
      hint="Write the shape as a tuple, e.g. (4, 5).")
print("Answer recorded. It is checked at grading.")
### BEGIN HIDDEN TESTS
check_equal(tuple(answer_transpose_shape), (3, 2), "answer_transpose_shape",
            hint=".T swaps the two axes of a matrix: (2, 3) becomes (3, 2).")
### END HIDDEN TESTS'''

#: ``{exercise: {fixture file name: source}}`` of the scaffold's recorded submissions.
_FIXTURES = {
    "scale": {
        "headline_in_place.py": "# Headline mistake: scales the caller's tensor in place (t.mul_), so the input\n"
                                "# changes too; the visible check catches it.\n"
                               "def scale(t, factor):\n    return t.mul_(factor)\n",
        "mistake_casts_to_float.py": "# Mistake: casts to float32 first, so half and double tensors come back as\n"
                                     "# float32; only the hidden tests try other dtypes.\n"
                                     "def scale(t, factor):\n    return t.float() * factor\n",
        "alternative_torch_mul.py": "# Alternative: torch.mul, the function form of *, also returns a new tensor.\n"
                                    "def scale(t, factor):\n    return torch.mul(t, factor)\n",
    },
    "answer_transpose_shape": {
        "mistake_keeps_shape.py": "# Mistake: answers the shape before the transpose.\n"
                                  "answer_transpose_shape = (2, 3)\n",
        "alternative_torch_size.py": "# Alternative: computes the shape in code; a torch.Size is a tuple.\n"
                                     "answer_transpose_shape = torch.zeros(2, 3).T.shape\n",
    },
}


def _scaffold_cells(number: str, title: str) -> list:
    following = f"{int(number) + 1:02d}"
    return [
        md("title", f"""
# {number} · {title}

## Learning objectives

By the end of this notebook you can:

- {_TODO} 3 to 5 things the learner can *do* afterwards, each one checked by an exercise or a checkpoint;
- ...

## Why this matters

{_TODO} one short paragraph that ties the topic to training real models."""),
        parameters(),
        setup(SETUP_SOURCE),
        md("concept-1", f"""
## 1. {_TODO} the first idea

{_TODO} a short explanation, then a runnable demo below whose output shows the point (a printed shape, a
plot, a timing, an error caught with `show_error()`). Make silent bugs loud with non-square shapes."""),
        code("demo-concept-1", f"""
x = torch.arange(6.0).reshape(2, 3)   # {_TODO} replace with this section's demo; safe to run twice
print(x.shape, x.dtype)"""),
        md("predict-1", f"""
### Predict, then run: {_TODO} a question

{_TODO} ask the learner to commit to a prediction before running the cell below, e.g. "does `x + 1`
change `x`?\""""),
        code("demo-predict-1", f"""
x = torch.zeros(2, 3)
y = x + 1   # {_TODO} the code the prediction is about
print(x)"""),
        md("predict-1-answer", f"""
<details><summary>Answer</summary>

{_TODO} the answer, and why.
</details>"""),
        md("predict-2", f"""
### Predict, then run: {_TODO} a second question

{_TODO} every topic has at least two of these prompts."""),
        code("demo-predict-2", f"""
x = torch.ones(3)
print(x.sum().item())   # {_TODO} the code the prediction is about"""),
        md("predict-2-answer", f"""
<details><summary>Answer</summary>

{_TODO} the answer, and why.
</details>"""),
        md("myths", f"""
## Myth vs reality

**Myth:** {_TODO} something people commonly believe about this topic.
**Reality:** {_TODO} what PyTorch actually does, shown in a demo where it helps."""),
        md("mistakes", f"""
## Common mistakes

### 1. {_TODO} the mistake

Each mistake is shown live: the wrong code, then the symptom (the error text, or the silently wrong
number), then the fix."""),
        code("mistake-1-demo", f"""
with show_error():   # {_TODO} the wrong code
    torch.ones(2, 3) @ torch.ones(2, 3)"""),
        md("mistake-1-fix", f"""
**Symptom:** {_TODO} what the learner sees. **Fix:** {_TODO} the corrected code and why it works."""),
        md("exercises", f"""
## Exercises

Write your code in the cell of each exercise, replacing `raise NotImplementedError(...)`, then run the test
cell below it. The visible checks are a quick sanity test; hidden tests (edge cases, other dtypes and
shapes) run when your notebook is graded. The exercises are independent of each other.

{_TODO} three tiers (basic, intermediate, advanced), an exercise inside each major section. For each one:
a solution cell named after the function it asks for, then its test cell `<exercise>_tests`. The visible
check must catch the exercise's headline mistake; hidden tests cover the exact return type and dtype,
inputs left unchanged, views, size-1 and empty shapes and special values (README: "For course authors").
Record the headline mistake as `headline_<slug>.py`, other mistakes as `mistake_<slug>.py` and correct variations
as `alternative_<slug>.py` in `tests/submissions/<topic>/<exercise>/`; check with `python tests/learner.py <topic>`.
Replace this example exercise (and its fixtures) with your own.

### Basic

#### Exercise 1: scale a tensor (2 points)

Write `scale(t, factor)` that returns `factor * t` as a **new** tensor of the same shape and dtype,
leaving `t` unchanged."""),
        solution("scale", _EXERCISE),
        tests("scale_tests", _EXERCISE_TESTS, points=2),
        md("interview", f"""
## Interview checkpoints

Answer each question by assigning a value in the cell below it (1 point each). The test cell only checks
the form of your answer; whether it is right is checked at grading.

{_TODO} 2 to 4 questions whose answer is a value (a shape, a count, a number). The answer cell starts with
`answer_<name> = ...` outside the solution block, so the learner never guesses the variable's name.

**Q1.** (1 point) What is the shape of `torch.zeros(2, 3).T`?"""),
        solution("answer_transpose_shape", _CHECKPOINT),
        tests("answer_transpose_shape_tests", _CHECKPOINT_TESTS, points=1),
        md("self-check", f"""
### Self-check (explain out loud, then open the answer)

**{_TODO} a question whose answer is prose, not a value.**
<details><summary>Answer</summary>

{_TODO} the answer.
</details>"""),
        md("recap", f"""
## Recap

You can now:

- {_TODO} one line per learning objective.

## Next

Next: {following} {_TODO} the following topic's title, and one line on what it adds."""),
    ]


def new_topic(root: str | Path, topic_id: str, title: str) -> list[Path]:
    """Scaffold a topic: ``source/<id>/<id>.ipynb`` in the syllabus shape, and its fixtures.

    The notebook has every required section, two "Predict, then run" prompts, the
    course's parameters and setup cells, one example exercise and one interview
    checkpoint with visible and hidden tests, and ``TODO(author):`` prose saying what to
    write. Each example has a recorded mistake and alternative in
    ``tests/submissions/<id>/<exercise>/``.

    Parameters
    ----------
    root : str or Path
        The course root (the folder with ``source/``).
    topic_id : str
        ``NN_name``, e.g. ``"08_optimizers"``; also the nbgrader assignment id.
    title : str
        The title shown in the notebook's first heading.

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    ValueError
        If ``topic_id`` is not ``NN_name``, the topic or its number exists already,
        or ``title`` is empty.
    """
    root = Path(root)
    match = TOPIC_ID.match(topic_id)
    if not match:
        raise ValueError(f"topic id {topic_id!r} must look like NN_name: two digits, an underscore, then "
                         "lowercase words joined by underscores, e.g. 08_optimizers")
    if not title.strip():
        raise ValueError("give the topic a title, e.g. \"Optimizers and schedules\"")
    notebook = root / "source" / topic_id / f"{topic_id}.ipynb"
    fixtures = root / "tests" / "submissions" / topic_id
    for existing in (notebook.parent, fixtures):
        if existing.exists():
            raise ValueError(f"{existing} exists already: pick another topic id, or edit that topic")
    same_number = sorted(p.name for p in (root / "source").glob(f"{match[1]}_*") if p.is_dir())
    if same_number:
        raise ValueError(f"topic number {match[1]} is taken by {same_number[0]}: topics are ordered by "
                         "number, so pick a free one")
    write_notebook(_scaffold_cells(match[1], title.strip()), notebook)
    written = [notebook]
    for exercise, files in _FIXTURES.items():
        for name, text in files.items():
            path = fixtures / exercise / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
            written.append(path)
    return written
