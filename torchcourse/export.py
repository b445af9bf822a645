"""``nbgrader export`` with the course's review columns: who was graded, and who needs a human look.

:class:`ReviewedCsvExportPlugin` (enabled in ``nbgrader_config.py``) writes
nbgrader's CSV columns plus ``grading_status`` (graded, crashed, rejected or no
submission, from the class grader's records), ``needs_review`` and
``review_reasons`` (the records, and :mod:`torchcourse.integrity`'s review of
each autograded notebook).
"""

from __future__ import annotations

import csv
from pathlib import Path

import nbformat
from nbgrader.plugins import ExportPlugin

from .course import assignment_path
from .integrity import review_reasons as notebook_reasons
from .records import load_records

EXPORT_COLUMNS = ["assignment", "duedate", "timestamp", "student_id", "last_name", "first_name",
                  "email", "raw_score", "late_submission_penalty", "score", "max_score",
                  "grading_status", "needs_review", "review_reasons"]


def review_reasons(course_root: Path, assignment: str, student: str) -> list[str]:
    """Why an instructor should look at this student's autograded notebooks (see integrity.py)."""
    reasons = []
    for source in sorted(assignment_path(course_root, "source", ".", assignment).glob("*.ipynb")):
        graded = assignment_path(course_root, "autograded", student, assignment) / source.name
        if not graded.exists():
            continue
        found = notebook_reasons(nbformat.read(graded, as_version=4),
                                 nbformat.read(source, as_version=4))
        prefix = f"{source.name}: " if len(list(source.parent.glob("*.ipynb"))) > 1 else ""
        reasons += [prefix + reason for reason in found]
    return reasons


def export_rows(gradebook, course_root: Path, assignments: list[str] = (),
                students: list[str] = ()) -> list[dict[str, str]]:
    """nbgrader's CSV columns plus ``grading_status``, ``needs_review`` and ``review_reasons``.

    Every student in the gradebook appears, and so does every student in a
    grading record (a submission that crashed or was rejected never reaches
    the gradebook, and must not vanish from the grade sheet).
    """
    from nbgrader.api import MissingEntry

    rows = []
    for assignment in gradebook.assignments:
        if assignments and assignment.name not in assignments:
            continue
        records = load_records(course_root, assignment.name)
        people = {s.id: s for s in gradebook.students}
        for student_id in sorted(set(people) | set(records)):
            if students and student_id not in students:
                continue
            person = people.get(student_id)
            row = {"assignment": assignment.name, "duedate": assignment.duedate,
                   "student_id": student_id, "max_score": assignment.max_score,
                   "last_name": person.last_name if person else "",
                   "first_name": person.first_name if person else "",
                   "email": person.email if person else "",
                   "timestamp": "", "raw_score": 0.0, "late_submission_penalty": 0.0, "score": 0.0}
            try:
                submission = gradebook.find_submission(assignment.name, student_id)
            except MissingEntry:
                submission = None
            record = records.get(student_id)
            reasons = []
            if record is not None and record.status != "graded":
                status = record.status
                reasons.append(f"{record.status}: {record.reason}")
            elif submission is not None:
                status = "graded"
            else:
                status = "no submission"
            if submission is not None:
                row.update(timestamp=submission.timestamp, raw_score=submission.score,
                           late_submission_penalty=submission.late_submission_penalty,
                           score=max(0.0, submission.score - submission.late_submission_penalty))
                if status == "graded":
                    reasons += review_reasons(course_root, assignment.name, student_id)
            row.update(grading_status=status, needs_review="yes" if reasons else "no",
                       review_reasons=" | ".join(reasons))
            rows.append({k: "" if row[k] is None else str(row[k]) for k in EXPORT_COLUMNS})
    return rows


class ReviewedCsvExportPlugin(ExportPlugin):
    """``nbgrader export`` to CSV (quoted properly), with review flags.

    Besides nbgrader's columns: ``grading_status`` (graded, crashed, rejected or
    no submission), ``needs_review`` (yes/no) and ``review_reasons``. Enabled in
    nbgrader_config.py with ``c.ExportApp.plugin_class``.
    """

    def export(self, gradebook) -> None:
        dest = self.to or "grades.csv"
        root = Path(self.parent.coursedir.root) if self.parent is not None else Path.cwd()
        rows = export_rows(gradebook, root, [str(a) for a in self.assignment],
                           [str(s) for s in self.student])
        with open(dest, "w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=EXPORT_COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
        flagged = sum(r["needs_review"] == "yes" for r in rows)
        self.log.info("Exported %d row(s) to %s; %d need manual review (column needs_review)",
                      len(rows), dest, flagged)
