"""The runtime check (torchcourse/kernel_check.py) on a tiny notebook, through SandboxedExecute.

These run the executor with the sandbox's opt-out (a plain local kernel, a few
seconds each), so they prove the check itself, independently of bubblewrap; the
adversarial suite (tests/test_adversarial.py) proves it inside the sandbox,
through the real `nbgrader autograde`.
"""

import json

import pytest
from nbformat.v4 import new_code_cell, new_notebook

from torchcourse import kernel_check
from torchcourse.sandbox import OPT_OUT_VARIABLE
from torchcourse.sandboxed_execute import SandboxedExecute

SETUP = "import torch\nfrom torchcourse.grading import check, check_close"
TESTS = ["check_close(answer, 42, 'answer')",
         "check(torch.equal(torch.ones(2), torch.ones(2)), 'torch.equal')"]


def _cell(source, grade_id, **flags):
    meta = {"grade_id": grade_id, "grade": False, "solution": False, "locked": False,
            "schema_version": 3, **flags}
    return new_code_cell(source, metadata={"nbgrader": meta})


def _notebook(answer: str, later: str = "pass"):
    nb = new_notebook(cells=[
        _cell(SETUP, "setup", locked=True),
        _cell(answer, "answer", solution=True),
        _cell(TESTS[0], "answer_tests", grade=True, locked=True, points=1),
        new_code_cell(later),
        _cell(TESTS[1], "more_tests", grade=True, locked=True, points=1),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def _run(nb, tmp_path, monkeypatch):
    monkeypatch.setenv(OPT_OUT_VARIABLE, "1")
    executor = SandboxedExecute(timeout=60)
    executed, _ = executor.preprocess(nb, {"metadata": {"path": str(tmp_path)}})
    return executed, executed.metadata[kernel_check.METADATA_KEY]["kernel_check"]


def _errors(nb):
    return [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]


def test_an_honest_notebook_gives_no_finding_and_no_marker_reaches_it(tmp_path, monkeypatch):
    """A wrong answer fails its test (an error, not a finding); the other test passes. Importing
    torch._dynamo makes torch wrap its own torch.manual_seed: library code, not a finding."""
    nb, check = _run(_notebook("answer = 41", later="import torch._dynamo\ntorch.manual_seed(0)"),
                     tmp_path, monkeypatch)
    assert check["checked"] and check["findings"] == [], check
    assert check["test_cells"] == 2 and check["probes"] >= 4, check
    assert len(_errors(nb)) == 1
    saved = json.dumps(nb)
    assert kernel_check.TOKEN_MIME not in saved and "_torchcourse_probe" not in saved
    assert nb.cells[2].source == TESTS[0]  # the marker line was never saved


#: Changes made in student cells, and what the check says about each.
CHANGES = {
    "check_close = lambda *a, **k: None": "before test cell answer_tests: `check_close` changed",
    "check.__code__ = (lambda *a, **k: None).__code__": "torchcourse.grading.check changed",
    "torch.equal = lambda *a, **k: True": "before test cell more_tests: torch.equal changed",
    "isinstance = lambda *a: True": "`isinstance` is bound in the notebook",
    "get_ipython().set_custom_exc((KeyError,), lambda *a, **k: None)": "IPython shell.custom_exceptions changed",
    "import sys\nsys.settrace(lambda *a: None)": "sys.gettrace() changed",
    "get_ipython().events.register('pre_run_cell', lambda info: None)": "IPython events['pre_run_cell'] gained",
}


def test_changes_made_in_student_cells_are_findings_whatever_the_submission_claims(tmp_path, monkeypatch):
    codes = list(CHANGES)
    nb = _notebook("answer = 41\n" + "\n".join(codes[:2]), later="\n".join(codes[2:]))
    nb.metadata[kernel_check.METADATA_KEY] = {"kernel_check": {"checked": True, "findings": []}}
    _, check = _run(nb, tmp_path, monkeypatch)
    missing = [text for text in CHANGES.values() if not any(text in f for f in check["findings"])]
    assert not missing, (missing, check["findings"])


def test_a_transformer_that_blanks_test_cells_is_caught_by_the_missing_marker(tmp_path, monkeypatch):
    blank = "get_ipython().input_transformers_post.append(lambda lines: ['pass\\n'] if 'check' in ''.join(lines) and 'probe' not in ''.join(lines) else lines)"
    nb, check = _run(_notebook("answer = 41\n" + blank), tmp_path, monkeypatch)
    assert not _errors(nb)  # the wrong answer's test was blanked, so it "passed"
    assert any("answer_tests: reported success, but its code did not run to its end" in f
               for f in check["findings"]), check["findings"]
    assert any("IPython shell.input_transformers_post gained" in f for f in check["findings"]), check
