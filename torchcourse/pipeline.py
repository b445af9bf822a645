"""The course's build pipeline, on top of nbgrader and papermill.

* :func:`topics` lists the topics (= nbgrader assignments) in learning order;
* :func:`generate_release` makes the student versions (``release/``) with
  ``nbgrader generate_assignment``;
* :func:`execute_notebooks` runs source notebooks with papermill and writes the
  published edition (``notebooks/``).

Grading lives in :mod:`torchcourse.classroom`; the proof that grading works
(every recorded fixture autograded) lives with the tests, in ``tests/proof.py``.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from .course import (GRADEBOOK_FILE, ROOT, CourseError, assignment_path, course_directory, db_url,
                     sqlite_url, step_folder)
from .gradebook import create_gradebook
from .markers import THREADS_VARIABLE
from .runner import run_nbgrader


#: The published edition (papermill's output); not an nbgrader folder.
PUBLISHED = "notebooks"


class PipelineError(CourseError):
    """A step of the pipeline failed; the message says which and why."""


# --------------------------------------------------------------------- topics

def topics(root: Path = ROOT) -> list[str]:
    """Topic ids (= nbgrader assignment ids) in learning order: ``source/<id>/<id>.ipynb``."""
    source = step_folder(root, "source")
    return sorted(p.parent.name for p in source.glob("*/*.ipynb") if p.stem == p.parent.name)


def source_path(topic: str, root: Path = ROOT) -> Path:
    return assignment_path(root, "source", ".", topic) / f"{topic}.ipynb"


def release_path(topic: str, root: Path = ROOT) -> Path:
    return assignment_path(root, "release", ".", topic) / f"{topic}.ipynb"


def published_path(topic: str, root: Path = ROOT) -> Path:
    return Path(root) / PUBLISHED / f"{topic}.ipynb"


def check_topics(requested: list[str] | None, root: Path = ROOT) -> list[str]:
    """Return ``requested`` (or every topic), failing clearly on unknown names."""
    known = topics(root)
    if not requested:
        return known
    unknown = [t for t in requested if t not in known]
    if unknown:
        raise PipelineError(f"unknown topic(s) {unknown}; known topics: {known}")
    return list(requested)


# -------------------------------------------------------------------- nbgrader

def generate_release(topic_ids: list[str], root: Path = ROOT) -> None:
    """Write ``release/<topic>/<topic>.ipynb`` for each topic with nbgrader.

    A SQLite gradebook that does not exist yet is created in-process first
    (:func:`torchcourse.gradebook.create_gradebook`), which saves nbgrader's
    slow schema probe of a new database.
    """
    url = db_url(root)
    if url == sqlite_url(root) and not (Path(root) / GRADEBOOK_FILE).exists():
        create_gradebook(url, course_directory(root).course_id)
    for topic in topic_ids:
        run_nbgrader(["generate_assignment", topic, "--force"], root)


# -------------------------------------------------------------------- papermill

def coalesce_streams(nb) -> None:
    """Merge consecutive stream outputs of the same name (stdout, stderr) in each cell.

    The kernel sends what a cell prints in chunks, flushed by a timer, so one
    ``print`` can arrive as one output or two depending on load: merging makes
    the file independent of timing. The text is kept byte for byte (unlike
    nbconvert's CoalesceStreamsPreprocessor, which also collapses ``\\r``).
    nbval merges streams itself before comparing, so it sees no difference.
    """
    for cell in (c for c in nb.cells if c.cell_type == "code"):
        merged = []
        for out in cell.outputs:
            if (merged and out.output_type == "stream" and merged[-1].output_type == "stream"
                    and merged[-1].name == out.name):
                merged[-1].text += out.text
            else:
                merged.append(out)
        cell.outputs = merged


def clean_papermill_metadata(nb) -> None:
    """Make an executed notebook depend only on what its cells computed.

    Drops papermill's timestamps, durations and random ids and merges split
    stream outputs (:func:`coalesce_streams`), so two builds give identical files.
    """
    coalesce_streams(nb)
    params = nb.metadata.get("papermill", {}).get("parameters")
    nb.metadata.pop("papermill", None)
    if params is not None:
        nb.metadata["papermill"] = {"parameters": params}
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if cell.metadata.get("tags") == []:
            del cell.metadata["tags"]
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"  # papermill gives it a random id


def execute_notebook(topic: str, output: Path, *, device: str = "auto", seed: int = 0,
                     timeout: int = 600, root: Path = ROOT) -> float:
    """Execute one source notebook with papermill into ``output``; return seconds taken.

    The kernel runs in a fresh temporary folder, so files a lesson writes (a
    saved model, say) never land in the repository.
    """
    output = Path(output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix=f"run-{topic}-") as workdir:
        cmd = [sys.executable, "-m", "papermill", str(source_path(topic, root)), str(output),
               "-k", "python3", "--cwd", workdir, "--execution-timeout", str(timeout),
               "--no-progress-bar", "-p", "device", device, "-p", "seed", str(seed)]
        # one thread, so that the published numbers never depend on the machine's core count
        proc = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, **{THREADS_VARIABLE: "1"}))
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise PipelineError(f"papermill failed on {topic} (device={device}); the output "
                            f"notebook {output} shows the failing cell.\n{proc.stderr[-4000:]}")
    nb = nbformat.read(output, as_version=4)
    clean_papermill_metadata(nb)
    nbformat.write(nb, output)
    return seconds


def execute_notebooks(topic_ids: list[str], output_dir: Path, *, device: str = "auto",
                      seed: int = 0, workers: int | None = None, timeout: int = 600,
                      root: Path = ROOT, report=print) -> dict[str, float]:
    """Execute several notebooks in parallel; return ``{topic: seconds}``.

    Every notebook is attempted; failures are collected and raised together.
    """
    workers = workers or os.cpu_count() or 1
    times, failures = {}, []
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(execute_notebook, t, Path(output_dir) / f"{t}.ipynb",
                               device=device, seed=seed, timeout=timeout, root=root): t
                   for t in topic_ids}
        for n, future in enumerate(concurrent.futures.as_completed(futures), 1):
            topic = futures[future]
            try:
                times[topic] = future.result()
                report(f"[{n}/{len(futures)}] executed {topic} in {times[topic]:.1f} s")
            except PipelineError as err:
                failures.append(str(err))
                report(f"[{n}/{len(futures)}] FAILED {topic}")
    if failures:
        raise PipelineError("\n\n".join(failures))
    return times
