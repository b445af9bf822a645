"""The autograde sandbox (torchcourse/sandbox.py), through the real `nbgrader autograde`.

One small course (the real nbgrader_config.py, one assignment with one exercise)
is autograded once for a class of attackers and one honest student. Each test
then checks what one attack achieved, from the autograded notebooks and the
course's files. Without bubblewrap these tests fail, like autograde itself:
`./course` installs it when run as root.
"""

import json
import random
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

import proof
from torchcourse import classroom, pipeline, sandbox, sandboxed_execute
from torchcourse.runner import run_nbgrader

ASSIGNMENT = "sbx"
SECRET = "HIDDEN-TEST-SECRET-7f3a"
MEMORY_LIMIT = 1536 * 2**20


def _cell(source, grade_id, **nbgrader):
    meta = {"grade_id": grade_id, "schema_version": 3, "grade": False, "solution": False,
            "locked": False, **nbgrader}
    return new_code_cell(source, metadata={"nbgrader": meta})


def test_config_replaces_execute_with_the_sandbox_in_nbgrader_default_list():
    """nbgrader_config.py spells out nbgrader's list; this fails if an upgrade changes it."""
    from nbgrader.converters import Autograde
    from nbgrader.preprocessors import Execute
    from traitlets.config import Config

    config = Config()
    exec((pipeline.ROOT / "nbgrader_config.py").read_text(), {"get_config": lambda: config,
                                                              "__file__": str(pipeline.ROOT / "nbgrader_config.py")})
    default = Autograde.class_traits()["autograde_preprocessors"].default()
    assert config.Autograde.autograde_preprocessors == [
        sandboxed_execute.SandboxedExecute if p is Execute else p for p in default]


def _source_notebook():
    return new_notebook(cells=[
        new_markdown_cell("Set `answer` to 42."),
        _cell("### BEGIN SOLUTION\nanswer = 42\n### END SOLUTION", "answer", solution=True),
        _cell(f"assert answer == 42\n### BEGIN HIDDEN TESTS\nassert '{SECRET}'\n### END HIDDEN TESTS",
              "answer_tests", grade=True, locked=True, points=1),
        _cell("print('after the test cell')", "after", locked=True),
    ], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})


def _attacks(root: Path, port: int) -> dict[str, str]:
    """``{student: answer cell}``; each prints a JSON report of what it managed."""
    targets = {
        "source": root / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb",
        "gradebook": root / "gradebook.db",
        "other_student": root / "submitted" / "honest" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb",
        "relative_gradebook": "../../../gradebook.db",
        "shadow": "/etc/shadow",
    }
    report = "import json; print('REPORT' + json.dumps(report))\nanswer = 42"
    return {
        "honest": "answer = 42",
        "reader": f"""
report = {{}}
for name, path in {json.dumps({k: str(v) for k, v in targets.items()})}.items():
    try:
        report[name] = open(path, 'rb').read(64).hex()
    except OSError as err:
        report[name] = type(err).__name__
import os
report['uid'] = os.getuid()
report['root'] = sorted(os.listdir('/'))
{report}""",
        "writer": f"""
report = {{}}
for name, path in {json.dumps({
            "gradebook": str(root / "gradebook.db"),
            "other_student": str(root / "submitted" / "honest" / ASSIGNMENT / "planted.txt"),
            "source": str(root / "source" / ASSIGNMENT / "planted.txt"),
            "usr": "/usr/planted.txt",
            "scratch": "planted.txt",
            "tmp": "/tmp/planted.txt"})}.items():
    try:
        with open(path, 'a') as handle:
            handle.write('x')
        report[name] = 'written'
    except OSError as err:
        report[name] = type(err).__name__
{report}""",
        "network": f"""
import socket
report = {{}}
for name, address in {{'host_loopback': ('127.0.0.1', {port}), 'internet': ('1.1.1.1', 80),
                      'dns': ('pypi.org', 443)}}.items():
    try:
        socket.create_connection(address, timeout=3).close()
        report[name] = 'connected'
    except OSError as err:
        report[name] = type(err).__name__
{report}""",
        "membomb": """
import torch
hoard = []
while True:
    hoard.append(torch.ones(2**27, dtype=torch.uint8) + 1)   # 128 MiB at a time, touched
answer = 42""",
        "forkbomb": f"""
import os, time
children = 0
try:
    while True:
        if os.fork() == 0:
            time.sleep(20)
            os._exit(0)
        children += 1
except OSError as err:
    report = {{'children': children, 'error': type(err).__name__}}
{report}""",
    }


@pytest.fixture(scope="module")
def attacked(tmp_path_factory):
    """Autograde every attack once, with the course's real nbgrader_config.py."""
    root = tmp_path_factory.mktemp("sandbox-course")
    shutil.copy2(pipeline.ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
    with open(root / "nbgrader_config.py", "a") as config:
        config.write(f"\nc.SandboxedExecute.memory_limit = {MEMORY_LIMIT}\n")
    (root / "source" / ASSIGNMENT).mkdir(parents=True)
    nbformat.write(_source_notebook(), root / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    pipeline.generate_release([ASSIGNMENT], root)
    release = nbformat.read(root / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    with socket.socket() as listener:  # a service on the grader's loopback
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0)
        attacks = _attacks(root, listener.getsockname()[1])
        submissions = {s: proof.fill_in(release, {"answer": code}) for s, code in attacks.items()}
        proof.grade_submissions(ASSIGNMENT, root, submissions)
        graded = proof.GradedCourse.read(ASSIGNMENT, root, 0.0)
        try:
            listener.accept()
            graded.host_connections = 1
        except BlockingIOError:
            graded.host_connections = 0
    return graded


def _report(graded, student):
    nb = graded.autograded_notebook(student)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.get("name") == "stdout" and output.text.startswith("REPORT"):
                return json.loads(output.text[len("REPORT"):])
    raise AssertionError(f"{student}: no report in the autograded notebook")


def _outputs(graded, student, grade_id):
    cell = next(c for c in graded.autograded_notebook(student).cells
                if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
    return cell.outputs


def test_honest_student_is_graded_normally_next_to_the_attacks(attacked):
    assert attacked.scores["honest"]["answer_tests"] == (1.0, 1.0)
    assert _outputs(attacked, "honest", "after")[0].text == "after the test cell\n"


def test_student_code_cannot_read_hidden_tests_gradebook_or_other_students(attacked):
    report = _report(attacked, "reader")
    for target in ("source", "gradebook", "other_student", "relative_gradebook"):
        assert report[target] == "FileNotFoundError", (target, report[target])
    assert report["shadow"] == "PermissionError"
    # the class grader's workers run kernels as unprivileged uids of their own
    first = classroom.ClassGrader().first_worker_uid
    assert first <= report["uid"] < first + 2, report["uid"]
    assert set(report["root"]) <= {"bin", "dev", "etc", "home", "lib", "lib64", "opt", "proc",
                                   "root", "sbin", "tmp", "usr"}, report["root"]


def test_student_code_can_write_only_its_scratch_copy(attacked):
    report = _report(attacked, "writer")
    assert report["scratch"] == report["tmp"] == "written"
    for target in ("gradebook", "other_student", "source", "usr"):
        assert report[target] in ("FileNotFoundError", "OSError", "PermissionError"), (target, report)
    root = attacked.course_root
    assert not list(root.rglob("planted.txt")), "a file written in the sandbox reached the course"
    assert attacked.scores["writer"]["answer_tests"] == (1.0, 1.0)


def test_student_code_has_no_network(attacked):
    report = _report(attacked, "network")
    assert set(report.values()) <= {"ConnectionRefusedError", "OSError", "gaierror", "TimeoutError"}, report
    assert attacked.host_connections == 0


def test_a_memory_bomb_is_killed_and_scores_zero_while_grading_goes_on(attacked):
    assert attacked.scores["membomb"]["answer_tests"] == (0.0, 1.0)
    died = _outputs(attacked, "membomb", "answer")[-1]
    assert died.ename == "KernelDied" and "memory limit" in died.evalue
    test_output = _outputs(attacked, "membomb", "answer_tests")
    assert test_output[0].ename == "KernelDied" and "not run" in test_output[0].evalue


def test_a_fork_bomb_is_stopped_and_the_kernel_lives_on(attacked):
    report = _report(attacked, "forkbomb")
    assert report["error"] == "BlockingIOError" and report["children"] < 256
    assert attacked.scores["forkbomb"]["answer_tests"] == (1.0, 1.0)
    assert _outputs(attacked, "forkbomb", "after")[0].text == "after the test cell\n"


def test_sandbox_leaves_no_scratch_folders_or_cgroups_behind(attacked):
    """Every notebook of the attacked class (bombs included) cleaned up after itself.
    Only the sandboxes of graders that still run (none of this session's) may remain."""
    assert not sandbox.stale_leftovers()
    assert len(sandbox.Cgroup.parents()) >= 1, "no cgroup to check: the memory limit is an rlimit"


def _running(marker: str, command: str | None = None) -> list[int]:
    """Pids of live (not zombie) processes whose command line contains ``marker`` (and, if given,
    whose executable's name is ``command``)."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if (marker in (proc / "cmdline").read_text() and ") Z " not in (proc / "stat").read_text()
                    and command in (None, (proc / "comm").read_text().strip())):
                found.append(int(proc.name))
        except OSError:
            pass
    return found


def _grader_of_a_sleep(tmp_path, kernel: str) -> subprocess.Popen:
    """A grader process that starts a sandboxed ``sleep <kernel>`` (standing for a kernel), prints
    its sandbox's scratch folder and cgroups, and waits to be killed."""
    student = tmp_path / "student"
    if not student.exists():
        student.mkdir()
        (student / "a.ipynb").write_text("{}")
    script = ("import subprocess, time; from torchcourse.sandbox import Sandbox\n"
              f"box = Sandbox({str(student)!r})\n"
              f"subprocess.Popen(box.command(['sleep', {kernel!r}]))\n"
              "print(box.root, *box.cgroup.dirs, flush=True)\ntime.sleep(120)")
    return subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                            cwd=pipeline.ROOT)


def test_a_grader_killed_outright_takes_its_kernel_along_and_the_next_sandbox_sweeps(tmp_path):
    """SIGKILL (the OOM killer, `./course autograde`'s Ctrl-C or timeout) gives a grader no
    chance to clean up: its sandboxed process dies with it, and the next sandbox removes
    its scratch copy and cgroups, never those of a grader that is alive."""
    kernel = "123.4567"  # a `sleep` that stands for the kernel, easy to find in /proc
    grader = _grader_of_a_sleep(tmp_path, kernel)
    left = [Path(p) for p in grader.stdout.readline().split()]
    assert left and all(p.exists() for p in left)
    # Wait for the sandboxed `sleep` itself, not just for the wrappers whose command lines also
    # hold the marker (a kill during start-up is the next test's).
    deadline = time.monotonic() + 30
    while not _running(kernel, command="sleep") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _running(kernel, command="sleep"), "the sandboxed process did not start"
    assert not set(left) & set(sandbox.stale_leftovers()), "a live grader's sandbox counts as stale"
    with sandbox.Sandbox(tmp_path / "student") as mine:
        assert all(p.exists() for p in left), "swept a sandbox whose grader is alive"
        grader.kill()
        grader.wait()
        deadline = time.monotonic() + 10
        while _running(kernel) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _running(kernel), "the sandboxed process outlived its grader"
        assert set(left) <= set(sandbox.stale_leftovers())
        assert mine.root not in sandbox.stale_leftovers()
        with sandbox.Sandbox(tmp_path / "student"):
            assert not any(p.exists() for p in left), "the next sandbox did not sweep"
        assert mine.root.exists()
    assert not mine.root.exists()


def test_a_grader_killed_while_its_sandbox_starts_leaves_no_kernel_running(tmp_path):
    """The start-up window: killed within 40 ms of starting a sandbox (before, between or after
    the wrappers set their death signals), a grader still takes its kernel along. Without the
    lock guard inside the sandbox, 6 kills in 55 left bwrap and the kernel running."""
    rng, survivors = random.Random(0), []
    for attempt in range(20):
        kernel = f"234.{5000 + attempt}"
        grader = _grader_of_a_sleep(tmp_path, kernel)
        grader.stdout.readline()
        time.sleep(rng.uniform(0, 0.04))
        grader.kill()
        grader.wait()
        time.sleep(1.0)  # a kernel that escaped would have started by now (it takes ~0.1 s)
        deadline = time.monotonic() + 5
        while _running(kernel, command="sleep") and time.monotonic() < deadline:
            time.sleep(0.1)
        if _running(kernel, command="sleep"):
            survivors.append(attempt)
    sandbox.sweep_stale()  # and whatever is left (a wrapper on its way out) goes with the sweep
    assert survivors == [], f"kernels outlived their grader in attempts {survivors}"
    assert not _running("234.50", command="sleep")


def _course_copy(attacked, tmp_path):
    """A copy of the graded course (gradebook included, so no slow schema creation)."""
    root = tmp_path / "course"
    shutil.copytree(attacked.course_root, root, ignore=shutil.ignore_patterns("autograded"))
    return root


def test_autograde_fails_loudly_without_bubblewrap(attacked, tmp_path):
    root = _course_copy(attacked, tmp_path)
    env = {"PATH": str(Path(sys.executable).parent), "PYTHONPATH": str(pipeline.ROOT),
           "HOME": str(tmp_path)}  # no /usr/bin on PATH: no bwrap
    proc = subprocess.run([sys.executable, "-m", "nbgrader", "autograde", ASSIGNMENT,
                           "--student", "honest", "--force"], cwd=root, env=env,
                          capture_output=True, text=True)
    assert proc.returncode != 0
    assert "bubblewrap (`bwrap`) is not installed" in proc.stdout + proc.stderr
    assert not (root / "autograded" / "honest" / ASSIGNMENT).exists()  # no notebook, no grade


def test_the_opt_out_warns_loudly(attacked, tmp_path, monkeypatch):
    """TORCHCOURSE_UNSANDBOXED=1 grades without the sandbox, and says so."""
    root = _course_copy(attacked, tmp_path)
    monkeypatch.setenv(sandbox.OPT_OUT_VARIABLE, "1")
    _, log = run_nbgrader(["autograde", ASSIGNMENT, "--student", "honest", "--force"], root)
    assert "WITHOUT the sandbox" in "\n".join(log)


def test_plain_nbgrader_refuses_to_run_a_submission_with_a_symlink(attacked, tmp_path):
    """nbgrader copies submitted/ into autograded/ following links (with the grader's
    rights), so SandboxedExecute must not run such a submission at all."""
    root = _course_copy(attacked, tmp_path)
    folder = root / "submitted" / "linker" / ASSIGNMENT
    folder.mkdir(parents=True)
    release = nbformat.read(root / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    reader = "print('REPORT' + open('data.db', 'rb').read(16).hex())\nanswer = 42"
    nbformat.write(proof.fill_in(release, {"answer": reader}), folder / f"{ASSIGNMENT}.ipynb")
    (folder / "data.db").symlink_to(root / "gradebook.db")
    run_nbgrader(["autograde", ASSIGNMENT, "--student", "linker", "--force"], root)
    nb = nbformat.read(root / "autograded" / "linker" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert outputs and all(o.output_type == "error" and o.ename == "SubmissionRefused" for o in outputs)


def test_validate_runs_the_self_check_in_the_sandbox(attacked, tmp_path):
    """`./course validate`: a learner's notebook is validated with nbgrader, sandboxed."""
    root = attacked.course_root
    release = nbformat.read(root / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    answer = (f"try:\n    open({str(root / 'gradebook.db')!r}, 'rb').read()\n    answer = 0\n"
              "except OSError:\n    answer = 42  # right only if the gradebook was out of reach")
    notebook = tmp_path / f"{ASSIGNMENT}.ipynb"
    nbformat.write(proof.fill_in(release, {"answer": answer}), notebook)
    proc = sandbox.validate(notebook)
    assert "Success! Your notebook passes all the tests." in proc.stdout, proc.stdout + proc.stderr


def test_validate_uses_the_course_config_not_nbgraders_defaults(tmp_path, monkeypatch):
    """Inside the sandbox nbgrader finds no nbgrader_config.py, so validate passes the
    course's settings on: the 120 s cell timeout, not nbgrader's 30 s."""
    from traitlets.config import Config

    seen = []
    monkeypatch.setattr(sandbox.subprocess, "run", lambda argv, **kw: seen.append(argv))
    monkeypatch.setenv(sandbox.OPT_OUT_VARIABLE, "1")  # the argv is the same, sandboxed or not
    notebook = tmp_path / "nb.ipynb"
    nbformat.write(_source_notebook(), notebook)
    sandbox.validate(notebook)
    configured = Config()
    exec((pipeline.ROOT / "nbgrader_config.py").read_text(), {"get_config": lambda: configured,
                                                              "__file__": str(pipeline.ROOT / "nbgrader_config.py")})
    assert configured.Execute.timeout == 120
    assert f"--Execute.timeout={configured.Execute.timeout}" in seen[0]
    assert f"--Execute.startup_timeout={configured.Execute.startup_timeout}" in seen[0]


def test_the_scratch_copy_holds_the_submitted_notebooks_not_nbgraders(tmp_path):
    """nbgrader's autograded folder holds the notebook with the hidden tests restored (and the
    files of source/); the kernel's copy takes every notebook from submitted/ instead."""
    autograded, submitted = tmp_path / "autograded", tmp_path / "submitted"
    for folder, text in ((autograded, "### BEGIN HIDDEN TESTS"), (submitted, "the student's")):
        (folder / "sub").mkdir(parents=True)
        (folder / "topic.ipynb").write_text(text)
        (folder / "sub" / "other.ipynb").write_text(text)
    (autograded / "data.csv").write_text("1,2")
    (autograded / "graded_before.ipynb").write_text("### BEGIN HIDDEN TESTS")  # not submitted
    with sandbox.Sandbox(autograded, notebooks_from=submitted) as box:
        files = {str(p.relative_to(box.work)): p.read_text() for p in box.work.rglob("*") if p.is_file()}
    assert files == {"topic.ipynb": "the student's", "sub/other.ipynb": "the student's", "data.csv": "1,2"}
    with sandbox.Sandbox(autograded) as box:  # validate: the learner's own folder, as it is
        assert (box.work / "graded_before.ipynb").exists()


def test_configuration_comes_from_the_private_tmp_and_workers_get_a_dev_shm(tmp_path):
    (tmp_path / "student").mkdir()
    with sandbox.Sandbox(tmp_path / "student") as box:
        command = box.command(["python"])
    env = {command[i + 1]: command[i + 2] for i, arg in enumerate(command) if arg == "--setenv"}
    assert env["IPYTHONDIR"].startswith("/tmp/") and env["JUPYTER_CONFIG_DIR"].startswith("/tmp/")
    assert env["MPLCONFIGDIR"].startswith("/tmp/") and env["HOME"] == sandbox.WORK
    assert command[command.index("/dev/shm") - 1] == "--tmpfs"  # DataLoader workers' semaphores
