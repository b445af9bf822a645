"""Print where the time of running and grading a notebook goes. Run: ./course benchmark [topic ...]

Two tables (wall-clock seconds on this machine; medians of --repeats runs):

1. papermill: executing each source notebook as the build does.
2. the cost of one graded submission, split into its parts, for each topic:

   nbgrader start   one `nbgrader` process: interpreter, imports, nbgrader_config.py,
                    gradebook (paid once per batch of a worker, and once per merge)
   sandbox probe    check_sandbox(), once per nbgrader process
   sandbox set-up   a Sandbox for one notebook: scratch copy, cgroups, clean-up
   kernel start     a sandboxed kernel up and running an empty cell
   import torch     the notebook's first `import torch`
   cells            the rest of the solved notebook (its own work)
   nbgrader, rest   the autograde of one notebook beyond those (copies, preprocessors,
                    gradebook writes), from the class grader's real run
   merge            recording one notebook's grades (`autograde --no-execute`)

   The last column is what the class grader really took per notebook, grading
   K copies of the solution with one worker in one batch (--students K).

This is a report, not a test: nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import proof  # noqa: E402
from torchcourse import classroom, pipeline, sandbox  # noqa: E402
from torchcourse.sandboxed_execute import SandboxedExecute  # noqa: E402


def median_seconds(run, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def sandboxed_run(nb, folder: Path):
    """Execute ``nb`` as autograde does (SandboxedExecute), in ``folder``."""
    executed, _ = SandboxedExecute(timeout=600).preprocess(nbformat.from_dict(nb),
                                                           {"metadata": {"path": str(folder)}})
    errors = [o for c in executed.cells for o in c.get("outputs", []) if o.output_type == "error"]
    if errors:
        raise RuntimeError(f"the benchmark notebook failed: {errors[0]}")


def one_cell(source: str, kernelspec: dict):
    return new_notebook(cells=[new_code_cell(source)], metadata={"kernelspec": kernelspec})


def submission_cost(topic: str, workdir: Path, students: int, repeats: int) -> dict[str, float]:
    course = proof.new_course([topic], workdir / "course")
    release = nbformat.read(pipeline.release_path(topic, course), as_version=4)
    solved = proof.fill_in(release, proof.solution_answers(topic))
    folder = workdir / "student"
    folder.mkdir()
    spec = release.metadata["kernelspec"]
    parts = {}
    parts["nbgrader start"] = median_seconds(lambda: subprocess.run(
        [sys.executable, "-m", "nbgrader", "db", "assignment", "list"], cwd=course,
        capture_output=True, check=True), repeats)
    parts["sandbox probe"] = median_seconds(sandbox.check_sandbox.__wrapped__, repeats)

    def set_up():
        with sandbox.Sandbox(folder):
            pass
    parts["sandbox set-up"] = median_seconds(set_up, repeats)
    empty = median_seconds(lambda: sandboxed_run(one_cell("pass", spec), folder), repeats)
    parts["kernel start"] = empty - parts["sandbox set-up"]
    torch_only = median_seconds(lambda: sandboxed_run(one_cell("import torch", spec), folder), repeats)
    parts["import torch"] = torch_only - empty
    whole = median_seconds(lambda: sandboxed_run(solved, folder), repeats)
    parts["cells"] = whole - torch_only

    proof.submit(topic, {f"student{i:03d}": solved for i in range(students)}, course)
    report = classroom.grade_class(course, topic, workers=1, batch_size=students, force=True)
    per_notebook = report.seconds / students
    parts["merge"] = report.merge_seconds / students
    worker_share = (report.seconds - report.merge_seconds) / students
    parts["nbgrader, rest"] = worker_share - (parts["nbgrader start"] + parts["sandbox probe"]) / students - whole
    parts["graded, per notebook"] = per_notebook
    return parts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topics", nargs="*")
    parser.add_argument("--students", type=int, default=4, help="K, solution copies graded per topic")
    parser.add_argument("--repeats", type=int, default=3, help="runs per median")
    parser.add_argument("--no-papermill", action="store_true", help="skip the papermill table")
    args = parser.parse_args()
    chosen = pipeline.check_topics(args.topics)
    import torch

    print(f"machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}, torch {torch.__version__}", flush=True)
    width = max(map(len, chosen), default=5)
    with tempfile.TemporaryDirectory(prefix="course-bench-") as tmp:
        tmp = Path(tmp)
        if not args.no_papermill:
            print(f"\n{'topic':{width}s} {'papermill s':>12s}")
            for topic in chosen:
                seconds = pipeline.execute_notebook(topic, tmp / f"{topic}.ipynb", device="cpu")
                print(f"{topic:{width}s} {seconds:12.1f}", flush=True)
        rows = {}
        for topic in chosen:
            rows[topic] = submission_cost(topic, tmp / topic, args.students, args.repeats)
            print(f"measured {topic}", file=sys.stderr, flush=True)
    names = list(next(iter(rows.values())))
    print("\n| topic | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for topic, parts in rows.items():
        print(f"| {topic} | " + " | ".join(f"{parts[n]:.2f}" for n in names) + " |")
    mean = {n: statistics.mean(r[n] for r in rows.values()) for n in names}
    print("| mean | " + " | ".join(f"{mean[n]:.2f}" for n in names) + " |")
    print(f"\n(K = {args.students} copies per topic, one worker, one batch: nbgrader start and the "
          f"probe are paid once per batch and once per merge, i.e. /K per notebook)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
