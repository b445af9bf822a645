"""The published edition must be exactly what a build gives, on any machine.

* Published outputs must not depend on the machine's core count: the main test
  run checks the published edition with nbval on this machine, and this module
  checks it again pinned to a single CPU core with single-threaded maths
  libraries, the setting in which float sums most often differ.
* Builds must be byte-identical: the kernel splits printed text into chunks by
  timing, so the build merges split stream outputs; one topic is executed twice,
  under different thread settings and load, and compared with ``notebooks/``.
"""

import copy
import os
import shutil
import subprocess
import sys

import nbformat
from nbformat.v4 import new_code_cell, new_notebook, new_output
from nbval.plugin import coalesce_streams as nbval_coalesce

from torchcourse import pipeline

FAST_TOPIC = "06_nn_module"  # the quickest lesson to execute (about 10 s)


_one_core_run: list = []


def start_one_core_nbval() -> subprocess.Popen:
    """Start nbval over the published edition pinned to one core, once per session, in the
    background; conftest.py starts it when the main nbval pass begins, so the two run side by side."""
    if not _one_core_run:
        notebooks = [str(pipeline.published_path(t)) for t in pipeline.topics()]
        cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval", *notebooks,
               "--nbval-sanitize-with", str(pipeline.ROOT / "tests" / "nbval_sanitize.cfg")]
        if shutil.which("taskset"):
            cmd = ["taskset", "-c", "0", *cmd]
        env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
        _one_core_run.append(subprocess.Popen(cmd, cwd=pipeline.ROOT, env=env, text=True,
                                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT))
    return _one_core_run[0]


def test_published_outputs_reproduce_on_one_core():
    proc = start_one_core_nbval()
    output, _ = proc.communicate()
    assert proc.returncode == 0, f"nbval on one core failed:\n{output[-8000:]}"


def test_split_stream_outputs_are_merged_and_text_kept():
    """One print arriving in two chunks becomes one output; order, other outputs and
    every character (\\r included) are kept; the notebook stays valid and nbval,
    which merges streams before comparing, sees the same outputs as before."""
    def stream(name, text):
        return new_output("stream", name=name, text=text)
    picture = new_output("display_data", data={"text/plain": "<Figure>"})
    outputs = [stream("stdout", "a = 1"), stream("stdout", "\n"), stream("stderr", "warn"),
               stream("stderr", "ing\r\n"), stream("stdout", "b\n"), picture, stream("stdout", "c\n")]
    nb = new_notebook(cells=[new_code_cell("run()", execution_count=1, outputs=outputs)])
    before = copy.deepcopy(nb.cells[0].outputs)

    pipeline.clean_papermill_metadata(nb)

    nbformat.validate(nb)
    got = [(o.output_type, o.get("name"), o.get("text")) for o in nb.cells[0].outputs]
    assert got == [("stream", "stdout", "a = 1\n"), ("stream", "stderr", "warning\r\n"),
                   ("stream", "stdout", "b\n"), ("display_data", None, None),
                   ("stream", "stdout", "c\n")]
    assert nbval_coalesce(copy.deepcopy(nb.cells[0].outputs)) == nbval_coalesce(before)


def _first_difference(path_a, path_b) -> str:
    """Say where two notebook files differ: the first differing cell, or the metadata."""
    a, b = (nbformat.read(p, as_version=4) for p in (path_a, path_b))
    for i, (ca, cb) in enumerate(zip(a.cells, b.cells)):
        if ca != cb:
            what = "outputs" if ca.get("outputs") != cb.get("outputs") else "source or metadata"
            first_line = (ca.source.splitlines() or [""])[0]
            return f"cell {i} (id {ca.get('id')}, {first_line!r}) differs in its {what}"
    if len(a.cells) != len(b.cells):
        return f"{len(a.cells)} cells vs {len(b.cells)}"
    return "the notebook metadata or the JSON layout differs" if a != b else "only the bytes differ"


def test_two_builds_are_byte_identical_to_the_published_edition(tmp_path, monkeypatch):
    """Execute one topic twice as ``./course build`` does, the second time with one
    maths thread and a busy CPU; both files must equal ``notebooks/`` byte for byte."""
    first, second = tmp_path / "default.ipynb", tmp_path / "one_thread_busy.ipynb"
    pipeline.execute_notebook(FAST_TOPIC, first, device="cpu")
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    monkeypatch.setenv("MKL_NUM_THREADS", "1")
    busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        pipeline.execute_notebook(FAST_TOPIC, second, device="cpu")
    finally:
        busy.kill()
        busy.wait()

    assert first.read_bytes() == second.read_bytes(), (
        f"two builds of {FAST_TOPIC} differ: {_first_difference(first, second)}. Something in "
        "the output varies between runs; normalise it in pipeline.clean_papermill_metadata.")
    published = pipeline.published_path(FAST_TOPIC)
    assert first.read_bytes() == published.read_bytes(), (
        f"{published.relative_to(pipeline.ROOT)} is not what a build gives: "
        f"{_first_difference(published, first)}. Run `./course build` and commit notebooks/.")
