"""Benchmark: the class report on the grading benchmark's class, made big. Run: ./course benchmark report

The class of benchmarks/grading.py (same draw: tests/synthetic_class.py), with
S students (default 300) x every topic, is built graded from the grading
proof's and the adversarial suite's graded notebooks (from the evidence cache;
graded first if the cache lacks them), so nothing is graded here. Then
`write_reports --all` (what `./course report --all` runs) is timed twice (its
first run, and a second one that finds what it read in its cache), and its
top mistakes per topic are printed against the injected truth (how many
students were given each mistake). This is a report, not a test: nothing
here asserts on time.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import mistake_catalogue  # noqa: E402
import proof  # noqa: E402
import synthetic_class  # noqa: E402
from torchcourse import pipeline, report  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--topics", nargs="+", default=None)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=None, help="processes (default: cores)")
    parser.add_argument("--keep", default=None, help="keep the class and its report in this folder")
    args = parser.parse_args(argv)
    topics = pipeline.check_topics(args.topics)
    with tempfile.TemporaryDirectory(prefix="report-bench-") as tmp:
        tmp = Path(tmp)
        graded = proof.grade_topics(topics, tmp / "proof")
        attacked = synthetic_class.attacked_course(tmp / "attacked")
        start = time.perf_counter()
        cls = synthetic_class.build(Path(args.keep) if args.keep else tmp / "class",
                                    {t: graded[t].course_root for t in topics}, args.students,
                                    args.seed, attacked=attacked)
        built = time.perf_counter() - start
        n = args.students * len(topics)
        print(f"report benchmark: {args.students} students x {len(topics)} topics = {n} graded notebooks "
              f"(built in {built:.1f} s), {os.cpu_count()} cores, Python {platform.python_version()}",
              flush=True)
        for run in ("first run, every notebook read", "again, from reports/.cache"):
            start = time.perf_counter()
            written, reports, _ = report.write_reports(cls.course_root, all_assignments=True,
                                                       workers=args.workers)
            seconds = time.perf_counter() - start
            size = sum(p.stat().st_size for p in written) / 2**20
            print(f"./course report --all, {run}: {seconds:.1f} s ({1000 * seconds / n:.1f} ms per "
                  f"notebook), {len(written)} files, {size:.1f} MiB", flush=True)
        print()
        print("| topic | top mistake in the report | its count | injected (true count) |")
        print("|---|---|---|---|")
        for rep in reports:
            injected = Counter(k for k in cls.kinds[rep.assignment].values() if k.startswith("mistake--"))
            for cell, f in rep.top_failures(2):
                slugs = [mistake_catalogue.student_id(m["exercise"], m["slug"], m["headline"])
                         for m in f.mistakes]
                truth = sum(injected[s] for s in slugs)
                honest = sum(1 for s in f.students
                             if not cls.kinds[rep.assignment][s].startswith(synthetic_class.ATTACK))
                print(f"| {rep.assignment} | {cell}: {f.label[:70]} | {f.count} ({honest} honest) | {truth} |")
        reviewed = sum(len(r.review) for r in reports)
        print(f"\nstudents x topics flagged for review: {reviewed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
