"""Static review of submissions (torchcourse/integrity.py): one small example per rule,
and no false alarm on any honest notebook of the course (static only: a few seconds)."""

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

import exploration
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


def test_course_names_are_what_the_test_cells_rely_on():
    names = integrity.course_names(_source())
    assert names["check_close"] == "torchcourse.grading.check_close"  # setup binds, tests read
    assert names["os"] == "os"                       # imported by a test cell
    assert "isinstance" in names                     # a builtin a test uses
    assert "answer" not in names and "x" not in names   # the student's name; a demo's
    assert "device" not in names and "nn" not in names  # setup binds them, but no test reads them


#: One small example of each effect the static review flags: {name: (code, expected text)}.
SUSPICIOUS = {
    # attribute writes on library, course and built-in objects, by any route
    "torch_attribute": ("torch.allclose = lambda *a, **k: True", "assigns to torch.allclose"),
    "nested_attribute": ("torch.testing.assert_close = print", "assigns to torch.testing.assert_close"),
    "numpy": ("np.allclose = lambda *a, **k: True", "assigns to np.allclose"),
    "course_module": ("import torchcourse.grading\ntorchcourse.grading.check_close = print",
                      "assigns to torchcourse.grading.check_close"),
    "builtins_module": ("import builtins\nbuiltins.print = len", "assigns to builtins.print"),
    "alias": ("T = torch.testing\nT.assert_close = print", "assigns to T.assert_close"),
    "alias_of_alias": ("T = torch\nU = T\nU.equal = print", "assigns to U.equal"),
    "alias_in_a_loop": ("for m in [torch, np]:\n    m.allclose = print", "assigns to m.allclose"),
    "alias_by_import_module": ("import importlib\nt = importlib.import_module('tor' + 'ch')\n"
                               "t.equal = print", "assigns to t.equal"),
    "alias_from_sys_modules": ("import sys\nt = sys.modules['torch']\nt.equal = print",
                               "assigns to t.equal"),
    "augassign": ("torch.pi += 1", "changes torch.pi"),
    "delete": ("del torch.equal", "deletes torch.equal"),
    "subscript": ("torch.__dict__['equal'] = print", "torch.__dict__"),
    "vars": ("vars(torch)['equal'] = print", "assigns to vars(torch)"),
    "vars_update": ("vars(torch).update(equal=print)", "changes a namespace"),
    "setattr": ("setattr(torch, 'equal', print)", "calls setattr(torch"),
    "setattr_computed": ("name = 'eq' + 'ual'\nsetattr(torch, name, print)", "calls setattr(torch"),
    "setattr_in_function": ("def f():\n    setattr(nn.Module, 'x', print)", "calls setattr(nn.Module"),
    "object_setattr": ("object.__setattr__(torch, 'equal', print)", "object.__setattr__(torch"),
    "library_class_method": ("nn.Module.parameters = lambda self: iter([])",
                             "assigns to nn.Module.parameters"),
    # in-place code swaps and wrappers that copy code
    "code": ("check.__code__ = print.__code__", "assigns to check.__code__"),
    "code_copy_from_wrapper": ("def wrapper(*a, **k):\n    return None\n"
                               "check_close.__code__ = wrapper.__code__", "check_close.__code__"),
    "defaults": ("check_close.__defaults__ = (1e9, 1e9)", "check_close.__defaults__"),
    "closure_cell": ("check.__closure__[0].cell_contents = 1", "cell_contents"),
    "function_from_code": ("import types\nf = types.FunctionType(check.__code__, {})",
                           "builds a function from a code object"),
    "class_write": ("answer.__class__ = int", "assigns to answer.__class__"),
    "dict_write": ("answer.__dict__ = {}", "assigns to answer.__dict__"),
    # rebinding the names the test cells use, and the namespace wholesale
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
    "globals_item": ("globals()['check'] = print", "writes into a namespace"),
    "globals_update": ("globals().update({'check': print})", "changes a namespace"),
    "globals_alias": ("g = globals()\ng['check_close'] = print", "writes into a namespace"),
    "user_ns": ("get_ipython().user_ns['check'] = print", "user_ns"),
    "function_globals": ("check_close.__globals__['_fail'] = print", "check_close.__globals__"),
    "builtins_name": ("__builtins__.isinstance = 1", "touches __builtins__"),
    # sys and IPython hooks
    "sys_modules": ("import sys\nsys.modules['torch'] = None", "sys.modules"),
    "sys_modules_alias": ("import sys as s\ns.modules.pop('torch')", "s.modules.pop"),
    "meta_path": ("import sys\nsys.meta_path.insert(0, object())", "sys.meta_path.insert"),
    "settrace": ("import sys\nsys.settrace(print)", "sets a trace function"),
    "settrace_alias": ("import sys as _s\n_s.settrace(print)", "sets a trace function"),
    "setprofile": ("import sys\nsys.setprofile(print)", "sets a profile function"),
    "excepthook": ("import sys\nsys.excepthook = print", "sys.excepthook"),
    "stderr": ("import sys\nsys.stderr = open('/dev/null', 'w')", "sys.stderr"),
    "stdout_setattr": ("import sys\nsetattr(sys, 'stdout', None)", "calls setattr(sys"),
    "redirect_outside_with": ("import contextlib, io\ncontextlib.redirect_stderr(io.StringIO()).__enter__()",
                              "outside a `with` block"),
    "transformer": ("get_ipython().input_transformers_post.append(lambda lines: [])",
                    "input_transformers_post"),
    "transformer_alias": ("ip = get_ipython()\nhooks = ip.input_transformers_cleanup\n"
                          "hooks.append(lambda lines: [])", "input_transformers_cleanup"),
    "run_cell": ("ip = get_ipython()\nip.run_cell = lambda *a, **k: None", "ip.run_cell"),
    "showtraceback": ("get_ipython().showtraceback = lambda *a, **k: None", "showtraceback"),
    "custom_exc": ("get_ipython().set_custom_exc((Exception,), print)", "set_custom_exc"),
    "events": ("get_ipython().events.register('pre_run_cell', print)", "events"),
    "kernel": ("get_ipython().kernel.do_execute = print", "do_execute"),
    "session": ("k = get_ipython().kernel\nk.session.send", "messaging"),
    # heap, frames, ctypes, signals, processes, sockets
    "gc_objects": ("import gc\ngc.get_objects()", "walks the heap"),
    "gc_referents": ("from gc import get_referents", "walks the heap"),
    "getframe": ("import sys\nsys._getframe(0)", "sys._getframe"),
    "currentframe": ("import inspect\ninspect.currentframe().f_back", "reads the call stack"),
    "f_globals": ("def f():\n    import traceback\n    return traceback.sys.exc_info()[2].tb_frame.f_globals",
                  "reads frames"),
    "ctypes": ("import ctypes\nctypes.pythonapi.PyFrame_LocalsToFast", "ctypes"),
    "ctypes_from": ("from ctypes import py_object", "ctypes"),
    "signal": ("import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)", "signal handling"),
    "os_exit": ("os._exit(0)", "controls processes"),
    "os_kill": ("import os\nos.kill(os.getpid(), 9)", "controls processes"),
    "os_system": ("import os\nos.system('ls')", "controls processes"),
    "subprocess": ("import subprocess\nsubprocess.run(['ls'])", "runs a process"),
    "socket": ("import socket\nsocket.create_connection(('1.1.1.1', 80))", "opens a socket"),
    "sys_exit": ("import sys\nsys.exit(0)", "sys.exit"),
    "exit": ("exit()", "calls exit()"),
    # code built at run time
    "exec": ("exec('x = 1')", "calls exec"),
    "eval": ("eval('1')", "calls eval"),
    "compile": ("compile('1', 'f', 'eval')", "calls compile"),
    "builtins_exec": ("import builtins\nbuiltins.exec('x = 1')", "runs code built at run time"),
    "computed_builtin": ("import builtins\ngetattr(builtins, 'ex' + 'ec')('x = 1')", "<computed name>"),
    "dunder_import_computed": ("__import__('o' + 's')", "<computed name>"),
    "subclasses": ("object.__subclasses__()", "__subclasses__"),
    "magic_body": ("%time torch.equal = print", "assigns to torch.equal"),
    "cell_magic_body": ("%%capture\ntorch.equal = print", "assigns to torch.equal"),
    "unparsable": ("def (:", "could not parse"),
}


@pytest.mark.parametrize("name", SUSPICIOUS)
def test_each_rule_flags_its_construct(name):
    code, expected = SUSPICIOUS[name]
    reasons = integrity.review_reasons(_submission(code + "\nanswer = 42"), _source())
    assert any(expected in r and r.startswith("cell 2 (answer): ") for r in reasons), reasons


#: Exploration and ordinary answers: never flagged.
HONEST = {
    "reimport": "import torch\nfrom torch import nn\nimport torch.nn as nn\nimport numpy as np",
    "local_names": "def f(x):\n    sum = 0\n    check = 1\n    isinstance = 2\n    return x",
    "class_body": "class A(nn.Module):\n    check = 1\n    def __init__(self):\n"
                  "        super().__init__()\n        self.w = nn.Parameter(torch.ones(1))",
    "module_attributes_of_own_objects": "m = nn.Linear(2, 2)\nm.weight.data[0] = 1.0\nm.bias = None",
    "replace_a_layer": "m = nn.Sequential(nn.Linear(2, 2))\nsetattr(m, '0', nn.Linear(2, 3))\nm.head = nn.ReLU()",
    "setattr_on_self": "class A:\n    def __init__(self, **kw):\n        for k, v in kw.items():\n"
                       "            setattr(self, k, v)\n        self.__dict__.update(kw)",
    "own_names": "answer = 42\nresult = torch.ones(2)\nfor i in range(3):\n    pass",
    "os_path": "import os\nos.path.join('a', 'b')\nos.getcwd()\nos.listdir('.')\nos.cpu_count()",
    "super_dunder": "class A(nn.Module):\n    def __init__(self):\n        super().__init__()",
    "imports_alone": "import sys, gc, inspect, ctypes, signal, subprocess, socket, importlib, pickle, glob, "
                     "pathlib, traceback, multiprocessing, threading, base64, types, builtins",
    "sys_version": "import sys\nprint(sys.version, sys.platform, sys.path[:2], sys.argv)",
    "stdout_use": "import sys\nprint('x', file=sys.stderr)\nsys.stdout.flush()",
    "redirect_in_with": "import contextlib, io\nwith contextlib.redirect_stdout(io.StringIO()) as buf:\n"
                        "    print('quiet')",
    "pathlib": "from pathlib import Path\np = Path('ckpt')\np.mkdir(exist_ok=True)\n"
               "torch.save({'w': torch.ones(1)}, p / 'm.pt')",
    "timeit": "%timeit -n 3 torch.ones(3) + 1",
    "time_cell": "%%time\nx = torch.randn(100, 100) @ torch.randn(100, 100)",
    "matplotlib": "%matplotlib inline\nimport matplotlib.pyplot as plt\nplt.rcParams['figure.figsize'] = (4, 3)",
    "pip": "!pip list | head -3",
    "traceback": "import traceback\ntry:\n    torch.ones(2) @ torch.ones(3)\nexcept Exception:\n"
                 "    traceback.print_exc()\n    print(traceback.format_exc())",
    "exc_info": "import sys\ntry:\n    1 / 0\nexcept ZeroDivisionError:\n    print(sys.exc_info()[0])",
    "inspect": "import inspect\nprint(inspect.signature(nn.Linear))\nprint(inspect.getsource(nn.ReLU.forward))",
    "code_inspection": "def f(a, b=1):\n    return a\nprint(f.__code__.co_varnames, f.__defaults__, f.__name__)",
    "multiprocessing": "import multiprocessing\nprint(multiprocessing.cpu_count())\n"
                       "with multiprocessing.Pool(2) as pool:\n    print(pool.map(abs, [-1, 2]))",
    "threads": "import threading\nt = threading.Thread(target=print, args=('hi',))\nt.start()\nt.join()",
    "copy_pickle": "import copy, pickle\nm2 = copy.deepcopy(nn.Linear(2, 2))\n"
                   "blob = pickle.dumps({'a': 1})\nprint(pickle.loads(blob))",
    "glob": "import glob\nprint(glob.glob('*.ipynb'))",
    "environ_for_ddp": "import os\nos.environ['MASTER_ADDR'] = '127.0.0.1'\nos.environ['MASTER_PORT'] = '29500'",
    "config_flags": "torch.backends.cudnn.benchmark = False\ntorch.backends.cudnn.deterministic = True",
    "seeding": "import random\nrandom.seed(0)\nnp.random.seed(0)\ntorch.manual_seed(0)",
    "gc_collect": "import gc\ngc.collect()",
    "warnings": "import warnings\nwarnings.filterwarnings('ignore', category=UserWarning)",
    "ctypes_sizeof": "import ctypes\nprint(ctypes.sizeof(ctypes.c_float))",
    "model_eval": "m = nn.Linear(2, 2)\nm.eval()\nm.train()",
    "getattr_by_name": "act = getattr(nn, 'ReLU')()\nname = 'Tanh'\nact2 = getattr(nn, name)()",
    "hooks_on_own_model": "m = nn.Linear(2, 2)\nh = m.register_forward_hook(lambda mod, i, o: None)\nh.remove()",
    "magic_line": "%load_ext autoreload\n%autoreload 2\n%who",
    "capture": "%%capture out\nprint('chatty')",
    "get_ipython_magics": "get_ipython().run_line_magic('matplotlib', 'inline')",
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
        "cell 1: assigns to torch.equal (changes library or course code the tests may use)"]


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
        if topic == exploration.TOPIC:
            for explorer in exploration.EXPLORATIONS:
                yield topic, explorer.name, exploration.build(release, solutions, explorer), source


def test_no_honest_notebook_is_flagged():
    checked, flagged = 0, {}
    for topic, name, nb, source in _honest_notebooks():
        checked += 1
        reasons = integrity.review_reasons(nb, source)
        if reasons:
            flagged[f"{topic}/{name}"] = reasons
    assert not flagged
    assert checked >= 7 * 3 + 200 + 25  # every fixture file and exploration was read
