"""Real-browser tests: a learner and an instructor click through JupyterLab in Chromium.

Each test serves a copy of a course (never the repository: JupyterLab autosaves)
with ``./course start --no-build --root-dir`` and drives Debian's Chromium with
Playwright (torchcourse/browser.py). Every step saves a screenshot to
``tests/artifacts/browser/<test>/<NN>-<step>.png`` (``...-failed.png`` when it
fails), and a failing step says what it expected to see and what it saw.
"""

import contextlib
import re
import shutil
import time
from pathlib import Path

import pytest

import proof
from torchcourse import browser, pipeline
from torchcourse.course import ROOT, copy_course
from torchcourse.feedback import HIDDEN_NOTE, HIDDEN_TESTS_BEGIN, hide_hidden_tests
from torchcourse.runner import run_nbgrader

TOPIC = "01_tensors"
NOTEBOOK = f"release/{TOPIC}/{TOPIC}.ipynb"
#: The exercise the learner answers: a one-line checkpoint, quick to type and to run.
EXERCISE = "answer_default_int_dtype"
ARTIFACTS = Path(__file__).parent / "artifacts" / "browser"
KERNEL_SECONDS = 180  # a kernel that imports torch on a busy 2-core machine


class Steps:
    """``with steps("the Validate result dialog", "a dialog titled ..."):`` runs one step of a
    test, screenshots the page after it, and turns any failure into an ``AssertionError``
    that names the step, what it expected and what it saw."""

    def __init__(self, page, folder: Path):
        self.page, self.folder, self.count = page, folder, 0
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)

    @contextlib.contextmanager
    def __call__(self, name: str, expected: str):
        self.count += 1
        shot = self.folder / f"{self.count:02d}-{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')}.png"
        start = time.monotonic()
        try:
            yield
        except Exception as err:  # Playwright's timeouts as well as our own asserts
            failed = shot.with_name(f"{shot.stem}-failed.png")
            with contextlib.suppress(Exception):
                self.page.screenshot(path=str(failed))
            saw = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise AssertionError(f"step '{name}': expected {expected}, saw {saw} "
                                 f"(after {time.monotonic() - start:.0f} s at {self.page.url}; "
                                 f"screenshot {failed})") from err
        self.page.screenshot(path=str(shot))


@pytest.fixture(scope="module")
def chromium():
    if not browser.CHROMIUM.is_file():
        pytest.fail(browser.INSTALL_CHROMIUM)  # the project's set-up installs it: fail, don't skip
    with browser.chromium() as launched:
        yield launched


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport=browser.VIEWPORT)
    context.set_default_timeout(30_000)
    yield context.new_page()
    context.close()


def text_of(target, selector: str | None = None) -> str:
    """The text of a locator, or of the first match of ``selector`` in a page or locator
    (``textContent``: it includes cells scrolled out of view)."""
    if selector is not None or not hasattr(target, "evaluate_all"):
        target = target.locator(selector or "body").first
    return target.evaluate("e => e.textContent")


def test_learner_runs_answers_and_validates_a_notebook(tmp_path, page, request):
    course = copy_course(ROOT, tmp_path / "course", [TOPIC])
    pipeline.generate_release([TOPIC], course)
    answer = proof.solution_answers(TOPIC)[EXERCISE]
    step = Steps(page, ARTIFACTS / request.node.name)
    cells = page.locator(".jp-NotebookPanel .jp-Cell")
    with browser.serve(course) as lab:
        with step("the notebook open in JupyterLab", "the release notebook with a started, idle "
                  "kernel, the nbgrader Validate button and no notification over it"):
            browser.open_notebook(page, lab, NOTEBOOK, timeout=KERNEL_SECONDS)
            page.locator(".validate-button").wait_for()
            assert cells.count() > 10, f"only {cells.count()} cells"
            toasts = page.locator(".Toastify__toast").all_inner_texts()
            assert not toasts, f"a notification covering the page: {toasts}"

        with step("Run All Cells", "every cell run in order up to the first unanswered exercise, "
                  "which stops the run with its 'not written yet' message, and an idle kernel"):
            page.locator(".lm-MenuBar-itemLabel", has_text="Run").click()
            page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
            browser.wait_kernel_idle(page, KERNEL_SECONDS)
            prompts = page.locator(".jp-NotebookPanel .jp-CodeCell .jp-InputPrompt").all_text_contents()
            assert "[1]:" in prompts[0], f"the first cell's prompt is {prompts[0]!r}"
            errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
            assert errors.count() >= 1 and "not written yet" in errors.first.evaluate("e => e.textContent"), \
                f"{errors.count()} error outputs and no 'not written yet' message"

        with step(f"the {EXERCISE} exercise answered", "the answer typed into the exercise cell, "
                  "run without an error, and its test cell printing its success message"):
            index = cells.evaluate_all(
                "(cells, name) => cells.findIndex(c => c.textContent.includes(name + ' = ...')"
                " && c.textContent.includes('NotImplementedError'))", EXERCISE)
            assert index >= 0, f"no cell holding the stub of {EXERCISE}"
            exercise, test_cell = cells.nth(index), cells.nth(index + 1)
            exercise.locator(".cm-content").click()
            page.keyboard.press("Control+a")
            page.keyboard.insert_text(answer)
            typed = exercise.locator(".cm-content").inner_text()
            assert typed.strip() == answer.strip(), f"the cell holds {typed!r}"
            page.keyboard.press("Shift+Enter")  # runs the exercise and selects its test cell
            browser.wait_kernel_idle(page, KERNEL_SECONDS)
            page.keyboard.press("Shift+Enter")
            browser.wait_kernel_idle(page, KERNEL_SECONDS)
            assert exercise.locator(".jp-OutputArea-output[data-mime-type="
                                    "'application/vnd.jupyter.stderr']").count() == 0, "an error in the cell"
            outcome = text_of(test_cell, ".jp-OutputArea")
            assert "Answer recorded" in outcome or "passed" in outcome, f"the test cell printed {outcome!r}"

        with step("the Validate result dialog", "nbgrader's 'Validation Results' dialog listing "
                  "the cells that still fail (the exercises left blank)"):
            page.locator(".validate-button").click()
            dialog = page.locator(".jp-Dialog", has_text="Validation Results")
            dialog.wait_for(timeout=KERNEL_SECONDS * 1000)
            message = page.locator("#validation-message")
            kind = message.get_attribute("class") or ""
            body = text_of(message)
            assert "validation-failed" in kind and "The following cell failed" in body, \
                f"a dialog of class {kind!r} saying {body[:300]!r}"
            assert f"check({EXERCISE} is not ..." not in body, \
                f"the answered {EXERCISE} among the failures"


def failing_student(graded) -> tuple[str, str, str]:
    """``(student, hint, hidden line)`` for the first mistake student who failed a hidden check
    with a hint: the feedback must show that hint but not ``hidden line``, the line of hidden
    test code that holds it."""
    for student in sorted(s for s in graded.scores if s.startswith("mistake--")):
        for cell in graded.autograded_notebook(student).cells:
            visible = hide_hidden_tests(cell.source)
            for output in cell.get("outputs", []):
                hints = [line.strip() for line in output.get("evalue", "").splitlines()
                         if line.strip().startswith("hint:")]
                start = hints[0][len("hint: "):][:25] if hints else None
                if output.output_type != "error" or not start or start in visible:
                    continue
                hidden = [line.strip() for line in cell.source.splitlines() if start in line]
                if hidden:
                    return student, hints[0], hidden[0]
    raise AssertionError("no mistake submission failed a hidden check with a hint: see tests/submissions/")


def test_instructor_sees_grades_and_feedback_in_the_formgrader(tmp_path, page, request):
    graded = proof.grade_topic(TOPIC, tmp_path / "graded")
    course = graded.course_root
    student, hint, hidden_line = failing_student(graded)
    run_nbgrader(["generate_feedback", TOPIC, "--student", student, "--force"], course)
    scores = graded.scores[student]
    total = f"{sum(s for s, _ in scores.values()):g} / {sum(m for _, m in scores.values()):g}"
    step = Steps(page, ARTIFACTS / request.node.name)
    with browser.serve(course) as lab:
        with step("logged in", "JupyterLab's login page accepting the token as the password"):
            lab.login(page)

        with step("the formgrader's assignments", f"the formgrader listing the assignment {TOPIC}"):
            page.goto(f"{lab.url}/formgrader")
            row = page.locator("tr", has_text=TOPIC)
            row.first.wait_for()
            assert TOPIC in row.first.inner_text(), f"the row {row.first.inner_text()!r}"

        with step("the notebook's submissions", f"Manual Grading -> {TOPIC} -> {TOPIC} listing "
                  f"{student} with the score {total}"):
            page.get_by_role("link", name="Manual Grading").first.click()
            page.wait_for_url("**/formgrader/gradebook")
            page.get_by_role("link", name=TOPIC, exact=True).click()
            page.wait_for_url(f"**/formgrader/gradebook/{TOPIC}")
            page.get_by_role("link", name=TOPIC, exact=True).click()
            page.wait_for_url(f"**/formgrader/gradebook/{TOPIC}/{TOPIC}")
            row = page.locator("tr", has_text=student)
            row.wait_for()  # the table is filled in by the page's scripts
            page.get_by_text("Show All Names").click()
            row.get_by_role("link", name=student).wait_for()
            shown = row.locator("td.score").inner_text().strip()
            assert shown == total, f"the score {shown!r}"

        with step("the submission's grading page", f"{student}'s notebook with each test cell's "
                  f"autograded score, as in the gradebook: {scores}"):
            row.get_by_role("link", name=student).click()
            page.wait_for_url("**/formgrader/submissions/**")
            page.wait_for_function(  # the page's scripts fill in each autograded score
                "ids => ids.every(id => document.getElementById(id)?.hasAttribute('placeholder'))",
                arg=list(scores))
            shown = {cell: page.locator(f"input.score#{cell}").get_attribute("placeholder") for cell in scores}
            assert shown == {cell: f"{s:g}" for cell, (s, _) in scores.items()}, f"the scores {shown}"
            failed = next(cell for cell, (s, m) in scores.items() if s < m)
            page.locator(f"input.score#{failed}").scroll_into_view_if_needed()

        with step("the feedback page", f"{student}'s feedback with the failed check's {hint!r}, "
                  f"the line {HIDDEN_NOTE!r}, no hidden test code and no broken image"):
            page.goto(f"{lab.url}/files/feedback/{student}/{TOPIC}/{TOPIC}.html?token={lab.token}")
            page.get_by_text(hint).first.wait_for()
            text = text_of(page)
            assert HIDDEN_NOTE in text, "no note where the hidden tests were"
            assert HIDDEN_TESTS_BEGIN not in text and hidden_line not in text, \
                f"hidden test code: {HIDDEN_TESTS_BEGIN!r} or {hidden_line!r}"
            browser.check_page_images(page)
            page.get_by_text(hint).first.scroll_into_view_if_needed()


def test_the_class_report_renders_with_its_figures(tmp_path, page, graded, request):
    import synthetic_class
    from torchcourse import report

    cls = synthetic_class.build(tmp_path / "class", {TOPIC: graded[TOPIC].course_root}, 40, seed=0)
    written, (rep,), _ = report.write_reports(cls.course_root, [TOPIC], workers=1)
    (top_cell, top), = rep.top_failures(1)
    step = Steps(page, ARTIFACTS / request.node.name)
    with step("the report page", f"the class report of {TOPIC} with its figure loaded"):
        page.goto(written[0].resolve().as_uri())
        page.get_by_role("heading", name="Most common mistakes").wait_for()
        browser.check_page_images(page)
        assert page.locator("img").count() == 1
    with step("the most common mistake", f"{top.count} students: {top.label!r} in {top_cell}"):
        row = page.locator("tr", has_text=top.label).first
        assert row.is_visible() and f"{top.count} (" in row.inner_text()
    with step("the students who need review", "the review section"):
        page.get_by_role("heading", name=re.compile("Students who need review")).scroll_into_view_if_needed()
