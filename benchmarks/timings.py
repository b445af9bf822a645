"""Print how long the course pipeline takes, per notebook. Run: ./course benchmark

Figures (wall-clock seconds, this machine, one run each):
  papermill   executing the source notebook (kernel start, imports and cells)
  autograde   `nbgrader autograde` of k solution submissions of the notebook, for
              k = 1 and k = K; the difference / (K - 1) is the time per extra
              notebook, the rest is nbgrader's fixed start-up
This is a report, not a test: nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import torch

from torchcourse import pipeline


def papermill_seconds(topic: str, workdir: Path) -> float:
    return pipeline.execute_notebook(topic, workdir / f"{topic}.ipynb", device="cpu")


def autograde_seconds(topic: str, students: int, workdir: Path) -> float:
    course = pipeline.make_course_copy([topic], workdir)
    pipeline.generate_release([topic], course)
    release = nbformat.read(pipeline.release_path(topic, course), as_version=4)
    solved = pipeline.fill_in(release, pipeline.solution_answers(topic))
    start = time.perf_counter()
    pipeline.autograde(topic, {f"student{i:03d}": solved for i in range(students)}, course)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topics", nargs="*")
    parser.add_argument("--students", type=int, default=4, help="K, submissions in the larger autograde run")
    args = parser.parse_args()
    chosen = pipeline.check_topics(args.topics)
    print(f"machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}, torch {torch.__version__}")
    width = max(map(len, chosen), default=5)
    print(f"{'topic':{width}s} {'papermill s':>12s} {'autograde 1 s':>14s} {'autograde ' + str(args.students) + ' s':>14s}"
          f" {'per notebook s':>15s} {'fixed s':>8s}")
    with tempfile.TemporaryDirectory(prefix="course-bench-") as tmp:
        tmp = Path(tmp)
        for topic in chosen:
            run = papermill_seconds(topic, tmp)
            one = autograde_seconds(topic, 1, tmp / f"{topic}-1")
            many = autograde_seconds(topic, args.students, tmp / f"{topic}-k")
            per = (many - one) / (args.students - 1)
            print(f"{topic:{width}s} {run:12.1f} {one:14.1f} {many:14.1f} {per:15.1f} {one - per:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
