"""Review of an autograded notebook: why an instructor should look at it.

The sandbox (``torchcourse/sandbox.py``) keeps student code away from the
gradebook and the hidden tests, but student code still runs in the same kernel
as the test cells, so it can change what the tests see (rebind ``check_close``,
patch ``torch.allclose``) or what they report (hide tracebacks, blank a cell).
The review looks for such **effects**, from two sides:

* **the runtime check** (:mod:`torchcourse.kernel_check`): while the notebook was
  graded, the grader compared what the test cells rely on with a baseline taken
  before any student code ran, and marked the end of every test cell; its
  findings are in the notebook's metadata;
* **the static review** (this module, with :mod:`ast`, in the grader): operations
  in the student's cells that can change what a test cell sees or reports,
  by any route the source shows: attribute writes on library, course and
  built-in objects (``setattr``, ``__dict__``, ``vars()``, ``__code__``...),
  rebinding the names the test cells use, ``sys.modules`` and trace hooks,
  stdout/stderr and exception hooks, IPython's execution machinery, walking
  the heap or frames, ``ctypes``, signals, process control, sockets, and code
  built at run time. Imports alone, magics, shell lines, reading ``sys`` or
  ``os``, ``pathlib``, ``traceback``, ``inspect.signature``, worker processes and
  threads are exploration, not flags.

It also checks the notebook's structure (test cells deleted, retyped, added)
and the sandbox's markers (a kernel that died, output cut at the limit).

:func:`review_reasons` returns human-readable reasons; an empty list means
nothing looked suspicious. No honest notebook of the course, and none of the
exploratory ones in ``tests/exploration.py``, gives a reason.

Example::

    reasons = review_reasons(nbformat.read(autograded, 4), nbformat.read(source, 4))
    # ["cell 52 (my_linear): assigns to torch.allclose (changes library code the tests use)"]
"""

from __future__ import annotations

import ast
import builtins
import functools
from collections import Counter

from .kernel_check import findings_of, parse_cell
from .markers import SANDBOX_ERRORS, TRUNCATION_MARKER

#: Names whose attributes are library or course code that test cells rely on.
LIBRARY_ROOTS = {"torch", "numpy", "np", "builtins", "torchcourse", "sys", "os", "IPython",
                 "nn", "F", "math", "unittest", "warnings", "contextlib", "io", "types",
                 "functools", "operator", "inspect", "importlib", "gc", "ctypes", "threading"}

#: Attributes whose assignment rewrites how any object behaves or what it refers to.
INTERNALS = {"__code__", "__class__", "__defaults__", "__kwdefaults__", "__globals__", "__closure__",
             "__dict__", "__bases__", "__builtins__", "__call__", "__getattribute__", "__getattr__",
             "__setattr__", "__delattr__", "__instancecheck__", "__subclasscheck__", "__wrapped__",
             "cell_contents", "f_globals", "f_locals", "f_builtins"}

#: Attributes that hand out a namespace or the objects behind names: what is bound to a
#: value read through them stands for library code, and writes into them are flagged.
NAMESPACES = {"__dict__", "__globals__", "__builtins__", "f_globals", "f_locals", "f_builtins",
              "user_ns", "user_global_ns", "modules", "__closure__", "cell_contents"}

#: ``module.attribute`` uses that can change what later cells see or report.
DANGEROUS_ATTRIBUTES = {
    "sys": {"settrace": "sets a trace function (can rewrite or skip code as it runs)",
            "setprofile": "sets a profile function (sees and can change every call)",
            "_getframe": "reads the call stack's frames (reaches the notebook's names behind its back)",
            "_current_frames": "reads other threads' frames",
            "addaudithook": "adds an audit hook (sees and can block what later cells do)",
            "exit": "calls sys.exit (stops the notebook)"},
    "threading": {"settrace": "sets a trace function for threads",
                  "setprofile": "sets a profile function for threads"},
    "gc": {"get_objects": "walks the heap (reaches any object, the tests' included)",
           "get_referrers": "walks the heap (reaches any object, the tests' included)",
           "get_referents": "walks the heap (reaches any object, the tests' included)"},
    "inspect": {"currentframe": "reads the call stack's frames", "stack": "reads the call stack's frames",
                "trace": "reads the call stack's frames", "getouterframes": "reads the call stack's frames",
                "getinnerframes": "reads the call stack's frames"},
    "traceback": {"walk_stack": "reads the call stack's frames"},
    "os": {name: "controls processes (can stop or replace the kernel)" for name in (
        "_exit", "abort", "kill", "killpg", "fork", "forkpty", "system", "popen", "execv", "execve",
        "execl", "execle", "execlp", "execlpe", "execvp", "execvpe", "spawnv", "spawnve", "spawnl",
        "spawnle", "spawnlp", "spawnvp", "posix_spawn", "posix_spawnp", "setsid", "register_at_fork")},
    "signal": {name: "changes signal handling (can stop or hide how a cell ends)" for name in (
        "signal", "setitimer", "alarm", "pthread_kill", "raise_signal", "siginterrupt",
        "pthread_sigmask", "set_wakeup_fd")},
    "types": {"FunctionType": "builds a function from a code object",
              "CodeType": "builds a code object", "LambdaType": "builds a function from a code object"},
    "marshal": {"loads": "loads code objects from bytes"},
    "builtins": {"exec": "runs code built at run time, which the review cannot read",
                 "eval": "runs code built at run time, which the review cannot read",
                 "compile": "builds code at run time, which the review cannot read",
                 "__import__": "imports a module by a computed name"},
}

#: Modules every use of which is flagged (except the listed harmless attributes).
DANGEROUS_MODULES = {
    "ctypes": ("reaches memory and the interpreter through ctypes",
               {"sizeof", "alignment", *(f"c_{t}" for t in (
                   "bool", "char", "byte", "ubyte", "short", "ushort", "int", "uint", "long", "ulong",
                   "longlong", "ulonglong", "float", "double", "longdouble", "size_t", "ssize_t",
                   "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"))}),
    "_ctypes": ("reaches memory and the interpreter through ctypes", set()),
    "subprocess": ("runs a process (can signal or stop the kernel)", set()),
    "pty": ("runs a process on a terminal", set()),
    "socket": ("opens a socket", {"gethostname"}),
    "zmq": ("opens a messaging socket (could speak to the grader as the kernel)", set()),
}

#: Built-in names whose use is flagged.
DANGEROUS_BUILTINS = {
    "__builtins__": "touches __builtins__ (can replace any built-in the tests use)",
    "exec": "calls exec (runs code built at run time, which the review cannot read)",
    "eval": "calls eval (runs code built at run time, which the review cannot read)",
    "compile": "calls compile (builds code at run time, which the review cannot read)",
    "exit": "calls exit() (stops the kernel)",
    "quit": "calls quit() (stops the kernel)",
}

#: Attributes of IPython's shell and kernel that change how cells run or are reported; no
#: honest answer names them, whatever they are reached through.
IPYTHON_MACHINERY = {
    "input_transformers_post", "input_transformers_cleanup", "input_transformer_manager",
    "ast_transformers", "run_cell", "run_cell_async", "_run_cell", "run_ast_nodes", "run_code",
    "should_run_async", "transform_cell", "showtraceback", "_showtraceback", "showsyntaxerror",
    "set_custom_exc", "CustomTB", "custom_exceptions", "InteractiveTB", "SyntaxTB", "display_pub",
    "display_formatter", "user_ns", "user_global_ns", "user_expressions", "do_execute",
    "execute_request", "dispatch_shell",
}

#: Of ``get_ipython()``'s attributes, those that change things only on the shell itself.
SHELL_ONLY = {"events": "registers or changes IPython event callbacks (run around every cell)",
              "push": "writes into the notebook's namespace", "ex": "runs code built at run time",
              "ev": "runs code built at run time", "kernel": "reaches the kernel behind the shell",
              "displayhook": "changes how results are displayed", "excepthook": "changes exception display",
              **{name: "reaches the kernel's messaging (could speak to the grader as the kernel)"
                 for name in ("session", "iopub_socket", "shell_stream", "shell_streams", "send_response")}}

#: ``sys`` hooks whose replacement hides or changes what a cell reports.
SYS_HOOKS = {"stdout", "stderr", "stdin", "excepthook", "displayhook", "breakpointhook",
             "__stdout__", "__stderr__", "unraisablehook", "meta_path", "path_hooks", "modules"}

#: Mutating methods of lists and dicts.
MUTATORS = {"append", "insert", "extend", "remove", "pop", "clear", "update", "setdefault",
            "__setitem__", "__delitem__", "popitem", "sort", "reverse"}

#: Magics whose arguments (or cell body) are Python code that the review reads too.
CODE_MAGICS = {"time", "timeit", "prun", "capture", "debug"}


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


def _course_bindings(source_nb) -> tuple[dict[str, str | None], dict[str, str | None], set[str]]:
    """``(bound by locked cells, imported by or built-ins of test cells, read by test cells)``;
    each name maps to what an import binds it to, or None."""
    cells = tuple((cell.source, bool(_nbgrader(cell).get("grade")))
                  for _, cell in _code_cells(source_nb) if _is_course_cell(cell))
    bound, used, read_by_tests = _bindings_of(cells)
    return dict(bound), dict(used), set(read_by_tests)


@functools.lru_cache(maxsize=64)
def _bindings_of(cells: tuple[tuple[str, bool], ...]):
    """:func:`_course_bindings` of the locked cells ``(source, is_test)``, computed once per
    source notebook: a class's review reads the same source for every student."""
    bound: dict[str, str | None] = {}
    used: dict[str, str | None] = {}
    read_by_tests: set[str] = set()
    for source, is_test in cells:
        tree = parse_cell(source)
        if tree is None:
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                (used if is_test else bound).update(_import_targets(node))
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                if hasattr(builtins, node.id) and not node.id.startswith("_"):
                    used.setdefault(node.id, None)
                if is_test:
                    read_by_tests.add(node.id)
        if not is_test:
            for name in _toplevel_bindings(tree):
                bound.setdefault(name, None)
    return bound, used, read_by_tests


def course_names(source_nb) -> dict[str, str | None]:
    """Names the test cells rely on: ``{name: import target or None}``.

    * every name a locked cell binds at top level and a test cell reads (the setup
      imports ``torch``, ``check_close``...);
    * every name a test cell imports (``os``, ``tempfile``);
    * every built-in a locked or test cell uses (``isinstance``, ``sum``, ``print``...).

    The value is what an import binds the name to (``"torch.nn"`` for ``nn``), so
    that a student's ``import torch`` or ``from torch import nn`` is not mistaken for
    a rebinding; None for names bound otherwise (any student rebinding is flagged).
    """
    bound, used, read_by_tests = _course_bindings(source_nb)
    return {**used, **{name: target for name, target in bound.items() if name in read_by_tests}}


def _toplevel_bindings(tree) -> list[str]:
    """Names bound at the top level of a cell (not inside functions or classes)."""
    visitor = _Scanner(set(), {})
    visitor.visit(tree)
    return [name for name, _ in visitor.bound]


# ----------------------------------------------------------------- the scanner

def _chain(node) -> list:
    """``a.b[c].d`` -> [Name a, 'b', Subscript, 'd']; getattr/vars/type calls unwrap too."""
    parts = []
    while True:
        if isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        elif isinstance(node, (ast.Subscript, ast.Starred)):
            parts.append("[]")
            node = node.value
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id in ("getattr", "vars", "type") and node.args):
            if node.func.id == "getattr" and len(node.args) > 1:
                attr = node.args[1]
                parts.append(attr.value if isinstance(attr, ast.Constant) else "?")
            elif node.func.id == "vars":
                parts.append("__dict__")
            node = node.args[0]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in ("globals", "locals", "vars"):
            parts.append("__dict__")
            return [ast.Name(id="__main__"), *reversed(parts)]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "get_ipython":
            return [ast.Name(id="get_ipython"), *reversed(parts)]
        elif isinstance(node, ast.Name):
            return [node, *reversed(parts)]
        else:
            return [None, *reversed(parts)]


def _is_literal(node) -> bool:
    """A constant, or a tuple/list/set/dict of constants (configuration, not code)."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.UnaryOp):
        return _is_literal(node.operand)
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return all(_is_literal(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return all(k is None or _is_literal(k) for k in node.keys) and all(map(_is_literal, node.values))
    return False


class _Scanner(ast.NodeVisitor):
    """Collects the top-level bindings of one cell and the effects it can have on the tests.

    ``library`` holds the names that stand for library, course or built-in code (the
    modules imported, the setup's names, and aliases the student makes of them);
    ``shells`` the names bound to ``get_ipython()``.
    """

    def __init__(self, library: set[str], protected: dict, shells: set[str] | None = None,
                 aliases: dict[str, str] | None = None):
        self.library = library
        self.protected = protected
        self.shells = shells if shells is not None else set()
        self.aliases = aliases if aliases is not None else {}   # name -> the module path it stands for
        self.namespaces: set[str] = set()      # names bound to globals(), a __dict__, user_ns...
        self.depth = 0                         # > 0 inside a function or class body
        self.bound: list[tuple[str, ast.AST]] = []
        self.findings: list[str] = []
        self._with_items: set[int] = set()

    def flag(self, text: str) -> None:
        if text not in self.findings:
            self.findings.append(text)

    # -- what an expression stands for
    def _origin(self, node) -> str | None:
        """'library', 'shell' or 'namespace' if ``node`` stands for such code, else None."""
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            kinds = [self._origin(e) for e in node.elts]
            return next((k for k in kinds if k), None)
        if isinstance(node, ast.Dict):
            return next((k for k in map(self._origin, node.values) if k), None)
        if isinstance(node, (ast.IfExp, ast.BoolOp)):
            values = [node.body, node.orelse] if isinstance(node, ast.IfExp) else node.values
            return next((k for k in map(self._origin, values) if k), None)
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name in ("import_module", "__import__", "reload"):
                return "library"
            if name in ("get_referents", "get_referrers", "get_objects", "currentframe", "_getframe"):
                return "namespace"
            if name == "get_ipython":
                return "shell"
            if name in ("get", "pop", "setdefault") and isinstance(func, ast.Attribute):
                return self._origin(func.value)   # sys.modules.get("torch")
            if not (isinstance(func, ast.Name) and func.id in ("getattr", "vars", "type", "globals")):
                return None                        # a call makes a new object: the learner's own
        chain = _chain(node)
        root, attrs = chain[0], chain[1:]
        named = isinstance(root, ast.Name)
        library = named and (root.id in self.library or root.id in LIBRARY_ROOTS or hasattr(builtins, root.id))
        spaces = {a for a in attrs if a in NAMESPACES}
        if spaces and not (spaces == {"__dict__"} and named and not library and root.id != "__main__"):
            return "namespace"  # (an object's own __dict__ is its own business)
        if named:
            if root.id in self.shells or root.id == "get_ipython":
                return "shell"
            if root.id == "__main__" or root.id in self.namespaces:
                return "namespace"
            if library:
                return "library"
        return None

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

    visit_AsyncFunctionDef = visit_ClassDef = visit_FunctionDef

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
    def _dotted(self, node) -> str | None:
        """``os.path`` for ``os.path`` (or ``o.path`` after ``import os as o``), else None."""
        chain = _chain(node)
        if not isinstance(chain[0], ast.Name) or not all(isinstance(a, str) and a not in ("[]", "?")
                                                          for a in chain[1:]):
            return None
        return ".".join([self.aliases.get(chain[0].id, chain[0].id), *chain[1:]])

    def _bind_targets(self, targets, value) -> None:
        """Names bound to library code, a namespace or the shell stand for it from now on."""
        origin = self._origin(value) if value is not None else None
        dotted = self._dotted(value) if isinstance(value, (ast.Name, ast.Attribute)) else None
        for target in targets:
            for node in ast.walk(target):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                    self.aliases.pop(node.id, None)
                    self.namespaces.discard(node.id)
                    if origin == "namespace":
                        self.namespaces.add(node.id)
                    elif origin == "shell":
                        self.shells.add(node.id)
                    elif origin == "library":
                        self.library.add(node.id)
                        if dotted and target is node:
                            self.aliases[node.id] = dotted
                    else:
                        self.library.discard(node.id)
                        self.shells.discard(node.id)

    def visit_Assign(self, node):
        self._bind_targets(node.targets, node.value)
        for target in node.targets:
            self._write(target, node.value, "assigns to")
        self.visit(node.value)
        for target in node.targets:
            self.visit(target)

    def visit_AnnAssign(self, node):
        if node.value is not None:
            self._bind_targets([node.target], node.value)
            self._write(node.target, node.value, "assigns to")
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        self._write(node.target, None, "changes")
        self.generic_visit(node)

    def visit_Delete(self, node):
        for target in node.targets:
            self._write(target, None, "deletes")
        self.generic_visit(node)

    def visit_For(self, node):
        self._bind_targets([node.target], node.iter)
        self.generic_visit(node)

    visit_AsyncFor = visit_For

    def visit_With(self, node):
        for item in node.items:
            self._with_items.add(id(item.context_expr))
            if item.optional_vars is not None:
                self._bind_targets([item.optional_vars], item.context_expr)
        self.generic_visit(node)

    visit_AsyncWith = visit_With

    def visit_NamedExpr(self, node):
        self.bound.append((node.target.id, node))  # a walrus binds in the enclosing scope
        self._bind_targets([node.target], node.value)
        self.visit(node.value)

    def visit_Name(self, node):
        if isinstance(node.ctx, (ast.Store, ast.Del)) and self.depth == 0:
            self.bound.append((node.id, node))
        if node.id in DANGEROUS_BUILTINS and node.id not in self.bound_names():
            self.flag(DANGEROUS_BUILTINS[node.id])

    def bound_names(self) -> set[str]:
        return {name for name, _ in self.bound}

    def visit_ExceptHandler(self, node):
        if node.name and self.depth == 0:
            self.bound.append((node.name, node))
        self.generic_visit(node)

    def visit_Import(self, node):
        for name, target in _import_targets(node).items():
            module, _, attr = target.lstrip(".").rpartition(".")
            top = target.lstrip(".").split(".")[0]
            if isinstance(node, ast.ImportFrom):
                if attr in DANGEROUS_ATTRIBUTES.get(module, {}):
                    self.flag(f"imports {target}: {DANGEROUS_ATTRIBUTES[module][attr]}")
                if top in DANGEROUS_MODULES and attr not in DANGEROUS_MODULES[top][1]:
                    self.flag(f"imports {target}: {DANGEROUS_MODULES[top][0]}")
            if self.depth == 0:
                self.bound.append((name, node))
            self.library.add(name)
            self.aliases[name] = target.lstrip(".") if isinstance(node, ast.ImportFrom) or \
                "." not in target else (target if name != target.split(".")[0] else name)

    visit_ImportFrom = visit_Import

    # -- writes
    def _write(self, target, value, verb: str) -> None:
        """Flag a write to ``target`` that can change library, course or built-in code."""
        if isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self._write(element, None, verb)
            return
        if not isinstance(target, (ast.Attribute, ast.Subscript)):
            return
        chain = _chain(target)
        root, attrs = chain[0], chain[1:]
        text = ast.unparse(target)
        last = attrs[-1] if attrs else None
        origin = self._origin(target.value)
        if isinstance(root, ast.Name) and self.aliases.get(root.id, root.id) == "sys" and attrs \
                and attrs[0] in SYS_HOOKS:
            self.flag(f"{verb} {text} (replaces one of sys's hooks: {attrs[0]})")
        elif isinstance(target, ast.Attribute) and last in INTERNALS:
            self.flag(f"{verb} {text} (rewrites an object's internals)")
        elif isinstance(target, ast.Attribute) and last in IPYTHON_MACHINERY | set(SHELL_ONLY):
            if last in IPYTHON_MACHINERY or origin == "shell":
                self.flag(f"{verb} {text} (changes how IPython runs or reports cells)")
        elif origin == "namespace":
            self.flag(f"{verb} {text} (writes into a namespace behind the notebook's names)")
        elif origin == "shell":
            self.flag(f"{verb} {text} (changes IPython's shell)")
        elif origin == "library" and isinstance(target, ast.Attribute):
            if value is None or not _is_literal(value):
                self.flag(f"{verb} {text} (changes library or course code the tests may use)")

    # -- calls and attribute reads
    def visit_Call(self, node):
        func = node.func
        if isinstance(func, ast.Name) and func.id in ("setattr", "delattr") and node.args:
            origin = self._origin(node.args[0])
            computed = len(node.args) > 1 and not isinstance(node.args[1], ast.Constant)
            if origin or (computed and _chain(node.args[0])[0] is None):
                self.flag(f"calls {func.id}({ast.unparse(node.args[0])}, ...) (changes "
                          f"{'a namespace' if origin == 'namespace' else 'library or course code'})")
        if isinstance(func, ast.Attribute) and func.attr in ("__setattr__", "__delattr__") and node.args \
                and not isinstance(func.value, ast.Call) and self._origin(node.args[0]) is not None:
            self.flag(f"calls {ast.unparse(func)}({ast.unparse(node.args[0])}, ...) (changes library "
                      "or course code around the usual attribute rules)")
        if isinstance(func, ast.Attribute) and func.attr in MUTATORS:
            origin = self._origin(func.value)
            chain = _chain(func.value)
            attrs = chain[1:]
            if origin == "namespace" or (attrs and attrs[-1] in ("meta_path", "path_hooks", "modules")
                                         and isinstance(chain[0], ast.Name)
                                         and self.aliases.get(chain[0].id, chain[0].id) == "sys"):
                self.flag(f"calls {ast.unparse(func)}(...) (changes a namespace or an import hook)")
            elif attrs and attrs[-1] in IPYTHON_MACHINERY | {"callbacks"}:
                self.flag(f"calls {ast.unparse(func)}(...) (changes how IPython runs or reports cells)")
        if isinstance(func, ast.Name) and func.id in ("getattr", "__import__") and node.args:
            name_arg = node.args[1] if func.id == "getattr" and len(node.args) > 1 else node.args[0]
            target = _chain(node.args[0])[0] if func.id == "getattr" else None
            risky = func.id == "__import__" or (isinstance(target, ast.Name) and target.id in (
                "builtins", "sys", "os", "IPython", "importlib", "gc", "ctypes", "types", "inspect",
                "operator", "marshal", "signal", "socket", "subprocess", "__builtins__"))
            if risky and not isinstance(name_arg, ast.Constant):
                self.flag(f"calls {func.id}({ast.unparse(node.args[0])}, <computed name>) (reaches "
                          "code by a name built at run time, which the review cannot read)")
        if (isinstance(func, ast.Attribute) and func.attr in ("redirect_stdout", "redirect_stderr")
                or isinstance(func, ast.Name) and func.id in ("redirect_stdout", "redirect_stderr")):
            if id(node) not in self._with_items:
                self.flag(f"calls {ast.unparse(func)} outside a `with` block (keeps a test cell's "
                          "output away from the grader)")
        if isinstance(func, ast.Attribute) and func.attr == "register" and \
                isinstance(func.value, ast.Attribute) and func.value.attr == "events":
            self.flag(f"calls {ast.unparse(func)} (registers code that runs around every cell)")
        if isinstance(func, ast.Attribute) and func.attr in ("run_cell_magic", "run_line_magic") \
                and len(node.args) >= 2 and isinstance(node.args[0], ast.Constant) \
                and node.args[0].value in CODE_MAGICS:
            body = node.args[-1] if func.attr == "run_cell_magic" else node.args[1]
            if isinstance(body, ast.Constant) and isinstance(body.value, str):
                self._scan_code(body.value)
        self.generic_visit(node)

    def _scan_code(self, source: str) -> None:
        """Read the Python code that a ``%time``/``%%capture``... magic runs, as part of this cell."""
        tree = parse_cell(source)
        if tree is not None:
            self.visit(tree)

    def visit_Attribute(self, node):
        chain = _chain(node)
        root = chain[0]
        dotted = self._dotted(node)
        module = dotted.rpartition(".")[0] if dotted else None
        if module in DANGEROUS_ATTRIBUTES and node.attr in DANGEROUS_ATTRIBUTES[module]:
            self.flag(f"uses {module}.{node.attr}: {DANGEROUS_ATTRIBUTES[module][node.attr]}")
        if module in DANGEROUS_MODULES and node.attr not in DANGEROUS_MODULES[module][1]:
            self.flag(f"uses {module}.{node.attr}: {DANGEROUS_MODULES[module][0]}")
        if node.attr in ("f_back", "f_globals", "f_locals", "tb_frame", "gi_frame", "cr_frame",
                         "ag_frame", "f_builtins"):
            self.flag(f"uses {ast.unparse(node)} (reads frames: reaches names behind the notebook's back)")
        if node.attr in IPYTHON_MACHINERY and isinstance(node.ctx, ast.Load):
            self.flag(f"uses {ast.unparse(node)} (IPython's machinery for running and reporting cells)")
        if node.attr in SHELL_ONLY and self._origin(node.value) == "shell" and isinstance(node.ctx, ast.Load):
            self.flag(f"uses {ast.unparse(node)}: {SHELL_ONLY[node.attr]}")
        if node.attr == "__subclasses__":
            self.flag(f"uses {ast.unparse(node)} (reaches every class, the course's included)")
        if node.attr == "__builtins__" or (module == "builtins" and node.attr == "__dict__"):
            self.flag(f"uses {ast.unparse(node)} (can replace any built-in the tests use)")
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
        One reason per finding: the structure's, then the static review's (naming the cell,
        by index and nbgrader id, and the construct), the sandbox's markers, and the runtime
        check's (``"runtime check, before test cell X: torch.allclose changed: ..."``).
    """
    protected = course_names(source_nb)
    setup_names = _course_bindings(source_nb)[0]
    unchanged = Counter(c.source for _, c in _code_cells(source_nb) if not _nbgrader(c))
    course_ids = {_nbgrader(c).get("grade_id") for c in source_nb.cells if _is_course_cell(c)}
    library: set[str] = set(LIBRARY_ROOTS) | set(protected) | set(setup_names)
    shells: set[str] = set()
    aliases = {name: target for name, target in {**setup_names, **protected}.items() if target}
    reasons = _structure_reasons(autograded_nb, source_nb)
    for index, cell in _code_cells(autograded_nb):
        grade_id = _nbgrader(cell).get("grade_id")
        if grade_id in course_ids:
            continue  # nbgrader restores locked and test cells from the gradebook
        if not _nbgrader(cell) and unchanged[cell.source] > 0:
            continue  # an instructor's demo cell, untouched
        label = _label(index, cell)
        tree = parse_cell(cell.source)
        if tree is None:
            reasons.append(f"{label}: could not parse the code (the review cannot read it)")
            continue
        scanner = _Scanner(library, protected, shells, aliases)
        scanner.visit(tree)
        reasons += [f"{label}: {finding}" for finding in scanner.findings]
        reasons += [f"{label}: {text}" for text in _rebinding_reasons(scanner.bound, protected)]
    reasons += _output_reasons(autograded_nb)
    return reasons + [f"runtime check, {finding}" for finding in findings_of(autograded_nb)]
