"""Runtime evidence, gathered from the grader's side, that the kernel still grades honestly.

Student code and test cells share one Python interpreter, so student code can
change what a test cell sees (rebind ``check_close``, swap the code inside
``torch.testing.assert_close``) or what it reports (an input transformer that
blanks the test, a replaced ``run_cell``). Reading the student's source cannot
follow every route to such a change. :class:`KernelCheck` looks at the effect
instead, while :class:`~torchcourse.sandboxed_execute.SandboxedExecute` runs
the notebook:

1. **A baseline before any student code.** Before the first cell it sends the
   kernel a probe that imports what the course's cells import and fingerprints
   every object the test cells rely on: the modules and the attributes the
   course's code reads, the built-ins, ``sys``'s hooks and IPython's execution
   machinery (``run_cell``, transformers, events, traceback display...). After
   each locked cell (setup, parameters) it fingerprints the names that cell
   bound. A fingerprint covers identity *and* content: the code object, its
   constants, defaults, closure and the globals the code reads, so code
   swapped inside the same function object is seen too.
2. **The same probe before every test cell,** compared here, in the grader,
   with the baseline. The baseline already left the kernel, so student code
   cannot change it; to fake a later probe, it has to recognise and defeat
   code it has not seen, written after it ran (each probe carries a fresh
   random secret and its report must echo it).
3. **A marker at the end of every test cell.** Each test cell is sent with one
   extra line that publishes a fresh random token. A test cell that reports
   success without the token did not run to its end: its code was changed or
   skipped while it ran. The token never reaches the notebook.

Every mismatch becomes a finding, written into the autograded notebook's
metadata (``metadata.torchcourse.kernel_check``, replacing anything the student
put there); :func:`torchcourse.integrity.review_reasons` reports them.

What it cannot stop: code that keeps running beside the tests (a thread) can
change things between a probe and the test cell, and code that anticipates the
probe can restore what it changed while the probe runs. Both leave the
static review's evidence (``integrity.py``) and take more work than copying a
published solution, which no tool here can tell from honest work.
"""

from __future__ import annotations

import ast
import builtins
import inspect
import json
import secrets
import textwrap
import time
from typing import Callable

#: Where the findings go in the autograded notebook's metadata.
METADATA_KEY = "torchcourse"

#: MIME type of the end-of-test-cell marker (consumed by the grader, never saved).
TOKEN_MIME = "application/x.torchcourse-token"

#: Built-ins every check relies on, whether or not a test cell names them.
CORE_BUILTINS = ("isinstance", "issubclass", "len", "sum", "abs", "all", "any", "bool", "int",
                 "float", "str", "repr", "type", "print", "range", "round", "min", "max", "zip",
                 "getattr", "hasattr", "tuple", "list", "dict", "set", "sorted", "enumerate",
                 "__import__", "AssertionError", "Exception", "BaseException", "ValueError",
                 "TypeError", "RuntimeError")

#: Classes whose methods the checks call on learners' objects, and the dunders they use.
CORE_CLASSES = ("torch.Tensor", "torch.nn.Module")
CORE_CLASS_ATTRIBUTES = ("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__bool__",
                         "__len__", "__getitem__", "__float__", "__int__", "__index__", "__abs__",
                         "__sub__", "__add__", "__mul__", "__truediv__", "__matmul__", "__iter__",
                         "__repr__", "__format__", "__hash__", "__call__", "__init__", "__new__",
                         "__instancecheck__", "__subclasscheck__", "__torch_function__",
                         "_call_impl", "forward", "parameters", "named_parameters", "state_dict",
                         "item", "tolist", "numel", "dim", "size", "shape", "dtype", "device",
                         "detach", "cpu", "to", "equal", "allclose", "isnan", "all", "any")

#: What the shell runs a cell with and reports errors with (instance or class attributes).
SHELL_ATTRIBUTES = ("run_cell", "run_cell_async", "_run_cell", "should_run_async", "run_ast_nodes",
                    "run_code", "transform_cell", "transform_ast", "showtraceback", "_showtraceback",
                    "showsyntaxerror", "showindentationerror", "set_custom_exc", "CustomTB",
                    "custom_exceptions", "get_exception_only", "user_expressions", "ev", "ex",
                    "displayhook", "display_pub", "display_formatter", "compile", "events",
                    "kernel", "input_transformer_manager", "InteractiveTB", "SyntaxTB",
                    "ast_node_interactivity", "user_ns", "user_global_ns")

#: Methods of the kernel, the display publisher and the traceback formatter behind the shell.
MACHINERY = {"kernel": ("do_execute", "execute_request", "dispatch_shell", "send_response",
                        "session"),
             "display_pub": ("publish",), "displayhook": ("__call__",),
             "display_formatter": ("format",),
             "InteractiveTB": ("structured_traceback", "stb2text")}

#: Lists of callables an attacker can add to (only entries not from library code are listed).
HOOK_LISTS = ("input_transformers_cleanup", "input_transformers_post", "ast_transformers")
HOOK_PREFIXES = ("IPython shell.input_transformers", "IPython shell.ast_transformers",
                 "IPython input_transformer_manager.", "IPython events[", "sys.meta_path:",
                 "sys.path_hooks:")

#: Library files whose ``functools.wraps`` wrappers a library puts over its own functions and
#: that change nothing the tests see; the probe fingerprints what they wrap.
TRANSPARENT_WRAPPERS = ("torch/_compile.py",)

#: Seconds to wait for a probe's answer before giving up on the check.
PROBE_TIMEOUT = 60


# ------------------------------------------------------------ in the kernel

def _kernel_probe(spec):
    """Fingerprint what the test cells rely on. Runs IN THE KERNEL: :class:`KernelCheck` sends
    this function's source text, under a random name, and never imports it there. It must
    not change anything a later cell could see, and must not raise.

    Returns a JSON string ``{"secret", "paths": {path: [digest, description]}, "errors"}``.
    """
    import builtins as _builtins
    import hashlib as _hashlib
    import json as _json
    import os as _os
    import sys as _sys
    import types as _types

    for _name in spec["imports"]:
        try:
            __import__(_name)
        except Exception:  # noqa: BLE001 - a module the course's cells cannot import either
            pass
    relevant = frozenset(spec["attributes"])
    class_names = relevant | frozenset(spec["class_attributes"])
    paths, errors = {}, []
    simple = (str, int, float, bool, type(None), bytes, complex)
    missing = object()
    roots = {_sys.prefix, _sys.base_prefix, _sys.exec_prefix}
    course = _sys.modules.get("torchcourse")
    if course is not None and getattr(course, "__file__", None):
        roots.add(_os.path.dirname(_os.path.dirname(course.__file__)))
    cwd = _os.getcwd()

    def from_library(filename):
        return (not filename.startswith(cwd + "/")
                and any(filename.startswith(root.rstrip("/") + "/") for root in roots))

    def trusted(item):
        func = getattr(item, "__func__", item)
        if isinstance(func, _types.FunctionType):
            return from_library(func.__code__.co_filename)
        if isinstance(item, type):
            module = _sys.modules.get(getattr(item, "__module__", ""))
            return (getattr(module, item.__name__, None) is item
                    and from_library(getattr(module, "__file__", None) or ""))
        return isinstance(item, object) and not callable(item) and trusted(type(item))

    def is_simple(obj):
        kind = type(obj)
        return isinstance(obj, simple) or (kind.__module__ == "torch" and kind.__name__ in ("device", "dtype"))

    def short(obj):
        return (type(obj).__qualname__, repr(obj)[:120] if is_simple(obj) else id(obj))

    def code_text(code, out):
        out.append((code.co_code, code.co_names, code.co_varnames, code.co_freevars, code.co_flags,
                    code.co_argcount, code.co_kwonlyargcount))
        for const in code.co_consts:
            if isinstance(const, _types.CodeType):
                code_text(const, out)
            else:
                out.append(short(const))
        return out

    def unwrap(obj):
        """What a library's own transparent wrapper wraps: importing torch._dynamo replaces
        torch.manual_seed by a wrapper (torch/_compile.py) of the same function."""
        while (isinstance(obj, _types.FunctionType) and hasattr(obj, "__wrapped__")
               and obj.__code__.co_filename.endswith(tuple(spec["transparent_wrappers"]))
               and from_library(obj.__code__.co_filename)):
            obj = obj.__wrapped__
        return obj

    def fingerprint(obj, depth=2):
        obj = unwrap(obj)
        kind = type(obj)
        func = obj
        if isinstance(obj, _types.MethodType):  # a fresh object at each attribute access
            parts = [kind.__qualname__, id(obj.__self__)]
            func = obj.__func__
        else:
            parts = [kind.__module__, kind.__qualname__, repr(obj)[:300] if is_simple(obj) else id(obj)]
        if isinstance(func, (staticmethod, classmethod)):
            func = func.__func__
        if isinstance(func, property):
            parts += [fingerprint(f, depth - 1) for f in (func.fget, func.fset, func.fdel) if f]
        if isinstance(func, _types.FunctionType):
            parts += [id(func), id(func.__code__), id(func.__globals__), code_text(func.__code__, []),
                      [short(d) for d in func.__defaults__ or ()],
                      sorted((k, short(v)) for k, v in (func.__kwdefaults__ or {}).items())]
            for cell in func.__closure__ or ():
                try:
                    value = cell.cell_contents
                except ValueError:
                    value = missing
                parts.append(fingerprint(value, depth - 1) if depth > 0 else short(value))
        return _hashlib.sha256(repr(parts).encode()).hexdigest()[:20]

    def describe(obj):
        if obj is missing:
            return "nothing (not defined)"
        obj = unwrap(obj)
        func = getattr(obj, "__func__", obj)
        if isinstance(func, _types.FunctionType):
            filename = func.__code__.co_filename
            where = (f"from {filename.rsplit('site-packages/', 1)[-1]}" if from_library(filename)
                     else "defined in the notebook" if "ipykernel_" in filename or filename.startswith("<")
                     else f"from {filename}")
            return f"function {func.__qualname__} {where}"
        if isinstance(obj, _types.ModuleType):
            return f"module {obj.__name__}"
        if isinstance(obj, type):
            return f"class {obj.__module__}.{obj.__qualname__}"
        if is_simple(obj):
            return f"{type(obj).__name__} {repr(obj)[:60]}"
        name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)
        kind = type(obj)
        return f"{kind.__qualname__} {name}" if isinstance(name, str) else f"a {kind.__module__}.{kind.__qualname__} object"

    def names_of(code, out):
        out.update(code.co_names)
        for const in code.co_consts:
            if isinstance(const, _types.CodeType):
                names_of(const, out)
        return out

    def visit(path, obj, depth):
        if path in paths or len(paths) > 20000:
            return
        try:
            paths[path] = [fingerprint(obj) if obj is not missing else "missing", describe(obj)]
            if depth <= 0 or obj is missing:
                return
            func = getattr(obj, "__func__", obj)
            if isinstance(obj, _types.ModuleType):
                visit_module(obj, relevant, depth)
            elif isinstance(obj, type):
                visit_class(obj, depth)
            elif isinstance(func, _types.FunctionType):
                visit_function(func, depth)
        except Exception as err:  # noqa: BLE001 - report, never raise into the notebook
            errors.append(f"{path}: {type(err).__name__}: {err}")

    def user(name):
        return f"`{name}`"

    def entries(label, items):
        """The entries of a hook list that are not library code, by what they are (not by
        position, so that a library adding its own entry shifts nothing)."""
        seen = {}
        for item in items:
            if not trusted(item):
                text = describe(item)
                seen[text] = seen.get(text, 0) + 1
                visit(f"{label}: {text}" + (f" #{seen[text]}" if seen[text] > 1 else ""), item, 1)

    def visit_function(func, depth):
        names = names_of(func.__code__, set())
        scope = func.__globals__
        module = scope.get("__name__")
        for name in sorted(names):
            if name in scope:
                value = scope[name]
                visit(user(name) if module == "__main__" else f"{module}.{name}", value, depth - 1)
                if isinstance(value, _types.ModuleType):
                    visit_module(value, names, depth - 1)
        for var, cell in zip(func.__code__.co_freevars, func.__closure__ or ()):
            try:
                visit(f"{func.__module__}.{func.__qualname__} (closure {var})", cell.cell_contents, depth - 1)
            except ValueError:
                pass

    def visit_module(module, names, depth):
        scope = vars(module)
        for name in sorted(names & scope.keys()):
            visit(f"{scope.get('__name__', '?')}.{name}", scope[name], depth - 1)

    def visit_class(cls, depth):
        for klass in cls.__mro__:
            if klass is object or klass.__module__ == "builtins":
                continue
            scope = vars(klass)
            for name in sorted(class_names & scope.keys()):
                visit(f"{klass.__module__}.{klass.__qualname__}.{name}", scope[name], depth - 1)

    ipython = _sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    namespace = shell.user_ns if shell is not None else vars(_sys.modules["__main__"])
    depth = spec["depth"]
    for name in spec["modules"]:
        module = _sys.modules.get(name, missing)
        visit(f"sys.modules[{name!r}]", module, 0)
        if module is not missing:
            visit_module(module, relevant, depth)
    for dotted in spec["classes"]:
        module, _, attr = dotted.rpartition(".")
        cls = getattr(_sys.modules.get(module), attr, None)
        if isinstance(cls, type):
            visit(dotted, cls, depth)
    for name in spec["builtins"]:
        visit(f"builtins.{name}", vars(_builtins).get(name, missing), 1)
        if name in namespace:
            visit(user(name), namespace[name], 1)
    for name in spec["names"]:
        visit(user(name), namespace.get(name, missing), depth)
    if spec["hooks"]:
        for name in ("stdout", "stderr", "excepthook", "displayhook", "breakpointhook"):
            visit(f"sys.{name}", getattr(_sys, name, missing), 1)
        visit("sys.gettrace()", _sys.gettrace(), 1)
        visit("sys.getprofile()", _sys.getprofile(), 1)
        visit("sys.modules", _sys.modules, 0)
        entries("sys.meta_path", _sys.meta_path)
        entries("sys.path_hooks", _sys.path_hooks)
        visit("`__builtins__`", namespace.get("__builtins__", missing), 0)
    if spec["hooks"] and shell is not None:
        own = vars(shell)
        for name in spec["shell_attributes"]:
            if name in own:
                visit(f"IPython shell.{name}", own[name], 1)
                continue
            for klass in type(shell).__mro__:
                if name in vars(klass):
                    visit(f"IPython shell.{name}", vars(klass)[name], 1)
                    break
        for owner, methods in spec["machinery"].items():
            target = getattr(shell, owner, None)
            for method in methods:
                if method in getattr(target, "__dict__", {}):
                    visit(f"IPython shell.{owner}.{method}", vars(target)[method], 1)
                    continue
                for klass in type(target).__mro__:
                    if method in vars(klass):
                        visit(f"IPython shell.{owner}.{method}", vars(klass)[method], 1)
                        break
        for name in spec["hook_lists"]:
            entries(f"IPython shell.{name}", getattr(shell, name, None) or ())
        manager = getattr(shell, "input_transformer_manager", None)
        for name in ("cleanup_transforms", "line_transforms", "token_transformers"):
            entries(f"IPython input_transformer_manager.{name}", getattr(manager, name, None) or ())
        for event, callbacks in getattr(getattr(shell, "events", None), "callbacks", {}).items():
            entries(f"IPython events[{event!r}]", callbacks)
    return _json.dumps({"secret": spec["secret"], "paths": paths, "errors": errors[:20]})


_PROBE_SOURCE = textwrap.dedent(inspect.getsource(_kernel_probe))


# ------------------------------------------------------------ in the grader

def _nbgrader(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {}) or {}


def parse_cell(source: str):
    """A code cell's :mod:`ast` tree, after IPython's translation of ``%magic`` and ``!shell``
    lines where plain Python fails; None if the cell is not Python."""
    try:
        return ast.parse(source)
    except SyntaxError:
        try:
            from IPython.core.inputtransformer2 import TransformerManager
            return ast.parse(TransformerManager().transform_cell(source))
        except Exception:  # noqa: BLE001 - a cell that is not Python
            return None


def _bound_at_top(tree) -> set[str]:
    """Names a cell binds at its top level (assignments, imports, defs, for/with targets)."""
    names: set[str] = set()
    for node in tree.body:
        for sub in ast.walk(node):
            if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store):
                names.add(sub.id)
            elif isinstance(sub, (ast.Import, ast.ImportFrom)):
                names.update((a.asname or a.name).split(".")[0] for a in sub.names if a.name != "*")
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
    return names


class KernelCheck:
    """The runtime check of one notebook's grading run (see the module docstring).

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The notebook being graded, with the course's cells restored by nbgrader.
    ask : callable
        ``ask(code, expression) -> reply content dict or None``: run ``code`` silently in
        the kernel, then evaluate ``expression`` as a user expression.
    depth : int, default 4
        How far the probe follows code into the globals and attributes it reads.
    """

    def __init__(self, nb, ask: Callable[[str, str], dict | None], depth: int = 4):
        self.ask = ask
        self.depth = depth
        self.baseline: dict[str, tuple[str, str]] = {}
        self.findings: list[str] = []
        self._reported: set[str] = set()
        self.probes = 0
        self.seconds: list[float] = []        # each probe's round trip
        self.started = False
        self._dirty = False                   # has code other than the course's run since the last probe?
        self.stopped: str | None = None       # why the check gave up (the kernel stopped answering)
        self.tokens: dict[int, str] = {}      # test cell index -> its token
        self.returned: set[int] = set()       # test cells whose token came back
        self.forged: set[int] = set()
        self.labels: dict[int, str] = {}
        self.locked_cells: set[int] = set()   # locked cells that are not tests (setup, parameters)
        self.test_cells: set[int] = set()
        imports, attributes, used_builtins = [], set(), set(CORE_BUILTINS)
        bound_by_tests: set[str] = set()
        bound_by_locked: set[str] = set()
        used_by_tests: set[str] = set()
        for index, cell in enumerate(nb.cells):
            meta = _nbgrader(cell)
            if cell.cell_type != "code" or meta.get("solution") or not (meta.get("grade") or meta.get("locked")):
                continue
            tree = parse_cell(cell.source)
            self.labels[index] = meta.get("grade_id") or f"cell {index}"
            if meta.get("grade"):
                self.test_cells.add(index)
            if tree is None:
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    imports += [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    imports.append(node.module)
                    imports += [f"{node.module}.{a.name}" for a in node.names]
                    attributes.update(a.name for a in node.names)
                elif isinstance(node, ast.Attribute):
                    attributes.add(node.attr)
                elif isinstance(node, ast.Name):
                    attributes.add(node.id)
                    if isinstance(node.ctx, ast.Load) and hasattr(builtins, node.id):
                        used_builtins.add(node.id)
            if meta.get("grade"):
                bound_by_tests |= _bound_at_top(tree)
                used_by_tests |= {n.id for n in ast.walk(tree)
                                  if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
            else:
                self.locked_cells.add(index)
                bound_by_locked |= _bound_at_top(tree)
        self.imports = list(dict.fromkeys(imports))
        self.attributes = sorted(attributes)
        self.builtins = sorted(used_builtins - bound_by_tests)
        # the names the setup cells bind and the test cells read (not ones they bind themselves)
        self.watched = sorted(bound_by_locked & used_by_tests - bound_by_tests)

    # -- the probe
    def _spec(self, *, imports=(), modules=(), names=(), hooks=False) -> dict:
        return {"secret": secrets.token_hex(16), "imports": list(imports), "modules": list(modules),
                "names": list(names), "builtins": self.builtins if hooks else [],
                "attributes": self.attributes, "class_attributes": list(CORE_CLASS_ATTRIBUTES),
                "classes": list(CORE_CLASSES) if hooks else [], "hooks": hooks,
                "shell_attributes": list(SHELL_ATTRIBUTES),
                "machinery": {k: list(v) for k, v in MACHINERY.items()},
                "hook_lists": list(HOOK_LISTS), "transparent_wrappers": list(TRANSPARENT_WRAPPERS),
                "depth": self.depth}

    def _probe(self, spec: dict, where: str) -> dict[str, tuple[str, str]] | None:
        """Run one probe; its paths, or None (and a finding) when the kernel did not answer."""
        if self.stopped:
            return None
        name = f"_torchcourse_probe_{secrets.token_hex(6)}"  # random: nothing can wait for it by name
        result = f"_torchcourse_result_{secrets.token_hex(6)}"
        # The probe travels as string literals: IPython's input transformers tokenize a cell,
        # which takes half a second for the probe's source as code, a millisecond as a string.
        # It runs in a fresh namespace, so the notebook's names (a shadowed `isinstance`) and
        # its own never meet; only `exec` and `__import__` are looked up in the notebook.
        code = (f"{name} = {{}}\nexec({_PROBE_SOURCE!r}, {name})\n"
                f"{result} = {name}['_kernel_probe'](__import__('json').loads({json.dumps(spec)!r}))\n"
                f"del {name}\n")
        self.probes += 1
        start = time.perf_counter()
        reply = self.ask(code, f"globals().pop({result!r}, None)")
        self.seconds.append(round(time.perf_counter() - start, 3))
        report = None
        try:
            value = reply["user_expressions"]["r"]["data"]["text/plain"]
            report = json.loads(ast.literal_eval(value))
        except (TypeError, KeyError, ValueError, SyntaxError):
            pass
        if not isinstance(report, dict) or report.get("secret") != spec["secret"]:
            why = ("no answer" if reply is None else
                   f"an error ({reply.get('ename', '?')}: {reply.get('evalue', '')})"
                   if reply.get("status") == "error" else
                   "an empty answer (its code did not run)" if report is None else
                   "an answer without this probe's secret")
            self.stopped = (f"{where}: the grader's check of the kernel got {why} (something in the "
                            "kernel blocks or rewrites code the grader runs)")
            self.findings.append(self.stopped)
            return None
        return {path: (digest, text) for path, (digest, text) in report["paths"].items()}

    def _compare(self, paths: dict, where: str, adopt: frozenset[str] = frozenset()) -> None:
        """Findings for every path that differs from the baseline (each path reported once)."""
        for path, (digest, text) in paths.items():
            old = self.baseline.get(path)
            if old is None or path in adopt:
                self.baseline[path] = (digest, text)
                if old is not None or path in adopt:
                    continue
                if path.startswith(HOOK_PREFIXES):
                    self._find(where, path, f"{path.split(': ')[0]} gained {text}")
                elif path.startswith("`") and path.strip("`") in self.builtins:
                    self._find(where, path, f"{path} is bound in the notebook ({text}), shadowing the "
                               "built-in that the test cells use")
            elif old[0] != digest:
                self._find(where, path, f"{path} changed: it was {old[1]}, it is now {text}")

    def _find(self, where: str, path: str, text: str) -> None:
        if path not in self._reported:
            self._reported.add(path)
            self.findings.append(f"{where}: {text}")

    # -- the steps, called by the executor
    def before_cell(self, index: int, cell) -> str:
        """Probe before this cell runs; returns the code to append to it ("" for most cells)."""
        if cell.cell_type != "code":
            return ""
        if not self.started:
            self.started = True
            paths = self._probe(self._spec(imports=self.imports, modules=self.imports, hooks=True),
                                "before the first cell")
            if paths is not None:
                self.baseline.update(paths)
        if index not in self.labels:
            self._dirty = True  # student or lesson code runs: probe before the next course cell
            return ""
        if self._dirty:
            kind = "test cell" if index in self.test_cells else "locked cell"
            self._full_probe(f"before {kind} {self.labels[index]}")
            self._dirty = False
        if index not in self.test_cells:
            return ""
        token = self.tokens[index] = secrets.token_hex(16)
        return ("\n__import__('IPython').get_ipython().display_pub.publish("
                f"data={{{TOKEN_MIME!r}: {token!r}}}, metadata={{}})\n")

    def _full_probe(self, where: str, adopt: bool = False) -> None:
        paths = self._probe(self._spec(modules=self.imports, names=self.watched, hooks=True), where)
        if paths is not None:
            self._compare(paths, where, adopt=frozenset(paths) if adopt else frozenset())

    def after_cell(self, index: int, cell, reply: dict | None) -> None:
        """Adopt what a locked cell changed; judge whether a test cell ran to its end."""
        if index in self.locked_cells:
            # the probe before this cell found what changed before it; what changed since,
            # the course's own code did (setup_notebook redirects warnings, say)
            self._full_probe(f"after locked cell {self.labels[index]}", adopt=True)
        if index not in self.test_cells or reply is None:
            return
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        status = reply.get("content", {}).get("status")
        label = self.labels[index]
        if index in self.forged:
            self.findings.append(f"test cell {label}: a marker with the wrong token was published "
                                 "(something forges the grader's end-of-cell marker)")
        if status == "ok" and not errors and index not in self.returned:
            self.findings.append(f"test cell {label}: reported success, but its code did not run to "
                                 "its end (the grader's marker on its last line never ran: the code was "
                                 "changed or skipped while it ran)")

    @staticmethod
    def without_marker(msg: dict) -> dict:
        """An error message whose traceback no longer shows the marker line (it is the grader's)."""
        content = msg.get("content", {})
        if msg.get("msg_type") != "error" or not any(TOKEN_MIME in t for t in content.get("traceback", [])):
            return msg
        traceback = ["\n".join(line for line in entry.split("\n") if TOKEN_MIME not in line)
                     for entry in content["traceback"]]
        return dict(msg, content=dict(content, traceback=traceback))

    def take_output(self, index: int, msg: dict) -> bool:
        """True if ``msg`` is this run's end-of-cell marker (the executor then drops it)."""
        data = msg.get("content", {}).get("data") or {}
        if msg.get("msg_type") not in ("display_data", "execute_result") or TOKEN_MIME not in data:
            return False
        if data[TOKEN_MIME] == self.tokens.get(index):
            self.returned.add(index)
        else:
            self.forged.add(index)
        return True

    def summary(self) -> dict:
        """What goes into ``metadata.torchcourse.kernel_check`` of the autograded notebook."""
        return {"checked": self.started and not self.stopped, "probes": self.probes,
                # the first probe imports what the setup cell would import (time moved, not added)
                "first_probe_seconds": self.seconds[0] if self.seconds else 0.0,
                "other_probe_seconds": round(sum(self.seconds[1:]), 3),
                "test_cells": len(self.test_cells), "findings": self.findings}


def not_checked(why: str) -> dict:
    """The metadata of a notebook the check did not run on."""
    return {"checked": False, "why": why, "findings": []}


def findings_of(nb) -> list[str]:
    """The runtime check's findings written into an autograded notebook ([] if none)."""
    record = (nb.metadata.get(METADATA_KEY) or {}).get("kernel_check") or {}
    return list(record.get("findings") or [])
