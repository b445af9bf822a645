"""`./course grade`: a learner grades their own notebook with the hidden tests, in the sandbox."""

import hashlib
import os
import subprocess
import sys

import nbformat

import proof
from torchcourse import pipeline
from torchcourse.report import failures_in

TOPIC = "05_gradient_descent"


def course(*args, env=None):
    return subprocess.run([sys.executable, "-m", "torchcourse.cli", *args], cwd=pipeline.ROOT,
                          capture_output=True, text=True, env=env, timeout=600)


def hidden_test_lines(topic: str) -> list[str]:
    """The code lines only the source's hidden-test blocks hold (a line also found in a visible
    line, like ``x = torch.arange(3.0)``, proves nothing), long enough to be telling."""
    hidden, visible = [], set()
    for cell in nbformat.read(pipeline.source_path(topic), as_version=4).cells:
        inside = False
        for line in cell.source.splitlines():
            if line.strip().startswith("### BEGIN HIDDEN TESTS"):
                inside = True
            elif line.strip().startswith("### END HIDDEN TESTS"):
                inside = False
            else:
                (hidden.append if inside else visible.add)(line.strip())
    shown = "\n".join(visible)
    lines = [line for line in hidden if len(line) > 15 and line not in shown]
    assert lines, f"{topic} has no hidden tests"
    return lines


def test_grade_prints_points_and_hints_never_hidden_code_and_leaves_the_notebook(tmp_path, graded):
    fixture = next(f for f in proof.fixtures(TOPIC) if f.headline)
    release = nbformat.read(pipeline.release_path(TOPIC), as_version=4)
    answers = dict(proof.solution_answers(TOPIC), **{fixture.exercise: fixture.path.read_text()})
    notebook = tmp_path / "my copy" / f"{TOPIC}-Copy1.ipynb"
    notebook.parent.mkdir()
    nbformat.write(proof.fill_in(release, answers), notebook)
    before = hashlib.sha256(notebook.read_bytes()).hexdigest()

    proc = course("grade", str(notebook))

    assert proc.returncode == 1, f"a failed check must exit 1:\n{proc.stdout}\n{proc.stderr}"
    assert hashlib.sha256(notebook.read_bytes()).hexdigest() == before, "./course grade changed the notebook"
    assert sorted(p.name for p in notebook.parent.iterdir()) == [notebook.name], "it left files beside it"
    # The same verdict, cell by cell, as class grading gave the same submission in the proof.
    student = f"mistake--{fixture.exercise}--headline_{fixture.slug}"
    for cell, (score, max_score) in graded[TOPIC].scores[student].items():
        row = f"{cell.removesuffix('_tests')} "
        line = next(line for line in proof_lines(proc.stdout) if line.startswith(row))
        assert f"{score:g} / {max_score:g}" in line and ("passed" if score == max_score else "FAILED") in line
    failure = failures_in(graded[TOPIC].autograded_notebook(student))
    assert failure, "the mistake fails no check"
    for f in failure.values():
        assert f.head in proc.stdout and f"hint: {f.hint}" in proc.stdout
    leaked = [line for line in hidden_test_lines(TOPIC) if line in proc.stdout + proc.stderr]
    assert not leaked, f"./course grade printed hidden test code: {leaked[:3]}"
    assert "Traceback" not in proc.stdout


def proof_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


def test_grade_says_how_to_install_bubblewrap_when_it_is_missing(tmp_path):
    notebook = tmp_path / f"{TOPIC}.ipynb"
    notebook.write_bytes(pipeline.release_path(TOPIC).read_bytes())
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    os.symlink(sys.executable, bin_dir / "python")
    env = {k: v for k, v in os.environ.items() if k != "TORCHCOURSE_UNSANDBOXED"}
    env["PATH"] = str(bin_dir)
    proc = course("grade", str(notebook), env=env)
    assert proc.returncode == 1
    assert "bubblewrap (`bwrap`) is not installed" in proc.stderr, proc.stderr
    assert "apt-get install bubblewrap" in proc.stderr


def test_grade_refuses_a_notebook_of_no_topic(tmp_path):
    notebook = tmp_path / "shopping.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(1)")]), notebook)
    proc = course("grade", str(notebook))
    assert proc.returncode == 1 and "is not a notebook of this course" in proc.stderr, proc.stderr
    proc = course("grade", str(tmp_path / "missing.ipynb"))
    assert proc.returncode == 1 and "no notebook at" in proc.stderr
