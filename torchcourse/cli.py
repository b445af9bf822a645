"""./course: build, check, grade and serve the PyTorch fundamentals course."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
from tqdm import tqdm

from . import pipeline
from .authoring import problems_in_source
from .pipeline import ROOT, PipelineError


def cmd_release(args) -> int:
    chosen = pipeline.check_topics(args.topics)
    pipeline.generate_release(chosen)
    print(f"release/ regenerated for {len(chosen)} topic(s): {', '.join(chosen)}")
    return 0


def cmd_execute(args) -> int:
    chosen = pipeline.check_topics(args.topics)
    out = Path(args.output_dir)
    print(f"executing {len(chosen)} notebook(s) on device={args.device} into {out}/ "
          f"with {args.workers or os.cpu_count()} worker(s)")
    times = pipeline.execute_notebooks(chosen, out, device=args.device, seed=args.seed,
                                       workers=args.workers, timeout=args.timeout)
    print(f"done: {sum(times.values()):.1f} s of notebook time")
    return 0


def cmd_build(args) -> int:
    """Everything a learner or CI needs, headless: student versions + published edition."""
    cmd_check(args)
    cmd_release(args)
    args.output_dir, args.device = ROOT / pipeline.PUBLISHED, "cpu"
    return cmd_execute(args)


def cmd_check(args) -> int:
    bad = 0
    for topic in pipeline.check_topics(getattr(args, "topics", None)):
        for problem in problems_in_source(nbformat.read(pipeline.source_path(topic), as_version=4)):
            print(f"{topic}: {problem}", file=sys.stderr)
            bad += 1
    if bad:
        raise PipelineError(f"{bad} problem(s) in source notebooks (listed above)")
    return 0


def cmd_fixtures(args) -> int:
    chosen = pipeline.check_topics(args.topics)
    plans = {t: pipeline.fixture_plan(t) for t in chosen}
    total = sum(map(len, plans.values()))
    with tempfile.TemporaryDirectory(prefix="course-fixtures-") as tmp:
        with tqdm(total=total, unit="notebook", desc="autograding", dynamic_ncols=True) as bar:
            results = pipeline.grade_fixtures_parallel(chosen, Path(tmp), workers=args.workers,
                                                       on_graded=lambda: bar.update())
        failed = 0
        for topic, graded in results.items():
            print(f"\n{topic}: {len(graded.scores)} submissions autograded in {graded.seconds:.1f} s")
            for student, included in plans[topic].items():
                wrong = pipeline.unexpected_scores(graded, student, included)
                failed += bool(wrong)
                cells = graded.scores[student]
                print(f"  {'FAIL' if wrong else 'ok  '} {student:60s} "
                      f"{sum(s for s, _ in cells.values()):5g}/{sum(m for _, m in cells.values()):g}  "
                      + " ".join(f"{c}={got:g} (want {want:g})" for c, (got, want) in wrong.items()))
    if failed:
        print(f"\n{failed} submission(s) did not score as expected", file=sys.stderr)
    return 1 if failed else 0


def cmd_autograde(args) -> int:
    """Autograde submitted/ for each assignment with N sandboxed workers (torchcourse/classroom.py)."""
    from . import classroom

    status = 0
    for assignment in pipeline.check_topics(args.assignments):
        bar = classroom.ProgressBar(desc=assignment)
        try:
            report = classroom.grade_class(
                ROOT, assignment, workers=args.workers, force=args.force,
                students=args.student or None, batch_size=args.batch_size, progress=bar)
        except classroom.GradingError as err:
            raise PipelineError(str(err)) from err
        finally:
            bar.close()
        print(report.summary())
        for student in report.students("crashed") + report.students("rejected"):
            outcome = report.outcomes[student]
            print(f"  {outcome.status}: {student}: {outcome.reason}")
            status = 1
    if status:
        print("Some submissions were not graded (details in autograded/<assignment>.grading.json); "
              "they are flagged in `./course export`.", file=sys.stderr)
    return status


def cmd_export(args) -> int:
    """nbgrader export with the course's review columns (needs_review, review_reasons)."""
    return subprocess.call([sys.executable, "-m", "nbgrader", "export", "--to", args.to], cwd=ROOT)


def cmd_validate(args) -> int:
    """nbgrader validate, sandboxed: run a notebook's tests as autograde would, before submitting."""
    from .sandbox import SandboxError, validate

    status = 0
    for notebook in args.notebooks:
        try:
            proc = validate(notebook)
        except (SandboxError, FileNotFoundError) as err:
            raise PipelineError(str(err)) from err
        print(proc.stdout, end="")
        if proc.returncode != 0:
            print(proc.stderr[-3000:], file=sys.stderr)
        status = status or proc.returncode
    return status


def cmd_test(args) -> int:
    sanitize = ROOT / "tests" / "nbval_sanitize.cfg"
    cmd = [sys.executable, "-m", "pytest", "tests", pipeline.PUBLISHED, "--nbval",
           "--nbval-sanitize-with", str(sanitize), *args.pytest_args]
    return subprocess.call(cmd, cwd=ROOT)


def cmd_nbgrader(args) -> int:
    """Run nbgrader in the course root with the course's environment."""
    return subprocess.call([sys.executable, "-m", "nbgrader", *args.nbgrader_args], cwd=ROOT)


def cmd_benchmark(args) -> int:
    """Print papermill and autograde timings per notebook (benchmarks/timings.py), or with
    `grading` first, serial vs parallel autograde of a synthetic class (benchmarks/grading.py)."""
    rest = list(args.benchmark_args)
    script = "timings.py"
    if rest[:1] == ["grading"]:
        script, rest = "grading.py", rest[1:]
    return subprocess.call([sys.executable, str(ROOT / "benchmarks" / script), *rest], cwd=ROOT)


def cmd_start(args) -> int:
    """Build the student versions, then serve the course in JupyterLab (which replaces this process)."""
    if not args.no_build:
        cmd_release(argparse.Namespace(topics=None))
    cmd = ["jupyter", "lab", "--no-browser", "--ip", args.ip, "--port", str(args.port),
           f"--ServerApp.root_dir={ROOT}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    print("starting JupyterLab; open the URL it prints. Learners: open release/<topic>/. "
          "Stop with Ctrl-C.", flush=True)
    # JupyterLab takes this process's place, so Ctrl-C or a SIGTERM (a supervisor, a
    # container stop) reaches it directly instead of leaving it running, orphaned.
    os.chdir(ROOT)
    os.execvp(cmd[0], cmd)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="./course", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def with_topics(p):
        p.add_argument("topics", nargs="*", help="topic ids (default: all), e.g. 01_tensors")
        return p

    def with_execution(p):
        p.add_argument("--seed", type=int, default=0, help="the notebooks' seed parameter (default 0)")
        p.add_argument("--workers", type=int, default=None, help="notebooks run at once (default: cores)")
        p.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell (default 600)")
        return p

    p = sub.add_parser("start", help="build the student versions and open the course in JupyterLab (main job)")
    p.add_argument("--port", type=int, default=8888)
    p.add_argument("--ip", default="127.0.0.1")
    p.add_argument("--no-build", action="store_true", help="skip regenerating release/")
    p.set_defaults(func=cmd_start)

    p = with_execution(with_topics(sub.add_parser(
        "build", help="headless build: check sources, regenerate release/ and notebooks/ (CPU)")))
    p.set_defaults(func=cmd_build)

    p = with_topics(sub.add_parser("release", help="regenerate release/ with nbgrader generate_assignment"))
    p.set_defaults(func=cmd_release)

    p = with_execution(with_topics(sub.add_parser(
        "execute", help="run notebooks with papermill (e.g. --device cuda on a GPU runner)")))
    p.add_argument("--device", default="auto", help="auto, cpu, cuda or mps (default auto)")
    p.add_argument("--output-dir", default="executed", help="where executed notebooks go (default executed/)")
    p.set_defaults(func=cmd_execute)

    p = with_topics(sub.add_parser("check", help="check source notebooks against the course's rules"))
    p.set_defaults(func=cmd_check)

    p = with_topics(sub.add_parser(
        "fixtures", help="autograde release, solutions and recorded fixtures; print a score table"))
    p.add_argument("--workers", type=int, default=None)
    p.set_defaults(func=cmd_fixtures)

    p = sub.add_parser("autograde", help="autograde every submission in submitted/ with N sandboxed "
                       "workers; resumes, skipping unchanged submissions already graded")
    p.add_argument("assignments", nargs="*", help="assignment (topic) ids (default: all)")
    p.add_argument("--workers", type=int, default=None, help="notebooks graded at once (default: cores)")
    p.add_argument("--force", action="store_true", help="regrade unchanged submissions too")
    p.add_argument("--student", action="append", help="grade only this student (repeatable)")
    p.add_argument("--batch-size", type=int, default=None, help="students per nbgrader process")
    p.set_defaults(func=cmd_autograde)

    p = sub.add_parser("validate", help="check a notebook before submitting: run its tests as "
                       "autograde would, inside the sandbox")
    p.add_argument("notebooks", nargs="+", help="notebook files, e.g. release/01_tensors/01_tensors.ipynb")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("export", help="write the grades CSV, with needs_review and review_reasons")
    p.add_argument("--to", default="grades.csv", help="output file (default grades.csv)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("nbgrader", help="run any nbgrader command in the course root, e.g. "
                       "./course nbgrader autograde 01_tensors")
    p.add_argument("nbgrader_args", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_nbgrader)

    p = sub.add_parser("benchmark", help="print papermill and autograde times per notebook; "
                       "`benchmark grading` compares serial and parallel autograde of a class")
    p.add_argument("benchmark_args", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_benchmark)

    p = sub.add_parser("test", help="run the full test suite (what CI runs)")
    p.add_argument("pytest_args", nargs=argparse.REMAINDER, help="extra arguments for pytest")
    p.set_defaults(func=cmd_test)
    return top


def main(argv: list[str] | None = None) -> int:
    top = parser()
    args, extra = top.parse_known_args(argv)
    passthrough = {"test": "pytest_args", "nbgrader": "nbgrader_args", "benchmark": "benchmark_args"}
    if extra and args.command not in passthrough:
        top.error(f"unrecognized arguments: {' '.join(extra)}")
    if args.command in passthrough:  # options such as -k or --force go to the wrapped tool
        setattr(args, passthrough[args.command], getattr(args, passthrough[args.command]) + extra)
    try:
        return args.func(args)
    except PipelineError as err:
        print(f"course: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
