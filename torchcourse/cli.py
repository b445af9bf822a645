"""./course: build, check, grade and serve the PyTorch fundamentals course."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import nbformat

from . import pipeline
from .authoring import fix_source, new_topic, problems_in_source
from .course import CourseError
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
    """List what breaks the course's rules; with --fix, first repair what can be (authoring.fix_source)."""
    bad = 0
    for topic in pipeline.check_topics(getattr(args, "topics", None)):
        path = pipeline.source_path(topic)
        nb = nbformat.read(path, as_version=4)
        if getattr(args, "fix", False):
            changes = fix_source(nb)
            if changes:
                nbformat.write(nb, path)
            for change in changes:
                print(f"{topic}: fixed: {change}")
        for problem in problems_in_source(nb):
            print(f"{topic}: {problem}", file=sys.stderr)
            bad += 1
    if bad:
        raise PipelineError(f"{bad} problem(s) in source notebooks (listed above)")
    return 0


def cmd_new_topic(args) -> int:
    """Scaffold source/<id>/<id>.ipynb and its fixture folders (authoring.new_topic)."""
    try:
        written = new_topic(ROOT, args.topic_id, args.title)
    except ValueError as err:
        raise PipelineError(str(err)) from err
    for path in written:
        print(f"wrote {path.relative_to(ROOT)}")
    print(f"Next: fill in every TODO(author) in JupyterLab (./course start), then "
          f"./course check --fix {args.topic_id} and ./course fixtures {args.topic_id}.")
    return 0


def cmd_fixtures(args) -> int:
    """The grading proof for some topics, fresh (no evidence cache), as a score table (tests/proof.py)."""
    return subprocess.call([sys.executable, str(ROOT / "tests" / "proof.py"), *args.fixtures_args], cwd=ROOT)


def cmd_autograde(args) -> int:
    """Autograde submitted/ for each assignment with N sandboxed workers (torchcourse/classroom.py)."""
    from . import classroom

    status = 0
    try:
        shard = classroom.parse_shard(args.shard) if args.shard else None
    except ValueError as err:
        raise PipelineError(str(err)) from err
    for assignment in pipeline.check_topics(args.assignments):
        bar = classroom.ProgressBar(desc=assignment + (f" shard {args.shard}" if shard else ""))
        try:
            report = classroom.grade_class(
                ROOT, assignment, workers=args.workers, force=args.force, shard=shard,
                students=args.student or None, batch_size=args.batch_size, progress=bar)
        except CourseError as err:
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


def cmd_grade(args) -> int:
    """A learner's own grade: autograde a notebook copy with the hidden tests, in the sandbox
    (torchcourse/selfgrade.py). Exit 0 with full marks, 1 otherwise."""
    from .selfgrade import grade_notebook

    status = 0
    for notebook in args.notebooks:
        print(f"grading {notebook} with the hidden tests, in the sandbox (your file is not changed)...",
              flush=True)
        result = grade_notebook(notebook)
        print(result.table())
        print(f"\n{result.topic}: {result.score:g} / {result.max_score:g} in {result.seconds:.0f} s")
        status = status or int(result.score < result.max_score)
    return status


def cmd_feedback(args) -> int:
    """nbgrader generate_feedback, with the hidden tests' code removed unless asked for."""
    status = 0
    for assignment in pipeline.check_topics(args.assignments):
        cmd = [sys.executable, "-m", "nbgrader", "generate_feedback", assignment, "--force"]
        cmd += [f"--student={args.student}"] if args.student else []
        if args.show_hidden_tests:
            cmd.append("--HideTestCode.show_hidden_tests=True")
        status = status or subprocess.call(cmd, cwd=ROOT)
    where = "feedback/<student>/<assignment>/<assignment>.html"
    print(f"feedback written to {where}; hidden tests {'SHOWN' if args.show_hidden_tests else 'hidden'}, "
          "every check's message and hint kept")
    return status


def cmd_report(args) -> int:
    """The class report: item analysis, common mistakes, students to review (torchcourse/report.py)."""
    from .report import write_reports

    try:
        written, reports, seconds = write_reports(ROOT, args.assignments or None, all_assignments=args.all,
                                                  output=args.output)
    except ValueError as err:
        raise PipelineError(str(err)) from err
    for report in reports:
        print(f"{report.assignment}: {len(report.totals)} graded, {len(report.review)} to review")
        for cell, failure in report.top_failures(3):
            print(f"  {failure.count:4d} ({100 * failure.share:.0f} %) {cell}: {failure.label[:100]}")
    print(f"wrote {len(written)} file(s) in {seconds:.1f} s, e.g. {written[0] if written else '-'}")
    return 0


def cmd_test(args) -> int:
    """pytest over tests/ and the published edition (nbval). ``--full`` ignores the evidence
    cache (tests/evidence.py); ``--shard K/N`` runs one share of the grading proof."""
    sanitize = ROOT / "tests" / "nbval_sanitize.cfg"
    cmd = [sys.executable, "-m", "pytest", "tests", pipeline.PUBLISHED, "--nbval",
           "--nbval-sanitize-with", str(sanitize), *args.pytest_args]
    env = dict(os.environ)
    if args.full:
        env["TORCHCOURSE_EVIDENCE"] = "off"
    if args.shard:
        from .classroom import parse_shard
        try:
            parse_shard(args.shard)
        except ValueError as err:
            raise PipelineError(str(err)) from err
        env["TORCHCOURSE_TEST_SHARD"] = args.shard
    return subprocess.call(cmd, cwd=ROOT, env=env)


def cmd_nbgrader(args) -> int:
    """Run nbgrader in the course root with the course's environment."""
    return subprocess.call([sys.executable, "-m", "nbgrader", *args.nbgrader_args], cwd=ROOT)


def cmd_benchmark(args) -> int:
    """Print papermill and autograde timings per notebook (benchmarks/timings.py), or with
    `grading` first, serial vs parallel autograde of a synthetic class (benchmarks/grading.py), or with
    `report` first, the class report on hundreds of students (benchmarks/report.py)."""
    rest = list(args.benchmark_args)
    script = "timings.py"
    if rest[:1] in (["grading"], ["report"]):
        script, rest = f"{rest[0]}.py", rest[1:]
    return subprocess.call([sys.executable, str(ROOT / "benchmarks" / script), *rest], cwd=ROOT)


def cmd_screenshots(args) -> int:
    """The README's screenshots of the lab and the class report, by Chromium (docs/screenshots.py)."""
    return subprocess.call([sys.executable, str(ROOT / "docs" / "screenshots.py"), *args.screenshot_args],
                           cwd=ROOT)


def cmd_start(args) -> int:
    """Build the student versions, then serve the course in JupyterLab (which replaces this process)."""
    root = Path(args.root_dir).resolve() if args.root_dir else ROOT
    if not (root / "nbgrader_config.py").is_file():
        raise PipelineError(f"{root} is not a course folder (it has no nbgrader_config.py)")
    if not args.no_build and root == ROOT:
        cmd_release(argparse.Namespace(topics=None))
    cmd = ["jupyter", "lab", "--no-browser", "--ip", args.ip, "--port", str(args.port),
           f"--ServerApp.root_dir={root}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    print("starting JupyterLab; open the URL it prints. Learners: open release/<topic>/. "
          "Stop with Ctrl-C.", flush=True)
    # JupyterLab takes this process's place, so Ctrl-C or a SIGTERM (a supervisor, a
    # container stop) reaches it directly instead of leaving it running, orphaned.
    os.chdir(root)
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
    p.add_argument("--root-dir", default=None, help="serve this course folder instead of the "
                   "repository's, as it is (no build): a copy made for trying things out, or for the "
                   "browser tests")
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
    p.add_argument("--fix", action="store_true", help="first repair what JupyterLab and the Create "
                   "Assignment toolbar leave behind (outputs, random ids, unlocked markdown...)")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("new-topic", help="scaffold a topic notebook in the syllabus shape and its "
                       "fixture folders, e.g. ./course new-topic 08_optimizers \"Optimizers and schedules\"")
    p.add_argument("topic_id", help="NN_name: two digits, an underscore, lowercase snake_case")
    p.add_argument("title", help="the title of the notebook's first heading")
    p.set_defaults(func=cmd_new_topic)

    p = sub.add_parser("fixtures", help="the grading proof, fresh: autograde release, solutions and "
                       "recorded fixtures of some topics and print a score table (see --help)")
    p.add_argument("fixtures_args", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_fixtures)

    p = sub.add_parser("autograde", help="autograde every submission in submitted/ with N sandboxed "
                       "workers; resumes, skipping unchanged submissions already graded")
    p.add_argument("assignments", nargs="*", help="assignment (topic) ids (default: all)")
    p.add_argument("--workers", type=int, default=None, help="notebooks graded at once (default: cores)")
    p.add_argument("--force", action="store_true", help="regrade unchanged submissions too")
    p.add_argument("--student", action="append", help="grade only this student (repeatable)")
    p.add_argument("--batch-size", type=int, default=None, help="students per nbgrader process")
    p.add_argument("--shard", metavar="K/N", help="grade only shard K of N of the class (a stable "
                   "hash of the student id), e.g. one job of a Slurm array; see the README")
    p.set_defaults(func=cmd_autograde)

    p = sub.add_parser("validate", help="check a notebook before submitting: run its tests as "
                       "autograde would, inside the sandbox")
    p.add_argument("notebooks", nargs="+", help="notebook files, e.g. release/01_tensors/01_tensors.ipynb")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("grade", help="grade your own notebook with the hidden tests, in the sandbox, "
                       "and print the points and each failed check's message (the notebook is not changed)")
    p.add_argument("notebooks", nargs="+", help="notebook files, e.g. release/05_gradient_descent/"
                   "05_gradient_descent.ipynb")
    p.set_defaults(func=cmd_grade)

    p = sub.add_parser("feedback", help="write feedback HTML for graded submissions: each check's "
                       "outcome and message, without the hidden tests' code")
    p.add_argument("assignments", nargs="*", help="assignment (topic) ids (default: all)")
    p.add_argument("--student", help="only this student (nbgrader's pattern: an id, or e.g. 'a*')")
    p.add_argument("--show-hidden-tests", action="store_true", help="include the hidden tests' code "
                   "and tracebacks (nbgrader's own feedback; gives the tests away)")
    p.set_defaults(func=cmd_feedback)

    p = sub.add_parser("report", help="write the class report (HTML + CSV) after autograde: score "
                       "distribution, pass rate and discrimination per cell, common mistakes, review")
    p.add_argument("assignments", nargs="*", help="assignment (topic) ids (default: all graded)")
    p.add_argument("--all", action="store_true", help="also the students x assignments heatmap "
                   "(reports/course.html)")
    p.add_argument("--output", default=None, help="folder for the files (default: reports/)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("export", help="write the grades CSV, with needs_review and review_reasons")
    p.add_argument("--to", default="grades.csv", help="output file (default grades.csv)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("nbgrader", help="run any nbgrader command in the course root, e.g. "
                       "./course nbgrader autograde 01_tensors")
    p.add_argument("nbgrader_args", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_nbgrader)

    p = sub.add_parser("benchmark", help="print papermill and autograde times per notebook; "
                       "`benchmark grading` compares serial and parallel autograde of a class; "
                       "`benchmark report` times the class report on hundreds of students")
    p.add_argument("benchmark_args", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_benchmark)

    p = sub.add_parser("screenshots", help="regenerate the README's screenshots (docs/images/) "
                       "with Chromium: the lab, and the class report of a synthetic class")
    p.add_argument("screenshot_args", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_screenshots)

    p = sub.add_parser("test", help="run the full test suite (what CI runs)")
    p.add_argument("--full", action="store_true", help="grade everything again, ignoring the "
                   "evidence cache of graded courses")
    p.add_argument("--shard", metavar="K/N", help="run shard K of N: its share of the grading proof "
                   "(split by recorded time); shard 1 also runs every other test")
    p.add_argument("pytest_args", nargs=argparse.REMAINDER, help="extra arguments for pytest")
    p.set_defaults(func=cmd_test)
    return top


def main(argv: list[str] | None = None) -> int:
    top = parser()
    args, extra = top.parse_known_args(argv)
    passthrough = {"test": "pytest_args", "nbgrader": "nbgrader_args", "benchmark": "benchmark_args",
                   "fixtures": "fixtures_args", "screenshots": "screenshot_args"}
    if extra and args.command not in passthrough:
        top.error(f"unrecognized arguments: {' '.join(extra)}")
    if args.command in passthrough:  # options such as -k or --force go to the wrapped tool
        setattr(args, passthrough[args.command], getattr(args, passthrough[args.command]) + extra)
    try:
        return args.func(args)
    except CourseError as err:
        print(f"course: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
