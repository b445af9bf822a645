"""Static review of submissions (torchcourse/integrity.py): one small example per rule,
and no false alarm on any honest notebook of the course (static only: a few seconds)."""

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

import proof
from torchcourse import integrity, markers, pipeline

SETUP = ("import numpy as np\nimport torch\nfrom torch import nn\n"
         "from torchcourse.grading import check, check_close\ndevice = 'cpu'")
TEST = "import os\ncheck(isinstance(answer, int), 'answer')\ncheck_close(answer, 42, 'answer')"


def _cell(source, grade_id, **flags):
    meta = {"grade_id": grade_id, "grade": False, "solution": False, "locked": False,
            "schema_version": 3, **flags}
    return new_code_cell(source, metadata={"nbgrader": meta})


def _source():
    return new_notebook(cells=[
        _cell(SETUP, "setup", locked=True),
        new_code_cell("x = torch.ones(3)\nprint(x)"),  # a demo cell, no nbgrader metadata
        _cell("### BEGIN SOLUTION\nanswer = 42\n### END SOLUTION", "answer", solution=True),
        _cell(TEST, "answer_tests", grade=True, locked=True, points=1),
    ])


def _submission(answer="answer = 42"):
    nb = _source()
    nb.cells[2].source = answer
    return nb


def test_the_honest_notebook_gives_no_reason():
    assert integrity.review_reasons(_submission(), _source()) == []


def test_course_names_come_from_locked_and_test_cells():
    names = integrity.course_names(_source())
    assert names["nn"] == "torch.nn" and names["torch"] == "torch" and names["np"] == "numpy"
    assert names["check_close"] == "torchcourse.grading.check_close"
    assert names["os"] == "os"                       # imported by a test cell
    assert "device" in names and "isinstance" in names  # setup binding; builtin a test uses
    assert "answer" not in names and "x" not in names   # the student's name; a demo's


SUSPICIOUS = {
    "torch_attribute": ("torch.allclose = lambda *a, **k: True", "assigns to torch.allclose"),
    "nested_attribute": ("torch.testing.assert_close = print", "assigns to torch.testing.assert_close"),
    "numpy": ("np.allclose = lambda *a, **k: True", "assigns to np.allclose"),
    "course_module": ("import torchcourse.grading\ntorchcourse.grading.check_close = print",
                      "assigns to torchcourse.grading.check_close"),
    "builtins_module": ("import builtins\nbuiltins.print = len", "assigns to builtins.print"),
    "alias": ("T = torch.testing\nT.assert_close = print", "assigns to T.assert_close"),
    "augassign": ("torch.pi += 1", "changes torch.pi"),
    "delete": ("del torch.equal", "deletes torch.equal"),
    "subscript": ("torch.__dict__['equal'] = print", "torch.__dict__"),
    "vars": ("vars(torch)['equal'] = print", "assigns to vars(torch)"),
    "setattr": ("setattr(torch, 'equal', print)", "calls setattr(torch"),
    "setattr_in_function": ("def f():\n    setattr(nn.Module, 'x', 1)", "calls setattr(nn.Module"),
    "rebind_helper": ("check_close = lambda *a, **k: None", "rebinds `check_close`"),
    "def_helper": ("def check(*a, **k):\n    pass", "defines a function `check`"),
    "import_as_helper": ("from torchcourse.grading import check as check_close",
                         "imports something else as `check_close`"),
    "for_target": ("for check in [print]:\n    pass", "rebinds `check`"),
    "with_target": ("import contextlib\nwith contextlib.nullcontext(print) as check:\n    pass",
                    "rebinds `check`"),
    "global": ("def f():\n    global check\n    check = print", "declares `global check`"),
    "builtin_used_by_tests": ("isinstance = lambda *a: True", "rebinds `isinstance`"),
    "walrus": ("(check := print)", "rebinds `check`"),
    "builtins_name": ("__builtins__.isinstance = 1", "touches __builtins__"),
    "get_ipython": ("get_ipython().showtraceback = lambda *a, **k: None", "get_ipython"),
    "sys_modules": ("import sys\nsys.modules['torch'] = None", "sys.modules"),
    "excepthook": ("import sys\nsys.excepthook = print", "sys.excepthook"),
    "stderr": ("import sys\nsys.stderr = open('/dev/null', 'w')", "sys.stderr"),
    "redirect": ("from contextlib import redirect_stderr", "redirects stderr"),
    "getframe": ("import sys\nsys._getframe(0)", "sys._getframe"),
    "from_sys": ("from sys import modules", "imports sys.modules"),
    "inspect": ("import inspect", "imports inspect"),
    "gc": ("import gc", "imports gc"),
    "ctypes": ("import ctypes", "imports ctypes"),
    "signal": ("import signal", "imports signal"),
    "os_exit": ("os._exit(0)", "os._exit"),
    "os_kill": ("import os\nos.kill(os.getpid(), 9)", "os.kill"),
    "os_system": ("import os\nos.system('ls')", "os.system"),
    "exec": ("exec('x = 1')", "calls exec"),
    "eval": ("eval('1')", "calls eval"),
    "compile": ("compile('1', 'f', 'eval')", "calls compile"),
    "dunder_import": ("__import__('torch')", "calls __import__"),
    "importlib": ("import importlib", "imports importlib"),
    "globals_dunder": ("(lambda: 0).__globals__['check'] = print", "__globals__"),
    "code": ("check.__code__ = print.__code__", "__code__"),
    "subclasses": ("object.__subclasses__()", "__subclasses__"),
    "dict_write": ("answer.__dict__ = {}", "assigns to answer.__dict__"),
    "class_write": ("answer.__class__ = int", "assigns to answer.__class__"),
    "subprocess": ("import subprocess", "imports subprocess"),
    "socket": ("import socket", "imports socket"),
    "exit": ("exit()", "calls exit()"),
    "globals": ("globals()['check'] = print", "globals()"),
    "magic": ("%time answer = 42", "IPython %magic"),
    "shell": ("!cat ../../gradebook.db", "IPython %magic or !shell"),
    "unparsable": ("def (:", "could not parse"),
    "base64": ("import base64", "imports base64"),
}


@pytest.mark.parametrize("name", SUSPICIOUS)
def test_each_rule_flags_its_construct(name):
    code, expected = SUSPICIOUS[name]
    reasons = integrity.review_reasons(_submission(code + "\nanswer = 42"), _source())
    assert any(expected in r and r.startswith("cell 2 (answer): ") for r in reasons), reasons


HONEST = {
    "reimport": "import torch\nfrom torch import nn\nimport torch.nn as nn\nimport numpy as np",
    "local_names": "def f(x):\n    sum = 0\n    check = 1\n    isinstance = 2\n    return x",
    "class_body": "class A(nn.Module):\n    check = 1\n    def __init__(self):\n"
                  "        super().__init__()\n        self.w = nn.Parameter(torch.ones(1))",
    "module_attributes_of_own_objects": "m = nn.Linear(2, 2)\nm.weight.data[0] = 1.0\nm.bias = None",
    "setattr_on_self": "class A:\n    def __init__(self):\n        setattr(self, 'x', 1)",
    "own_names": "answer = 42\nresult = torch.ones(2)\nfor i in range(3):\n    pass",
    "os_path": "import os\nos.path.join('a', 'b')",
    "super_dunder": "class A(nn.Module):\n    def __init__(self):\n        super().__init__()",
}


@pytest.mark.parametrize("name", HONEST)
def test_honest_code_is_not_flagged(name):
    reasons = integrity.review_reasons(_submission(HONEST[name] + "\nanswer = 42"), _source())
    assert reasons == []


def test_an_untouched_demo_cell_is_skipped_but_a_changed_one_is_read():
    nb = _submission()
    assert integrity.review_reasons(nb, _source()) == []
    nb.cells[1].source = "torch.equal = print"
    assert integrity.review_reasons(nb, _source()) == [
        "cell 1: assigns to torch.equal (monkeypatching library or course code the tests may use)"]


def test_an_added_cell_is_read():
    nb = _submission()
    nb.cells.insert(3, new_code_cell("check = print"))
    assert any(r.startswith("cell 3: rebinds `check`") for r in integrity.review_reasons(nb, _source()))


def test_locked_and_test_cells_are_not_read():
    """nbgrader restores them from the gradebook; their code is the instructor's."""
    nb = _submission()
    nb.cells[0].source += "\nimport inspect"
    assert integrity.review_reasons(nb, _source()) == []


def _reasons_after(change):
    nb = _submission()
    change(nb)
    return integrity.review_reasons(nb, _source())


def test_structure_a_deleted_test_cell():
    reasons = _reasons_after(lambda nb: nb.cells.pop(3))
    assert reasons == ["test cell answer_tests is missing (deleted, or its nbgrader id changed)"]


def test_structure_a_test_cell_turned_into_markdown():
    def retype(nb):
        nb.cells[3] = new_markdown_cell(nb.cells[3].source, metadata=nb.cells[3].metadata)
    assert _reasons_after(retype) == ["test cell answer_tests was changed from code to markdown"]


def test_structure_a_test_cell_no_longer_graded():
    def ungrade(nb):
        nb.cells[3].metadata.nbgrader.grade = False
    assert _reasons_after(ungrade) == ["test cell answer_tests is no longer marked as graded"]


def test_structure_an_added_cell_with_nbgrader_metadata():
    reasons = _reasons_after(lambda nb: nb.cells.append(_cell("pass", "bonus", grade=True, points=9)))
    assert reasons == ["cell 4 (bonus) has the nbgrader id 'bonus', which the assignment does not "
                       "have (a cell added with nbgrader metadata)"]
    def stripped(nb):  # what nbgrader's OverwriteCells leaves of an unknown id
        nb.cells.append(new_code_cell("pass", metadata={"nbgrader": {"grade": True, "points": 9}}))
    assert "without a known id" in _reasons_after(stripped)[0]


def test_structure_duplicate_ids():
    reasons = _reasons_after(lambda nb: nb.cells.append(nbformat.from_dict(nb.cells[3])))
    assert reasons == ["2 cells share the nbgrader id 'answer_tests' (cells were copied)"]


def test_outputs_kernel_died_refused_and_truncated():
    def outputs(nb):
        nb.cells[2].outputs = [new_output("error", ename="KernelDied", evalue="out of memory",
                                          traceback=[]),
                               new_output("display_data",
                                          data={"text/plain": markers.TRUNCATION_MARKER + "]"})]
        nb.cells[3].outputs = [new_output("error", ename="SubmissionRefused", evalue="a symlink",
                                          traceback=[])]
    assert _reasons_after(outputs) == [
        "cell 2 (answer): the kernel died: out of memory",
        "cell 2 (answer): its output was truncated (it printed more than the sandbox's output limit)",
        "cell 3 (answer_tests): the submission was not run: a symlink"]


def _honest_notebooks():
    """Every honest notebook of the course: release, solutions, and one per fixture file."""
    for topic in pipeline.topics():
        source = nbformat.read(pipeline.source_path(topic), as_version=4)
        release = nbformat.read(pipeline.release_path(topic), as_version=4)
        solutions = proof.solution_answers(topic)
        yield topic, "release", release, source
        yield topic, "solution", proof.fill_in(release, solutions), source
        yield topic, "source", source, source
        for fixture in proof.fixtures(topic):
            answers = dict(solutions, **{fixture.exercise: fixture.path.read_text()})
            yield topic, fixture.path.name, proof.fill_in(release, answers), source


def test_no_honest_notebook_is_flagged():
    checked, flagged = 0, {}
    for topic, name, nb, source in _honest_notebooks():
        checked += 1
        reasons = integrity.review_reasons(nb, source)
        if reasons:
            flagged[f"{topic}/{name}"] = reasons
    assert not flagged
    assert checked >= 7 * 3 + 200  # every fixture file was read
