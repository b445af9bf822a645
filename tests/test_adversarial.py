"""Tamper resistance and its precision: every attack of tests/adversarial.py and every
honest exploration of tests/exploration.py, graded in one class.

The whole class (attackers, explorers, an honest student, the untouched release)
goes through `./course autograde` (torchcourse.classroom, two workers, each
running the real `nbgrader autograde` with the course's sandbox and runtime
check). The rule for every attack: it scores no more than the untouched release
(0), or the review flags it (torchcourse/integrity.py: static and runtime), or
the grader records that it crashed or was rejected, with a reason; grading goes
on, and the honest student next to the attackers keeps full marks and untouched
files. The rule for every exploration: full marks and no reason at all.
`test_the_figures` prints both figures and every attack's outcome.
"""

import hashlib
import json
import time
from pathlib import Path

import nbformat
import pytest

import adversarial
import evidence
import exploration
import proof
from adversarial import ATTACKS, TOPIC
from exploration import EXPLORATIONS
from torchcourse import classroom, integrity, kernel_check, pipeline, records

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
    submissions.update({e.name: exploration.build(release, answers, e) for e in EXPLORATIONS})
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
    inputs = [pipeline.source_path(TOPIC).parent, Path(adversarial.__file__), Path(exploration.__file__),
              Path(__file__)]
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
    everyone = {HONEST, RELEASE, WRONG, *(a.name for a in ATTACKS), *(e.name for e in EXPLORATIONS)}
    assert students == everyone - set(graded.crashes)
    assert set(graded.records) == everyone


def test_nothing_was_planted_outside_the_attackers_folders(graded):
    planted = [p for p in graded.course_root.rglob("planted.txt")]
    assert not planted
    assert b"planted" not in (graded.course_root / "gradebook.db").read_bytes()


def _outcome(graded, name) -> tuple[str, float | None, str, str]:
    """``(outcome, score, first reason, first runtime finding)`` of one graded submission."""
    if name in graded.crashes:
        return "crashed", None, graded.crashes[name].strip().splitlines()[-1].strip(), ""
    record = graded.records.get(name)
    if record is not None and record.status == "rejected":
        return "rejected", None, record.reason, ""
    total = _total(graded, name)
    nb = graded.autograded_notebook(name)
    reasons = integrity.review_reasons(nb, _source_nb(graded))
    runtime = kernel_check.findings_of(nb)
    if reasons:
        return "flagged", total, reasons[0], runtime[0] if runtime else ""
    return ("prevented" if total <= _total(graded, RELEASE) else "MISSED"), total, "", ""


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


@pytest.mark.parametrize("explorer", EXPLORATIONS, ids=lambda e: e.name)
def test_an_honest_exploration_keeps_full_marks_and_is_not_flagged(graded, explorer):
    assert explorer.name not in graded.crashes, graded.crashes[explorer.name]
    nb = graded.autograded_notebook(explorer.name)
    assert all(score == full for score, full in graded.scores[explorer.name].values()), \
        graded.scores[explorer.name]
    assert integrity.review_reasons(nb, _source_nb(graded)) == []
    errors = [(c.source[:60], o.get("evalue")) for c in nb.cells for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert not errors, errors  # exploration runs in the sandbox as it does in JupyterLab
    check = nb.metadata["torchcourse"]["kernel_check"]
    assert check["checked"] and check["probes"] > 1, check


def test_the_figures(graded, capsys):
    """Attacks detected / total and honest flagged / total, and every attack's outcome with its
    first reason and, where the runtime check found something, its first finding."""
    outcomes = {a.name: _outcome(graded, a.name) for a in ATTACKS}
    detected = sum(outcome != "MISSED" for outcome, *_ in outcomes.values())
    honest = [e.name for e in EXPLORATIONS] + [HONEST, RELEASE, WRONG]
    flagged = [name for name in honest if _outcome(graded, name)[0] in ("flagged", "crashed", "rejected")]
    with capsys.disabled():
        print(f"\nattacks detected: {detected} / {len(ATTACKS)}; honest flagged: {len(flagged)} / {len(honest)}")
        for name, (outcome, score, reason, runtime) in outcomes.items():
            print(f"  {name:24} {outcome:9} {'-' if score is None else f'{score:g}':>3}  {reason[:160]}")
            if runtime and not reason.startswith("runtime check"):
                print(f"  {'':38}runtime: {runtime[:150]}")
    assert detected == len(ATTACKS) and not flagged, flagged


# ------------------------------------------------------------ attack-specific

def test_hidden_tests_and_gradebook_are_not_readable(graded):
    report = _reports(graded, "read_hidden_tests")
    assert report["relative_source"] == [] and report["gradebooks"] == [], report
    assert report["upward_notebooks"] == [], report
    assert report["history_has_hidden"] is False


def test_no_file_the_kernel_can_read_holds_hidden_test_text(graded):
    """nbgrader writes the notebook with its hidden tests restored into the folder it then runs
    in; the sandbox's copy holds the submitted notebook instead (tests/test_sandbox.py)."""
    report = _reports(graded, "hidden_tests_anywhere")
    assert report["hidden_files"] == [] and report["scanned"] > 10, report
    assert "/home/student" in report["mounts"] and "/tmp" in report["mounts"], report


def test_ipython_configuration_in_the_submission_never_runs(graded):
    """HOME is the student's folder; IPython's profile comes from the sandbox's empty /tmp."""
    for name in ("ipython_startup_file", "kernel_config_file"):
        assert "startup" not in _reports(graded, name), name
        assert _total(graded, name) == 0, graded.scores[name]


def test_the_runtime_check_catches_what_the_source_hides(graded):
    """Attacks written against the static review: the runtime check names what they changed."""
    expected = {"run_cell_replaced": "check of the kernel got an empty answer",
                "selective_transformer": "did not run to its end",
                "event_code_swap": "IPython events['pre_run_cell'] gained function _before",
                "computed_code_swap": "torchcourse.grading.check_close changed",
                "aliased_module_patch": "torchcourse.grading._fail changed",
                "namespace_wholesale": "`check_close` changed",
                "wrapper_copies_code": "torchcourse.grading.check_equal changed",
                "fake_review_metadata": "`check` changed",
                "input_transformer": "did not run to its end",
                "showtraceback": "IPython shell.showtraceback changed",
                "set_custom_exc": "IPython shell.custom_exceptions changed",
                "patch_torch": "torch.equal changed",
                "patch_check_code": "torchcourse.grading.check changed",
                "rebind_checks": "`check` changed"}
    for name, text in expected.items():
        findings = kernel_check.findings_of(graded.autograded_notebook(name))
        assert any(text in finding for finding in findings), (name, findings)


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
                 "add_cells_before_tests", "selective_transformer", "event_code_swap",
                 "computed_code_swap", "aliased_module_patch", "namespace_wholesale",
                 "wrapper_copies_code", "fake_review_metadata"]
    scores = {name: _total(graded, name) for name in effective}
    assert all(score > 0 for score in scores.values()), scores


def test_wrong_answers_alone_score_zero(graded):
    """The patching attacks start from these answers, so their points come from the patch."""
    assert _total(graded, WRONG) == 0, graded.scores[WRONG]
