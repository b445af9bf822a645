"""Benchmark: autograde a synthetic class serially and with N workers. Run: ./course benchmark-grading

A class of S synthetic students (default 40) for one topic (06_nn_module, the
topic of the adversarial suite), each submission drawn (seeded) from: the
solutions, a recorded mistake, the recorded alternatives, the untouched
(unanswered) release, and, for about a quarter of the class, one of the
attacks of tests/adversarial.py (patching, exits, kernel kills, loops,
bombs, floods...). Cells time out after 20 s in both runs (the course default
is 120 s) so that the loops cost what they would on a tighter setting. The
same submissions are graded

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


#: Both runs use this per-cell timeout (seconds) and the course's other limits.
CELL_TIMEOUT = 20


def synthetic_class(topic: str, course: Path, students: int, seed: int,
                    adversarial_share: float = 0.25) -> dict[str, tuple[str, object]]:
    """``{student: (kind, notebook)}``: honest submissions drawn from the recorded
    fixtures (kind = fixture plan name) and, for ``adversarial_share`` of the class,
    attacks from tests/adversarial.py that need no planted files (kind = attack name)."""
    sys.path.insert(0, str(pipeline.ROOT / "tests"))
    import adversarial

    honest = pipeline.fixture_submissions(topic, course)
    release = nbformat.read(pipeline.release_path(topic, course), as_version=4)
    answers = pipeline.solution_answers(topic)
    attacks = [a for a in adversarial.ATTACKS if a.plant is None] if topic == adversarial.TOPIC else []
    rng = random.Random(seed)
    chosen = {}
    for i in range(students):
        if attacks and rng.random() < adversarial_share:
            attack = rng.choice(attacks)
            chosen[f"student{i:03d}"] = (attack.name, attack.build(release, answers))
        else:
            kind = rng.choice(sorted(honest))
            chosen[f"student{i:03d}"] = (kind, honest[kind])
    return chosen


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
        drawn = synthetic_class(topic, probe, n, args.seed)
        submissions = {s: nb for s, (_, nb) in drawn.items()}
        kinds = sorted({kind for kind, _ in drawn.values()})
        print(f"class: {', '.join(f'{k} x{sum(v[0] == k for v in drawn.values())}' for k in kinds)}",
              flush=True)
        bare = bare_execution_seconds(topic, probe, args.repeats)
        print(f"bare execution of one notebook (median of {args.repeats}): {bare:.1f} s", flush=True)

        serial_course = make_course(topic, tmp / "serial", submissions)
        start = time.perf_counter()
        try:
            pipeline.run_nbgrader(["autograde", topic, "--force", f"--Execute.timeout={CELL_TIMEOUT}"],
                                  serial_course)
        except pipeline.PipelineError as err:
            print(f"serial run reported errors:\n{str(err)[-2000:]}", file=sys.stderr)
        serial = time.perf_counter() - start
        print(f"serial   (nbgrader autograde): {serial:7.1f} s", flush=True)

        parallel_course = make_course(topic, tmp / "parallel", submissions)
        bar = classroom.ProgressBar(desc="parallel", file=sys.stderr)
        try:
            report = classroom.grade_class(parallel_course, topic, workers=args.workers, progress=bar,
                                           extra_args=[f"--Execute.timeout={CELL_TIMEOUT}"])
        finally:
            bar.close()
        parallel = report.seconds
        print(f"parallel ({args.workers} workers):           {parallel:7.1f} s  "
              f"({report.summary()})", flush=True)

        students = report.students("graded")  # nbgrader rejects a few attacks outright in both runs
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
