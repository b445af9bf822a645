"""Static review of an autograded notebook: why an instructor should look at it.

The sandbox (``torchcourse/sandbox.py``) keeps student code away from the
gradebook and the hidden tests, but student code still runs in the same kernel
as the test cells, so it can change what the tests see: rebind ``check_close``,
patch ``torch.allclose``, hide tracebacks. This module reads the notebook with
:mod:`ast` (in the grader, never in the kernel) and lists such constructs, plus
structural changes to the notebook (test cells deleted, retyped, added).

:func:`review_reasons` returns human-readable reasons; an empty list means
nothing looked suspicious. Every honest fixture of the course gives ``[]``
(``tests/test_integrity.py``), so a non-empty list is worth a human's minute.

Example::

    reasons = review_reasons(nbformat.read(autograded, 4), nbformat.read(source, 4))
    # ["cell 52 (my_linear): assigns to torch.allclose (monkeypatching a library ..."]
"""

from __future__ import annotations

import ast
import builtins
from collections import Counter

from .markers import SANDBOX_ERRORS, TRUNCATION_MARKER

#: Names whose attributes are library or course code that test cells rely on.
LIBRARY_ROOTS = {"torch", "numpy", "np", "builtins", "torchcourse", "sys", "os", "IPython",
                 "nn", "F", "math", "unittest", "warnings", "contextlib", "io"}

#: Names that have no honest use in an exercise answer.
SUSPICIOUS_NAMES = {
    "__builtins__": "touches __builtins__ (can replace any built-in the tests use)",
    "get_ipython": "uses get_ipython() (can change how the kernel runs and reports later cells)",
    "exec": "calls exec (runs code built at run time, which the review cannot read)",
    "eval": "calls eval (runs code built at run time, which the review cannot read)",
    "compile": "calls compile (builds code at run time, which the review cannot read)",
    "__import__": "calls __import__ (imports a module by a computed name)",
    "globals": "uses globals() (can rebind the notebook's names behind the tests' back)",
    "exit": "calls exit() (stops the kernel)",
    "quit": "calls quit() (stops the kernel)",
    "breakpoint": "calls breakpoint()",
    "redirect_stderr": "redirects stderr (hides the errors of failing tests)",
    "redirect_stdout": "redirects stdout",
}

#: Those of them also suspicious as an attribute (``contextlib.redirect_stderr``); not
#: ``eval`` or ``compile``, which are honest methods (``model.eval()``, ``torch.compile``).
SUSPICIOUS_ATTRIBUTE_NAMES = {"redirect_stderr", "redirect_stdout", "get_ipython", "__builtins__",
                              "__import__"}

#: Modules with no honest use in an exercise answer.
SUSPICIOUS_MODULES = {
    "builtins", "sys", "inspect", "gc", "ctypes", "signal", "subprocess", "socket", "importlib",
    "IPython", "ipykernel", "multiprocessing", "threading", "_thread", "pty", "code", "codeop",
    "types", "marshal", "atexit", "faulthandler", "resource", "posix", "urllib", "http",
    "requests", "ftplib", "smtplib", "asyncio", "sqlite3", "nbformat", "nbgrader", "base64",
    "codecs", "zlib", "pickle", "dill", "traceback", "site", "runpy", "glob", "pathlib", "shutil",
}

#: Attributes of ``sys`` and ``os`` that escape, stop or blind the kernel.
SUSPICIOUS_ATTRIBUTES = {
    "sys": {"modules", "settrace", "setprofile", "excepthook", "exit", "_getframe", "stdout",
            "stderr", "stdin", "displayhook", "meta_path", "path_hooks", "path", "addaudithook",
            "setrecursionlimit", "__stdout__", "__stderr__", "exc_info", "_current_frames"},
    "os": {"_exit", "kill", "killpg", "abort", "system", "popen", "fork", "forkpty", "execv",
           "execve", "execl", "execle", "execlp", "execvp", "execvpe", "spawnv", "spawnl",
           "posix_spawn", "posix_spawnp", "setsid", "symlink", "link", "chdir", "putenv",
           "dup2", "dup", "close", "closerange", "walk", "listdir", "scandir", "environ",
           "unlink", "remove", "rename", "replace", "rmdir", "chmod"},
}

#: Dunder attributes used to reach code or objects the tests rely on.
ESCAPE_DUNDERS = {"__globals__", "__code__", "__subclasses__", "__builtins__", "__closure__",
                  "__bases__", "__mro__", "__base__", "__func__", "__self__", "__loader__",
                  "__spec__", "__getattribute__", "__setattr__", "__delattr__", "__defaults__",
                  "__kwdefaults__", "__import__", "f_globals", "f_locals", "f_back", "tb_frame",
                  "gi_frame", "cr_frame"}


# ------------------------------------------------------------------ the course

def _code_cells(nb):
    return [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code"]


def _nbgrader(cell) -> dict:
    return cell.metadata.get("nbgrader", {}) or {}


def _is_course_cell(cell) -> bool:
    """A cell the course locks: its code is the instructor's (setup, parameters, tests)."""
    meta = _nbgrader(cell)
    return bool(meta.get("grade") or meta.get("locked")) and not meta.get("solution")


def _import_targets(node) -> dict[str, str]:
    """``{bound name: what it is}`` for an import: ``import torch.nn as nn`` -> {nn: torch.nn}."""
    if isinstance(node, ast.Import):
        return {a.asname or a.name.split(".")[0]: a.name if a.asname else a.name.split(".")[0]
                for a in node.names}
    module = "." * node.level + (node.module or "")
    return {a.asname or a.name: f"{module}.{a.name}" for a in node.names}


def _parse(source: str):
    """``(tree, used_magic)``; ``tree`` is None if the cell is not Python, even after IPython's
    own translation of ``%magic`` and ``!shell`` lines."""
    try:
        return ast.parse(source), False
    except SyntaxError:
        pass
    try:
        from IPython.core.inputtransformer2 import TransformerManager
        return ast.parse(TransformerManager().transform_cell(source)), True
    except Exception:  # noqa: BLE001 - any failure means "could not parse"
        return None, False


def course_names(source_nb) -> dict[str, str | None]:
    """Names the course's locked and test cells rely on: ``{name: import target or None}``.

    * every name the locked cells bind at top level (the setup imports ``torch``,
      ``check_close``, ``nn``...; ``device``, ``seed``);
    * every name a test cell imports (``os``, ``tempfile``);
    * every built-in a locked or test cell uses (``isinstance``, ``sum``, ``print``...).

    The value is what an import binds the name to (``"torch.nn"`` for ``nn``), so
    that a student's ``import torch`` or ``from torch import nn`` is not mistaken for
    a rebinding; None for names bound otherwise (any student rebinding is flagged).
    """
    names: dict[str, str | None] = {}
    for _, cell in _code_cells(source_nb):
        if not _is_course_cell(cell):
            continue
        tree, _ = _parse(cell.source)
        if tree is None:
            continue
        is_test = bool(_nbgrader(cell).get("grade"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names.update(_import_targets(node))
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                if hasattr(builtins, node.id) and not node.id.startswith("_"):
                    names.setdefault(node.id, None)
        if not is_test:
            for name in _toplevel_bindings(tree):
                names.setdefault(name, None)
    return names


def _toplevel_bindings(tree) -> list[str]:
    """Names bound at the top level of a cell (not inside functions or classes)."""
    visitor = _Scanner(set(), {}, set())
    visitor.visit(tree)
    return [name for name, _ in visitor.bound]


# ----------------------------------------------------------------- the scanner

def _root(node):
    """The name at the bottom of ``a.b[c].d``, of ``getattr(a, ...)`` and ``vars(a)``, or None."""
    while True:
        if isinstance(node, (ast.Attribute, ast.Subscript, ast.Starred)):
            node = node.value
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id in ("getattr", "vars") and node.args):
            node = node.args[0]
        elif isinstance(node, ast.Name):
            return node.id
        else:
            return None


class _Scanner(ast.NodeVisitor):
    """Collects top-level bindings and suspicious constructs of one cell."""

    def __init__(self, modules: set[str], protected: dict, aliases: set[str]):
        self.modules = modules | aliases       # names that stand for library/course code
        self.protected = protected
        self.depth = 0                         # > 0 inside a function or class body
        self.bound: list[tuple[str, ast.AST]] = []
        self.findings: list[str] = []

    def flag(self, text: str) -> None:
        if text not in self.findings:
            self.findings.append(text)

    # -- scopes
    def _scoped(self, node, name: str | None):
        if name is not None and self.depth == 0:
            self.bound.append((name, node))
        for decorator in getattr(node, "decorator_list", []):
            self.visit(decorator)
        self.depth += 1
        for child in ast.iter_child_nodes(node):
            if child not in getattr(node, "decorator_list", []):
                self.visit(child)
        self.depth -= 1

    def visit_FunctionDef(self, node):
        self._scoped(node, node.name)

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_ClassDef = visit_FunctionDef

    def visit_Lambda(self, node):
        self._scoped(node, None)

    def visit_ListComp(self, node):
        self._scoped(node, None)

    visit_SetComp = visit_DictComp = visit_GeneratorExp = visit_ListComp

    def visit_Global(self, node):
        for name in node.names:
            if name in self.protected:
                self.flag(f"declares `global {name}` (rebinds a name the test cells use)")

    # -- bindings
    def visit_Name(self, node):
        if isinstance(node.ctx, (ast.Store, ast.Del)) and self.depth == 0:
            self.bound.append((node.id, node))
        if node.id in SUSPICIOUS_NAMES:
            self.flag(SUSPICIOUS_NAMES[node.id])

    def visit_NamedExpr(self, node):
        self.bound.append((node.target.id, node))  # a walrus binds in the enclosing scope
        self.visit(node.value)

    def visit_ExceptHandler(self, node):
        if node.name and self.depth == 0:
            self.bound.append((node.name, node))
        self.generic_visit(node)

    def visit_Import(self, node):
        for name, target in _import_targets(node).items():
            top = target.lstrip(".").split(".")[0]
            if top in SUSPICIOUS_MODULES:
                self.flag(f"imports {target} (a module with no place in an exercise answer)")
            parent = target.rsplit(".", 1)[0] if isinstance(node, ast.ImportFrom) else None
            if parent in SUSPICIOUS_ATTRIBUTES and name.split(".")[-1] in SUSPICIOUS_ATTRIBUTES[parent]:
                self.flag(f"imports {target}")
            if target.split(".")[-1] in SUSPICIOUS_NAMES:
                self.flag(SUSPICIOUS_NAMES[target.split(".")[-1]])
            if self.depth == 0:
                self.bound.append((name, node))
            self.modules.add(name)

    visit_ImportFrom = visit_Import

    # -- attribute and item writes
    def _write(self, target, verb: str):
        if isinstance(target, ast.Attribute) and target.attr.startswith("__") \
                and target.attr.endswith("__"):
            self.flag(f"{verb} {ast.unparse(target)} (rewrites an object's internals)")
            return
        root = _root(target)
        if root in self.modules or root in LIBRARY_ROOTS:
            self.flag(f"{verb} {ast.unparse(target)} (monkeypatching library or course code "
                      "the tests may use)")

    def visit_Attribute(self, node):
        if isinstance(node.ctx, ast.Store):
            self._write(node, "assigns to")
        elif isinstance(node.ctx, ast.Del):
            self._write(node, "deletes")
        if node.attr in ESCAPE_DUNDERS and not (
                isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name)
                and node.value.func.id == "super"):
            self.flag(f"uses {ast.unparse(node)} (a way around the notebook's own names)")
        if node.attr in SUSPICIOUS_ATTRIBUTE_NAMES:
            self.flag(SUSPICIOUS_NAMES[node.attr])
        if isinstance(node.value, ast.Name):
            module = node.value.id
            if module in SUSPICIOUS_ATTRIBUTES and node.attr in SUSPICIOUS_ATTRIBUTES[module]:
                self.flag(f"uses {module}.{node.attr}")
        self.generic_visit(node)

    def visit_Subscript(self, node):
        if isinstance(node.ctx, ast.Store):
            self._write(node, "assigns to")
        elif isinstance(node.ctx, ast.Del):
            self._write(node, "deletes")
        self.generic_visit(node)

    def visit_Assign(self, node):
        if isinstance(node.value, (ast.Name, ast.Attribute)) and (
                _root(node.value) in self.modules or _root(node.value) in LIBRARY_ROOTS):
            for target in node.targets:  # `T = torch.testing`: T now stands for library code
                if isinstance(target, ast.Name):
                    self.modules.add(target.id)
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        if isinstance(node.target, (ast.Attribute, ast.Subscript)):
            self._write(node.target, "changes")
        self.generic_visit(node)

    def visit_Call(self, node):
        if isinstance(node.func, ast.Name) and node.func.id in ("setattr", "delattr") and node.args:
            root = _root(node.args[0])
            if root in self.modules or root in LIBRARY_ROOTS or root is None:
                self.flag(f"calls {node.func.id}({ast.unparse(node.args[0])}, ...) "
                          "(monkeypatching library or course code the tests may use)")
        self.generic_visit(node)


def _rebinding_reasons(bound, protected: dict) -> list[str]:
    reasons = []
    for name, node in bound:
        if name not in protected:
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)) and protected[name] is not None \
                and _import_targets(node).get(name) == protected[name]:
            continue  # `import torch` again: the same object
        kind = type(node).__name__
        how = {"FunctionDef": "defines a function", "AsyncFunctionDef": "defines a function",
               "ClassDef": "defines a class", "Import": "imports something else as",
               "ImportFrom": "imports something else as"}.get(kind, "rebinds")
        reasons.append(f"{how} `{name}`, which the test cells use (their checks would run "
                       "the student's version)")
    return list(dict.fromkeys(reasons))


# ----------------------------------------------------------------- the review

def _label(index: int, cell) -> str:
    grade_id = _nbgrader(cell).get("grade_id")
    return f"cell {index} ({grade_id})" if grade_id else f"cell {index}"


def _structure_reasons(autograded_nb, source_nb) -> list[str]:
    reasons = []
    source_cells = {_nbgrader(c).get("grade_id"): c for c in source_nb.cells if _nbgrader(c).get("grade_id")}
    ids = [_nbgrader(c).get("grade_id") for c in autograded_nb.cells]
    for grade_id, count in Counter(i for i in ids if i).items():
        if count > 1:
            reasons.append(f"{count} cells share the nbgrader id {grade_id!r} (cells were copied)")
    found = {i: c for i, c in zip(ids, autograded_nb.cells) if i}
    for grade_id, cell in source_cells.items():
        if not _nbgrader(cell).get("grade"):
            continue
        mine = found.get(grade_id)
        if mine is None:
            reasons.append(f"test cell {grade_id} is missing (deleted, or its nbgrader id changed)")
        elif mine.cell_type != cell.cell_type:
            reasons.append(f"test cell {grade_id} was changed from {cell.cell_type} to {mine.cell_type}")
        elif not _nbgrader(mine).get("grade"):
            reasons.append(f"test cell {grade_id} is no longer marked as graded")
    for index, cell in enumerate(autograded_nb.cells):
        meta = _nbgrader(cell)
        if meta and not meta.get("grade_id"):
            reasons.append(f"{_label(index, cell)} has nbgrader metadata without a known id "
                           "(a cell added with nbgrader metadata, or an id the assignment does not have)")
        elif meta.get("grade_id") and meta["grade_id"] not in source_cells:
            reasons.append(f"{_label(index, cell)} has the nbgrader id {meta['grade_id']!r}, which "
                           "the assignment does not have (a cell added with nbgrader metadata)")
    return reasons


def _output_reasons(autograded_nb) -> list[str]:
    reasons = []
    for index, cell in enumerate(autograded_nb.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error" and output.get("ename") in SANDBOX_ERRORS:
                reasons.append(f"{_label(index, cell)}: {SANDBOX_ERRORS[output['ename']]}: "
                               f"{output.get('evalue', '')}")
            text = output.get("text", "") or output.get("data", {}).get("text/plain", "")
            if isinstance(text, list):
                text = "".join(text)
            if TRUNCATION_MARKER in text:
                reasons.append(f"{_label(index, cell)}: its output was truncated (it printed more "
                               "than the sandbox's output limit)")
    return reasons


def review_reasons(autograded_nb, source_nb) -> list[str]:
    """Why an instructor should look at this autograded submission ([] if nothing is suspicious).

    Parameters
    ----------
    autograded_nb : nbformat.NotebookNode
        The student's notebook after ``nbgrader autograde`` (outputs included).
    source_nb : nbformat.NotebookNode
        The instructor's source notebook of the same assignment.

    Returns
    -------
    list of str
        One reason per finding, naming the cell (index and nbgrader id) and the construct.
    """
    protected = course_names(source_nb)
    unchanged = Counter(c.source for _, c in _code_cells(source_nb) if not _nbgrader(c))
    course_ids = {_nbgrader(c).get("grade_id") for c in source_nb.cells if _is_course_cell(c)}
    modules: set[str] = set(LIBRARY_ROOTS)
    reasons = _structure_reasons(autograded_nb, source_nb)
    for index, cell in _code_cells(autograded_nb):
        grade_id = _nbgrader(cell).get("grade_id")
        if grade_id in course_ids:
            continue  # nbgrader restores locked and test cells from the gradebook
        if not _nbgrader(cell) and unchanged[cell.source] > 0:
            continue  # an instructor's demo cell, untouched
        label = _label(index, cell)
        tree, used_magic = _parse(cell.source)
        if tree is None:
            reasons.append(f"{label}: could not parse the code (the review cannot read it)")
            continue
        if used_magic:
            reasons.append(f"{label}: uses IPython %magic or !shell lines")
        scanner = _Scanner(modules, protected, set())
        scanner.visit(tree)
        modules |= scanner.modules
        reasons += [f"{label}: {finding}" for finding in scanner.findings]
        reasons += [f"{label}: {text}" for text in _rebinding_reasons(scanner.bound, protected)]
    return reasons + _output_reasons(autograded_nb)
