"""The evidence cache's key leaves out only files that no grading run can read."""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat

import evidence
from torchcourse import pipeline
from torchcourse.course import ROOT

PACKAGE = ROOT / "torchcourse"


def _imported_modules(code: str, package: str | None) -> set[str]:
    """Every ``torchcourse`` module that ``code`` imports anywhere (module level or inside
    functions), as dotted names; ``package`` resolves relative imports."""
    found = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return {name for name in found if name == "torchcourse" or name.startswith("torchcourse.")}


def _module_file(name: str) -> Path | None:
    path = ROOT.joinpath(*name.split("."))
    if path.with_suffix(".py").is_file():
        return path.with_suffix(".py")
    if (path / "__init__.py").is_file():
        return path / "__init__.py"
    return None  # a name imported from a module, not a module


def reached_from(codes: list[str]) -> set[Path]:
    """The package's files that the import graph of ``codes`` reaches (``__init__`` included)."""
    todo = set().union(*(_imported_modules(code, None) for code in codes))
    seen: set[Path] = set()
    while todo:
        name = todo.pop()
        parts = name.split(".")
        for i in range(1, len(parts) + 1):  # importing a.b.c runs a/__init__.py and a/b/__init__.py
            path = _module_file(".".join(parts[:i]))
            if path is None or path in seen:
                continue
            seen.add(path)
            package = ".".join(parts[:i]) if path.name == "__init__.py" else ".".join(parts[: i - 1])
            todo |= _imported_modules(path.read_text(), package)
    return seen


def grading_entry_points() -> list[str]:
    """The code of everything a grading run (and so a cached graded course) can import:
    nbgrader's config, the proof and adversarial harnesses, and every lesson's cells."""
    files = [ROOT / "nbgrader_config.py", *(ROOT / "tests").glob("proof.py"), ROOT / "tests" / "adversarial.py",
             ROOT / "tests" / "exploration.py", ROOT / "tests" / "evidence.py"]
    codes = [path.read_text() for path in files]
    for topic in pipeline.topics():
        nb = nbformat.read(pipeline.source_path(topic), as_version=4)
        codes += [cell.source for cell in nb.cells if cell.cell_type == "code"]
    return codes


def test_the_files_left_out_of_the_evidence_key_are_never_imported_by_grading():
    reached = reached_from(grading_entry_points())
    assert PACKAGE / "sandboxed_execute.py" in reached and PACKAGE / "grading.py" in reached, (
        "the import walk found too little; it no longer follows the course's imports")
    leaked = sorted(str(p.relative_to(ROOT)) for p in set(evidence.NOT_GRADING) & reached)
    assert not leaked, (f"{leaked} are left out of the evidence key (tests/evidence.py NOT_GRADING) but a "
                        "grading run imports them: remove them from NOT_GRADING")
    data = [p for p in evidence.NOT_GRADING if p.suffix != ".py"]
    for path in data:
        readers = [m for m in reached if path.name in m.read_text()]
        assert not readers, f"{path.name} is left out of the evidence key but {readers} read it"


def test_an_edit_to_a_file_left_out_changes_no_key_and_any_other_edit_does(tmp_path, monkeypatch):
    package = tmp_path / "torchcourse"
    package.mkdir()
    (package / "grading.py").write_text("x = 1\n")
    (package / "report.py").write_text("y = 1\n")
    monkeypatch.setattr(evidence, "COMMON_INPUTS", (package,))
    monkeypatch.setattr(evidence, "NOT_GRADING", (package / "report.py",))
    before = evidence.key([])
    (package / "report.py").write_text("y = 2\n")
    assert evidence.key([]) == before
    (package / "grading.py").write_text("x = 2\n")
    assert evidence.key([]) != before
