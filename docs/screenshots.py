"""The README's screenshots, made by a browser, not by hand. Run: ./course screenshots

* ``docs/images/lab.png``: JupyterLab serving a temporary copy of the course, with
  ``release/01_tensors/01_tensors.ipynb`` open and its Nbgrader toolbar;
* ``docs/images/report.png``: the top of ``./course report 06_nn_module`` on the
  grading benchmark's synthetic class (60 students, tests/synthetic_class.py), built
  from the grading proof's graded notebooks (the evidence cache; graded first if
  the cache lacks them).

Both use Debian's Chromium through Playwright (torchcourse/browser.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
import proof  # noqa: E402
import synthetic_class  # noqa: E402
from torchcourse import browser, pipeline, report  # noqa: E402
from torchcourse.course import copy_course  # noqa: E402

IMAGES = ROOT / "docs" / "images"
REPORT_TOPIC = "06_nn_module"


def report_page(workdir: Path, students: int = 60) -> Path:
    """The class report of :data:`REPORT_TOPIC` on the synthetic class, written in ``workdir``."""
    graded = proof.grade_topics([REPORT_TOPIC], workdir / "proof")
    attacked = synthetic_class.attacked_course(workdir / "attacked")
    cls = synthetic_class.build(workdir / "class", {REPORT_TOPIC: graded[REPORT_TOPIC].course_root},
                                students, seed=0, attacked=attacked)
    written, _, _ = report.write_reports(cls.course_root, [REPORT_TOPIC])
    return written[0]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(IMAGES), help="folder for the PNGs (default docs/images)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    with tempfile.TemporaryDirectory(prefix="screenshots-") as tmp:
        tmp = Path(tmp)
        course = copy_course(ROOT, tmp / "course", ["01_tensors"])
        pipeline.generate_release(["01_tensors"], course)
        print(f"wrote {browser.lab_screenshot(course, out / 'lab.png', '01_tensors')}")
        print(f"wrote {browser.page_screenshot(report_page(tmp / 'report'), out / 'report.png')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
