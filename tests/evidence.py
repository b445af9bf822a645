"""A content-addressed cache of graded courses: nbgrader's raw outputs, never a verdict.

Grading the proof's fixtures takes most of the suite's time, and nothing about
it changes unless one of its inputs does. :func:`graded_course` keys a graded
course folder (autograded notebooks, the SQLite gradebook with the scores, the
grading records) on a hash of **every** input:

* the files the caller names (a topic's source and fixtures, say);
* the course package (all of it but :data:`NOT_GRADING`), ``nbgrader_config.py``,
  the pins (``requirements.txt``), this file and the proof harness;
* the Python version, bubblewrap's version, and :data:`SCHEMA`.

On a hit it copies the stored folder into place; the tests then read the
scores and notebooks from it and run every assertion, exactly as after a fresh
grading. A machine with an empty cache grades everything, and so does
``./course test --full`` (``TORCHCOURSE_EVIDENCE=off``), which also refreshes
the cache. The cache lives in ``~/.cache/torchcourse/evidence`` (or
``$TORCHCOURSE_EVIDENCE_DIR``); only the newest entry of each name is kept.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from torchcourse.course import ROOT

#: Bump when what is stored, or how it is read, changes.
SCHEMA = 1

#: Inputs of every graded course besides the caller's own.
COMMON_INPUTS = (ROOT / "torchcourse", ROOT / "nbgrader_config.py", ROOT / "requirements.txt",
                 Path(__file__), ROOT / "tests" / "proof.py")

#: Files of the package that no grading run reads: the command line, and what only it uses
#: (the class report and its mistake catalogue, a learner's own grading, the browser driver).
#: Editing them cannot change a grade, so they are not part of the key, and an edit to the
#: report does not cost a cold suite. ``test_evidence.py`` proves that nothing a grading run
#: imports (``nbgrader_config.py``, the kernels' imports, the proof harness) reaches them.
NOT_GRADING = tuple(ROOT / "torchcourse" / name for name in
                    ("cli.py", "report.py", "selfgrade.py", "browser.py", "mistakes.json"))


def enabled() -> bool:
    """False under ``./course test --full`` (``TORCHCOURSE_EVIDENCE=off``)."""
    return os.environ.get("TORCHCOURSE_EVIDENCE", "on") != "off"


def cache_dir() -> Path:
    default = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "torchcourse" / "evidence"
    return Path(os.environ.get("TORCHCOURSE_EVIDENCE_DIR", default))


@functools.lru_cache(maxsize=None)
def _bwrap_version() -> str:
    try:
        return subprocess.run(["bwrap", "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "no bwrap"


def _files(path: Path):
    if path.is_file():
        yield path
    elif path.is_dir():
        yield from sorted(p for p in path.rglob("*")
                          if p.is_file() and "__pycache__" not in p.parts and p not in NOT_GRADING)


def key(inputs) -> str:
    """SHA-256 over :data:`SCHEMA`, the interpreter, bwrap, and every file of ``inputs`` + :data:`COMMON_INPUTS`."""
    digest = hashlib.sha256(f"schema {SCHEMA}\n{sys.version}\n{_bwrap_version()}\n".encode())
    for root in [*map(Path, inputs), *COMMON_INPUTS]:
        for path in _files(root):
            name = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
            digest.update(name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
        digest.update(b"\1")  # a missing input still changes the key's layout
    return digest.hexdigest()


def graded_course(name: str, inputs, grade, workdir: Path) -> tuple[Path, dict, bool]:
    """``(course folder, meta, from_cache)`` for the course that ``grade(workdir) -> meta`` builds.

    ``meta`` is a small JSON-able dict the builder returns (e.g. how long it
    took); it is stored beside the folder. ``workdir`` must not exist yet.
    """
    entry = cache_dir() / f"{name}-{key(inputs)[:32]}"
    if enabled() and (entry / "meta.json").is_file():
        shutil.copytree(entry / "course", workdir, symlinks=True)
        return workdir, json.loads((entry / "meta.json").read_text()), True
    meta = grade(workdir)
    _store(entry, workdir, meta)
    return workdir, meta, False


def _store(entry: Path, workdir: Path, meta: dict) -> None:
    """Write the entry atomically (a half-written one is never read), then drop older ones."""
    entry.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{entry.name}-", dir=entry.parent))
    try:
        shutil.copytree(workdir, tmp / "course", symlinks=True,
                        ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
        (tmp / "meta.json").write_text(json.dumps(meta, indent=1) + "\n")
        shutil.rmtree(entry, ignore_errors=True)
        os.replace(tmp, entry)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    stem = entry.name.rsplit("-", 1)[0]
    for old in entry.parent.glob(f"{stem}-*"):
        if old != entry and old.name.rsplit("-", 1)[0] == stem and not old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True)
