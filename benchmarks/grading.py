"""Benchmark: autograde a synthetic class serially and with N workers. Run: ./course benchmark grading

A class of S synthetic students (default 40), each submitting every notebook
of the course (default: all topics; --topics picks some). Each submission is
drawn (seeded) from: the solutions, a recorded mistake, a recorded
alternative, the untouched (unanswered) release, and, in 06_nn_module (the
topic of the adversarial suite), for about a quarter of the class one of the
attacks of tests/adversarial.py (patching, exits, kernel kills, loops,
bombs, floods...). Cells time out after 20 s in both runs (the course default
is 120 s) so that the loops cost what they would on a tighter setting. The
same submissions are graded

  serial    by `./course autograde <topic> --workers 1` with the whole class in one batch:
            one `nbgrader autograde` process, one notebook at a time, then one merge;
  parallel  by `./course autograde <topic>` (torchcourse.classroom.grade_class) with W
            workers, one topic after the other;

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
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import adversarial  # noqa: E402
import proof  # noqa: E402
from synthetic_class import ATTACK, class_kinds  # noqa: E402
from torchcourse import classroom, pipeline  # noqa: E402


#: Both runs use this per-cell timeout (seconds) and the course's other limits.
CELL_TIMEOUT = 20


def synthetic_class(topic: str, course: Path, students: int, seed: int,
                    adversarial_share: float = 0.25) -> dict[str, tuple[str, object]]:
    """``{student: (kind, notebook)}`` for one topic: honest submissions drawn from the
    recorded fixtures (kind = fixture plan name: solutions, one mistake, alternatives,
    the untouched release) and, for the topic of the adversarial suite, ``adversarial_share``
    of the class submitting attacks from tests/adversarial.py that need no planted files
    (kind = ``attack--<name>``). Who submits what is drawn by tests/synthetic_class.py."""
    honest = proof.fixture_submissions(topic, course)
    release = nbformat.read(pipeline.release_path(topic, course), as_version=4)
    answers = proof.solution_answers(topic)
    attacks = {a.name: a for a in adversarial.ATTACKS}
    chosen = {}
    for student, kind in class_kinds(topic, students, seed, adversarial_share).items():
        if kind.startswith(ATTACK):
            chosen[student] = (kind, attacks[kind[len(ATTACK):]].build(release, answers))
        else:
            chosen[student] = (kind, honest[kind])
    return chosen


def make_course(topic_ids: list[str], workdir: Path, submissions: dict[str, dict[str, object]]) -> Path:
    """A course copy with ``submissions[topic][student]`` in ``submitted/``."""
    course = proof.new_course(topic_ids, workdir)
    for topic, by_student in submissions.items():
        proof.submit(topic, by_student, course)
    return course


def bare_execution_seconds(topic: str, course: Path, repeats: int) -> float:
    """Median time nbclient takes to run the solved notebook: kernel start plus the cells."""
    from nbclient import NotebookClient

    release = nbformat.read(pipeline.release_path(topic, course), as_version=4)
    solved = proof.fill_in(release, proof.solution_answers(topic))
    times = []
    for _ in range(repeats):
        nb = nbformat.from_dict(solved)
        with tempfile.TemporaryDirectory() as cwd:
            start = time.perf_counter()
            NotebookClient(nb, timeout=600, kernel_name="python3",
                           resources={"metadata": {"path": cwd}}).execute()
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def _minutes(seconds: float) -> str:
    return f"{seconds:.0f} s ({seconds / 60:.1f} min)"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--topics", nargs="+", default=None,
                        help="topic ids (default: every topic of the course)")
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeats", type=int, default=3, help="bare executions per topic for the median")
    args = parser.parse_args(argv)
    topic_ids = pipeline.check_topics(args.topics)
    n = args.students
    notebooks = n * len(topic_ids)

    print(f"grading benchmark: {n} synthetic students x {len(topic_ids)} topics = {notebooks} notebooks, "
          f"{args.workers} worker(s), {os.cpu_count()} cores, Python {platform.python_version()}",
          flush=True)
    with tempfile.TemporaryDirectory(prefix="grading-bench-") as tmp:
        tmp = Path(tmp)
        probe = proof.new_course(topic_ids, tmp / "probe")
        drawn = {topic: synthetic_class(topic, probe, n, args.seed) for topic in topic_ids}
        submissions = {topic: {s: nb for s, (_, nb) in by_student.items()} for topic, by_student in drawn.items()}
        counts: dict[str, int] = {}
        for by_student in drawn.values():
            for kind, _ in by_student.values():
                group = kind.split("--")[0] if "--" in kind else kind
                counts[group] = counts.get(group, 0) + 1
        print("class: " + ", ".join(f"{k} x{v}" for k, v in sorted(counts.items())), flush=True)
        bare = {topic: bare_execution_seconds(topic, probe, args.repeats) for topic in topic_ids}
        print("bare execution of one solved notebook (median of "
              f"{args.repeats}): " + ", ".join(f"{t} {s:.1f} s" for t, s in bare.items()), flush=True)

        serial_course = make_course(topic_ids, tmp / "serial", submissions)
        serial = {}
        for topic in topic_ids:
            report = classroom.grade_class(serial_course, topic, workers=1, batch_size=n,
                                           extra_args=[f"--Execute.timeout={CELL_TIMEOUT}"])
            serial[topic] = report.seconds
            print(f"serial   {topic}: {serial[topic]:7.1f} s  ({report.summary()})", flush=True)

        parallel_course = make_course(topic_ids, tmp / "parallel", submissions)
        parallel, differ, summaries = {}, [], []
        for topic in topic_ids:
            bar = classroom.ProgressBar(desc=f"parallel {topic}", file=sys.stderr)
            try:
                report = classroom.grade_class(parallel_course, topic, workers=args.workers, progress=bar,
                                               extra_args=[f"--Execute.timeout={CELL_TIMEOUT}"])
            finally:
                bar.close()
            parallel[topic] = report.seconds
            summaries.append(f"{topic}: {report.summary()}")
            print(f"parallel {topic}: {parallel[topic]:7.1f} s  ({report.summary()})", flush=True)
            students = report.students("graded")  # nbgrader rejects a few attacks outright in both runs
            a = classroom.read_scores(serial_course, topic, students)
            b = classroom.read_scores(parallel_course, topic, students)
            differ += [f"{topic}/{s}" for s in students if a[s] != b[s]]

    print("\n| topic | bare notebook (s) | serial (s) | parallel (s) | speed-up |")
    print("|---|---|---|---|---|")
    for topic in topic_ids:
        print(f"| {topic} | {bare[topic]:.1f} | {serial[topic]:.1f} | {parallel[topic]:.1f} "
              f"| {serial[topic] / parallel[topic]:.2f}x |")
    total_serial, total_parallel = sum(serial.values()), sum(parallel.values())
    mean_bare = statistics.mean(bare.values())
    rows = [("serial, one nbgrader autograde", total_serial, 1),
            (f"parallel, ./course autograde, {args.workers} workers", total_parallel, args.workers)]
    print(f"\n{notebooks} notebooks ({n} students x {len(topic_ids)} topics)\n")
    print("| run | wall | notebooks/min | s per notebook | overhead per notebook (s) |")
    print("|---|---|---|---|---|")
    for name, seconds, workers in rows:
        per = seconds / notebooks
        # overhead: what each worker spends per notebook beyond running the notebook's own code
        overhead = per * workers - mean_bare
        print(f"| {name} | {_minutes(seconds)} | {60 * notebooks / seconds:.1f} | {per:.2f} | {overhead:.2f} |")
    print(f"\nspeed-up serial/parallel: {total_serial / total_parallel:.2f}x; "
          f"mean bare notebook: {mean_bare:.1f} s; "
          f"grades identical: {'yes' if not differ else 'NO: ' + ', '.join(differ)}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
