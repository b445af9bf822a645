"""Benchmark: autograde a synthetic class serially and with N workers. Run: ./course benchmark-grading

A class of S synthetic students (default 40) for one topic, each submission
drawn (seeded) from the topic's recorded answers: the solutions, one recorded
mistake, or the recorded alternatives. The same submissions are graded

  serial    by plain `nbgrader autograde <topic>` (one process, one notebook at a time);
  parallel  by `./course autograde` (torchcourse.classroom.grade_class) with W workers;

both with the course's sandbox. Printed: wall time, notebooks per minute, the
serial/parallel ratio, and the per-notebook overhead of each path: its time
per notebook minus the time the notebook's code itself takes (the median
of a few bare nbclient runs of the solution, no nbgrader, no sandbox).
The grades of the two runs are compared cell by cell; any difference is an error.
This is a report, not a test: nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from torchcourse import classroom, pipeline


def synthetic_class(topic: str, course: Path, students: int, seed: int) -> dict[str, object]:
    """``{student: notebook}``: ``students`` submissions drawn from the recorded fixtures."""
    pool = pipeline.fixture_submissions(topic, course)
    names = sorted(pool)
    rng = random.Random(seed)
    return {f"student{i:03d}": pool[rng.choice(names)] for i in range(students)}


def make_course(topic: str, workdir: Path, submissions: dict[str, object]) -> Path:
    course = pipeline.make_course_copy([topic], workdir)
    pipeline.generate_release([topic], course)
    for student, nb in submissions.items():
        target = course / "submitted" / student / topic / f"{topic}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, target)
    return course


def bare_execution_seconds(topic: str, course: Path, repeats: int) -> float:
    """Median time nbclient takes to run the solved notebook: kernel start plus the cells."""
    from nbclient import NotebookClient

    release = nbformat.read(pipeline.release_path(topic, course), as_version=4)
    solved = pipeline.fill_in(release, pipeline.solution_answers(topic))
    times = []
    for _ in range(repeats):
        nb = nbformat.from_dict(solved)
        with tempfile.TemporaryDirectory() as cwd:
            start = time.perf_counter()
            NotebookClient(nb, timeout=600, kernel_name="python3",
                           resources={"metadata": {"path": cwd}}).execute()
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--topic", default="06_nn_module")
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeats", type=int, default=3, help="bare executions for the median")
    args = parser.parse_args(argv)
    topic, n = args.topic, args.students

    print(f"grading benchmark: {n} synthetic students of {topic}, {args.workers} worker(s), "
          f"{os.cpu_count()} cores, Python {platform.python_version()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="grading-bench-") as tmp:
        tmp = Path(tmp)
        probe = pipeline.make_course_copy([topic], tmp / "probe")
        pipeline.generate_release([topic], probe)
        submissions = synthetic_class(topic, probe, n, args.seed)
        bare = bare_execution_seconds(topic, probe, args.repeats)
        print(f"bare execution of one notebook (median of {args.repeats}): {bare:.1f} s", flush=True)

        serial_course = make_course(topic, tmp / "serial", submissions)
        start = time.perf_counter()
        try:
            pipeline.run_nbgrader(["autograde", topic, "--force"], serial_course)
        except pipeline.PipelineError as err:
            print(f"serial run reported errors:\n{str(err)[-2000:]}", file=sys.stderr)
        serial = time.perf_counter() - start
        print(f"serial   (nbgrader autograde): {serial:7.1f} s", flush=True)

        parallel_course = make_course(topic, tmp / "parallel", submissions)
        bar = classroom.ProgressBar(desc="parallel", file=sys.stderr)
        try:
            report = classroom.grade_class(parallel_course, topic, workers=args.workers, progress=bar)
        finally:
            bar.close()
        parallel = report.seconds
        print(f"parallel ({args.workers} workers):           {parallel:7.1f} s  "
              f"({report.summary()})", flush=True)

        students = sorted(submissions)
        a = pipeline.read_scores(serial_course, topic, students)
        b = pipeline.read_scores(parallel_course, topic, students)
        differ = [s for s in students if a[s] != b[s]]

    rows = [("serial, nbgrader autograde", serial, 1), (f"parallel, {args.workers} workers", parallel, args.workers)]
    print()
    print("| run | wall (s) | notebooks/min | s per notebook | overhead per notebook (s) |")
    print("|---|---|---|---|---|")
    for name, seconds, workers in rows:
        per = seconds / n
        # overhead: what each worker spends per notebook beyond running the notebook's code
        overhead = per * workers - bare
        print(f"| {name} | {seconds:.1f} | {60 * n / seconds:.1f} | {per:.2f} | {overhead:.2f} |")
    print(f"\nspeed-up serial/parallel: {serial / parallel:.2f}x; bare notebook: {bare:.1f} s; "
          f"grades identical: {'yes' if not differ else 'NO: ' + ', '.join(differ)}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
