"""Tamper resistance: every attack of tests/adversarial.py, graded in one class.

The whole class (attackers, an honest student, the untouched release) goes
through `./course autograde` (torchcourse.classroom, two workers, each running
the real `nbgrader autograde` with the course's sandbox). The rule for every
attack: it scores no more than the untouched release (0), or the integrity
review flags it (torchcourse/integrity.py), or the grader records that it
crashed or was rejected, with a reason; grading goes on, and the honest student
next to the attackers keeps full marks and untouched files.
"""

import hashlib
import json
import time
from pathlib import Path

import nbformat
import pytest

import adversarial
import evidence
import proof
from adversarial import ATTACKS, TOPIC
from torchcourse import classroom, integrity, pipeline, records

#: Small limits keep the timeouts short; enough for `import torch` on a loaded 2-core machine.
LIMITS = ["--Execute.timeout=20", "--SandboxedExecute.notebook_timeout=240",
          f"--SandboxedExecute.memory_limit={1536 * 2**20}"]
HONEST, RELEASE, WRONG = "solution", "release", "wrong_answers"


def _hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def grade_attacks(workdir: Path) -> dict:
    """Autograde every attack, the honest solution and the release in one class; return the
    meta that the evidence cache keeps beside the course: the honest student's submitted
    files (hash by path) before grading, and the time it took."""
    start = time.perf_counter()
    course = proof.new_course([TOPIC], workdir)
    release = nbformat.read(pipeline.release_path(TOPIC, course), as_version=4)
    answers = proof.solution_answers(TOPIC)
    submissions = {RELEASE: release, HONEST: proof.fill_in(release, answers),
                   WRONG: proof.fill_in(release, adversarial.wrong_answers(answers))}
    submissions.update({a.name: a.build(release, answers) for a in ATTACKS})
    for attack in ATTACKS:
        if attack.plant is not None:
            folder = course / "submitted" / attack.name / TOPIC
            folder.mkdir(parents=True, exist_ok=True)
            attack.plant(folder, course)
    honest_folder = course / "submitted" / HONEST / TOPIC
    honest_folder.mkdir(parents=True)
    nbformat.write(submissions[HONEST], honest_folder / f"{TOPIC}.ipynb")
    honest_hashes = _hashes(honest_folder)
    proof.submit(TOPIC, {s: nb for s, nb in submissions.items() if s != HONEST}, course)
    classroom.grade_class(course, TOPIC, workers=2, extra_args=LIMITS)
    return {"seconds": round(time.perf_counter() - start, 1), "honest_hashes": honest_hashes}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """The attacked class, graded (or restored from the evidence cache: tests/evidence.py)."""
    inputs = [pipeline.source_path(TOPIC).parent, Path(adversarial.__file__), Path(__file__)]
    course, meta, cached = evidence.graded_course(
        "adversarial", inputs, grade_attacks, tmp_path_factory.mktemp("adversarial") / "course")
    graded = proof.GradedCourse.read(TOPIC, course, meta["seconds"], cached)
    graded.honest_hashes = meta["honest_hashes"]
    graded.records = records.load_records(course, TOPIC)
    return graded


def _total(graded, student):
    return sum(score for score, _ in graded.scores[student].values())


def _source_nb(graded):
    return nbformat.read(pipeline.source_path(TOPIC, graded.course_root), as_version=4)


def _reports(graded, student) -> dict:
    found = {}
    for cell in graded.autograded_notebook(student).cells:
        for output in cell.get("outputs", []):
            for line in output.get("text", "").splitlines():
                if line.startswith("REPORT"):
                    found.update(json.loads(line[len("REPORT"):]))
    return found


def test_the_honest_student_keeps_full_marks_and_untouched_files(graded):
    assert all(score == full for score, full in graded.scores[HONEST].values()), graded.scores[HONEST]
    assert _hashes(graded.course_root / "submitted" / HONEST / TOPIC) == graded.honest_hashes
    assert _total(graded, RELEASE) == 0
    assert integrity.review_reasons(graded.autograded_notebook(HONEST), _source_nb(graded)) == []
    assert integrity.review_reasons(graded.autograded_notebook(RELEASE), _source_nb(graded)) == []


def test_the_gradebook_has_exactly_the_expected_students(graded):
    from nbgrader.api import Gradebook

    with Gradebook("sqlite:///" + str(graded.course_root / "gradebook.db")) as gradebook:
        students = {s.id for s in gradebook.students}
    # crashed and rejected submissions never reach the course's gradebook (only a worker's copy)
    assert students == {HONEST, RELEASE, WRONG, *(a.name for a in ATTACKS)} - set(graded.crashes)
    assert set(graded.records) == {HONEST, RELEASE, WRONG, *(a.name for a in ATTACKS)}


def test_nothing_was_planted_outside_the_attackers_folders(graded):
    planted = [p for p in graded.course_root.rglob("planted.txt")]
    assert not planted
    assert b"planted" not in (graded.course_root / "gradebook.db").read_bytes()


@pytest.mark.parametrize("attack", ATTACKS, ids=lambda a: a.name)
def test_attack_gains_nothing_or_is_flagged(graded, attack):
    if attack.name in graded.crashes:
        assert graded.crashes[attack.name].strip(), "a crash must be recorded with a reason"
        assert attack.expect != "zero", f"{attack.name} crashed nbgrader:\n{graded.crashes[attack.name]}"
        return
    total = _total(graded, attack.name)
    reasons = integrity.review_reasons(graded.autograded_notebook(attack.name), _source_nb(graded))
    if attack.expect == "zero":
        assert total <= _total(graded, RELEASE), (total, reasons)
    elif attack.expect == "flagged":
        assert reasons, f"{attack.name} scored {total} and was not flagged"
    else:
        assert total <= _total(graded, RELEASE) or reasons, (total, reasons)


# ------------------------------------------------------------ attack-specific

def test_hidden_tests_and_gradebook_are_not_readable(graded):
    report = _reports(graded, "read_hidden_tests")
    assert report["relative_source"] == [] and report["gradebooks"] == [], report
    assert report["upward_notebooks"] == [], report
    assert report["history_has_hidden"] is False


def test_writes_outside_the_scratch_copy_fail(graded):
    report = _reports(graded, "write_outside")
    assert set(report.values()) <= {"FileNotFoundError", "PermissionError", "OSError"}, report


def test_no_network(graded):
    report = _reports(graded, "network")
    assert "connected" not in report.values(), report


def test_symlinked_submissions_are_rejected_before_nbgrader_copies_them(graded):
    """The class grader refuses them up front (plain `nbgrader autograde` would follow
    the link while copying; SandboxedExecute then refuses to run them: tests/test_sandbox.py)."""
    for name in ("symlink_gradebook", "symlink_source"):
        outcome = graded.records[name]
        assert outcome.status == "rejected" and "symbolic link" in outcome.reason, outcome
        assert not (graded.course_root / "autograded" / name).exists()


def test_a_module_next_to_the_notebook_does_not_shadow_torch(graded):
    assert _reports(graded, "shadow_torch") == {"torch": str(_reports(graded, "shadow_torch")["torch"])}
    assert "site-packages" in _reports(graded, "shadow_torch")["torch"]


def test_output_floods_are_truncated(graded):
    for name in ("print_flood_big", "print_flood_small"):
        nb = graded.autograded_notebook(name)
        kept = sum(len(o.get("text", "")) for c in nb.cells for o in c.get("outputs", []))
        assert kept <= 2 * 2**20, (name, kept)
        assert any("output was truncated" in r
                   for r in integrity.review_reasons(nb, _source_nb(graded))), name
    path = graded.course_root / "autograded" / "print_flood_big" / TOPIC / f"{TOPIC}.ipynb"
    assert path.stat().st_size < 5 * 2**20


def test_a_fork_bomb_is_stopped(graded):
    report = _reports(graded, "fork_bomb")
    assert report["children"] < 256, report


def test_a_cell_that_ignores_interrupts_is_killed(graded):
    reasons = integrity.review_reasons(graded.autograded_notebook("sigint_ignored_loop"), _source_nb(graded))
    assert any("ignored the interrupt" in r for r in reasons), reasons
    assert "sigint_ignored_loop" not in graded.crashes


def test_patching_attacks_would_score_without_the_review(graded):
    """The review is what stops them: their scores alone are above the release's."""
    effective = ["rebind_checks", "patch_check_code", "exec_base64", "input_transformer",
                 "add_cells_before_tests"]
    scores = {name: _total(graded, name) for name in effective}
    assert all(score > 0 for score in scores.values()), scores


def test_wrong_answers_alone_score_zero(graded):
    """The patching attacks start from these answers, so their points come from the patch."""
    assert _total(graded, WRONG) == 0, graded.scores[WRONG]
