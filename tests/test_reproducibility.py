"""Published outputs must not depend on the machine's core count.

The main test run checks the published edition with nbval on this machine.
This test checks it again pinned to a single CPU core with single-threaded
maths libraries, the setting in which float sums most often differ.
"""

import os
import shutil
import subprocess
import sys

from torchcourse import pipeline


def test_published_outputs_reproduce_on_one_core():
    notebooks = [str(pipeline.published_path(t)) for t in pipeline.topics()]
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval", *notebooks,
           "--nbval-sanitize-with", str(pipeline.ROOT / "tests" / "nbval_sanitize.cfg")]
    if shutil.which("taskset"):
        cmd = ["taskset", "-c", "0", *cmd]
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    proc = subprocess.run(cmd, cwd=pipeline.ROOT, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, f"nbval on one core failed:\n{proc.stdout[-6000:]}\n{proc.stderr[-2000:]}"
