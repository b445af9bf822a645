"""``./course report``: what a class got wrong, read from the gradebook and the autograded notebooks.

After ``./course autograde``, :func:`write_reports` writes, per assignment, a
self-contained HTML page (figures embedded as PNG) and a CSV:

* the **score distribution** of the graded students;
* per graded cell, the **pass rate** (share of students with full marks) and the
  **discrimination**: the item-rest correlation, the Pearson correlation between a
  student's score on the cell and their score on the rest of the assignment (near
  0 or negative: the cell does not separate strong from weak answers; ``-`` when
  every student scored the same);
* per test cell, the **most common failures** with their counts. A course check
  fails with a message whose first line says what was wrong and whose ``hint:``
  line names the likely mistake; failures are counted by that pair. Where it
  matches a recorded mistake fixture (the catalogue ``torchcourse/mistakes.json``,
  built from the grading proof by ``tests/mistake_catalogue.py``), the row names
  the mistake: "31 % of the class: never calls optimizer.zero_grad()";
* the **students who need review**, and why: submissions the class grader could
  not grade (``autograded/<assignment>.grading.json``), cells left for manual
  grading, and the review of :mod:`torchcourse.integrity`.

``--all`` adds ``reports/course.html`` and ``course.csv``: a students x
assignments heatmap of the share of marks, and each assignment's headline figures.

The gradebook is read with one query through nbgrader's own models, so SQLite and
PostgreSQL both work; the assignments are analysed in parallel, one process
per core, and what was read of each autograded notebook is kept in
``reports/.cache/`` so that the next report reads only the notebooks that
changed (a change to the review code or the source notebook empties it).
"""

from __future__ import annotations

import base64
import csv
import dataclasses
import hashlib
import html
import io
import json
import os
import re
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

from .authoring import _is_tests
from .course import assignment_path, db_url, step_folder
from .records import load_records

#: The recorded mistakes, by topic, test cell and failure (see the module docstring).
CATALOGUE = Path(__file__).with_name("mistakes.json")

#: What the class report calls a check that failed on the untouched stub.
NOT_ANSWERED = "not answered yet"

#: Where ``./course report`` writes, under the course folder.
REPORTS = "reports"


# ---------------------------------------------------------------- failures

@dataclasses.dataclass(frozen=True)
class Failure:
    """Why one test cell failed for one student.

    ``head`` is the first line of the error (for a course check, what was wrong:
    ``"answer_w has the wrong value"``); ``hint`` the text of its ``hint:`` line, or
    ``""``. Failures with the same ``key`` are the same failure: the key ignores the
    numbers in ``head``, which can be measured ("returned 0.0314 s").
    """

    head: str
    hint: str = ""

    @property
    def key(self) -> str:
        return f"{_NUMBER.sub('#', self.head)}\n{self.hint}"

    @property
    def not_answered(self) -> bool:
        """The check failed on the release's stub: the exercise was left as it was (the
        course's checks say "f(...) is not written yet" or "answer_x is still ...")."""
        return self.head.endswith(" is not written yet") or " is still ..." in self.head


_NUMBER = re.compile(r"\d+(?:\.\d+)?(?:e[-+]?\d+)?")

#: A graded cell scored below full marks without an error to say why (partial credit,
#: or output removed).
NO_MESSAGE = Failure("below full marks, with no error message")


def failure_of(output: dict) -> Failure:
    """The :class:`Failure` an error output of a test cell shows."""
    ename, evalue = output.get("ename", "Error"), str(output.get("evalue", ""))
    lines = evalue.splitlines() or [""]
    head = lines[0].strip() if ename == "CheckFailed" else f"{ename}: {lines[0].strip()}"
    hint = next((line.strip()[len("hint:"):].strip() for line in lines[1:]
                 if line.strip().startswith("hint:")), "")
    return Failure(head, hint)


def error_outputs(nb) -> dict:
    """``{grade id: first error output}`` for every test cell of an autograded notebook
    (an ``nbformat.NotebookNode``) that shows an error."""
    found = {}
    for cell in nb.cells:
        if not _is_tests(cell):
            continue
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if errors:
            found[cell.metadata["nbgrader"]["grade_id"]] = errors[0]
    return found


def failures_in(nb) -> dict[str, Failure]:
    """``{grade id: Failure}`` for every test cell of an autograded notebook that shows an error."""
    return {cell: failure_of(output) for cell, output in error_outputs(nb).items()}


def load_catalogue(path: Path = CATALOGUE) -> dict[str, dict[str, dict[str, list[dict]]]]:
    """``{topic: {test cell: {failure key: [mistake, ...]}}}``, each mistake a dict with
    ``exercise``, ``slug`` and ``description``; empty if there is no catalogue."""
    if not Path(path).is_file():
        return {}
    data = json.loads(Path(path).read_text())
    return {topic: {cell: {entry["key"]: entry["mistakes"] for entry in entries}
                    for cell, entries in cells.items()}
            for topic, cells in data.get("topics", {}).items()}


def mistake_label(mistake: dict) -> str:
    """A mistake's description, short: its first sentence, without the "Mistake:" prefix."""
    text = mistake.get("description") or mistake["slug"].replace("_", " ")
    for prefix in ("Headline mistake:", "Mistake:"):
        if text.startswith(prefix):
            text = text[len(prefix):].strip()
    end = text.find(". ")
    return text if end < 0 else text[:end]


# ---------------------------------------------------------------- reading

@dataclasses.dataclass
class Grades:
    """One assignment's grades: ``scores[student][cell]``, ``max_scores[cell]``, and the
    cells nbgrader left for a person to grade (``manual[student]``)."""

    max_scores: dict[str, float] = dataclasses.field(default_factory=dict)
    scores: dict[str, dict[str, float]] = dataclasses.field(default_factory=lambda: defaultdict(dict))
    manual: dict[str, list[str]] = dataclasses.field(default_factory=lambda: defaultdict(list))


def read_gradebook(url: str, assignments: list[str] | None = None) -> dict[str, Grades]:
    """``{assignment: Grades}`` from the gradebook at ``url``, in one query: every assignment
    of the gradebook is a key, with grades only for ``assignments`` (default: all)."""
    from nbgrader.api import (Assignment, Grade, GradeCell, Gradebook, Notebook,
                              SubmittedAssignment, SubmittedNotebook)

    result: dict[str, Grades] = {}
    with Gradebook(url) as gradebook:
        for name in [a.name for a in gradebook.assignments]:
            result[name] = Grades()
        query = (gradebook.db.query(Assignment.name, Notebook.name, SubmittedAssignment.student_id,
                                    GradeCell.name, GradeCell.max_score, Grade.score,
                                    Grade.needs_manual_grade)
                 .select_from(Grade)
                 .join(SubmittedNotebook, Grade.notebook_id == SubmittedNotebook.id)
                 .join(Notebook, SubmittedNotebook.notebook_id == Notebook.id)
                 .join(SubmittedAssignment, SubmittedNotebook.assignment_id == SubmittedAssignment.id)
                 .join(Assignment, SubmittedAssignment.assignment_id == Assignment.id)
                 .join(GradeCell, Grade.cell_id == GradeCell.id))
        if assignments:
            query = query.filter(Assignment.name.in_(list(assignments)))
        rows = query.all()
    several = _with_several_notebooks(rows)
    for assignment, notebook, student, cell, max_score, score, manual in rows:
        name = f"{notebook}:{cell}" if assignment in several else cell
        grades = result.setdefault(assignment, Grades())
        grades.max_scores[name] = float(max_score)
        grades.scores[student][name] = float(score or 0.0)
        if manual:
            grades.manual[student].append(name)
    return result


def _with_several_notebooks(rows) -> set[str]:
    notebooks = defaultdict(set)
    for assignment, notebook, *_ in rows:
        notebooks[assignment].add(notebook)
    return {a for a, names in notebooks.items() if len(names) > 1}


def _read_notebook(path: Path):
    """The notebook at ``path`` as a NotebookNode, without nbformat's (slow) validation."""
    from nbformat import NotebookNode
    from nbformat.v4.rwbase import rejoin_lines

    return rejoin_lines(json.loads(path.read_bytes(), object_hook=NotebookNode))


#: The code whose results :func:`examine_notebooks` caches: a change to it empties the cache.
_EXAMINERS = ("report.py", "authoring.py", "integrity.py", "kernel_check.py", "markers.py", "grading.py")


def _cache_key(source_paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in [Path(__file__).with_name(n) for n in _EXAMINERS] + list(source_paths):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def examine_notebooks(course_root: Path, assignment: str, students: list[str], *,
                      several: bool = False, cache: Path | None = None) -> dict[str, tuple[dict, list]]:
    """``{student: ({cell: Failure}, [review reason, ...])}`` from the autograded notebooks
    (a student without one gets nothing).

    With ``cache`` (a JSON file), a notebook whose size and modification time are those
    recorded there, under the same source notebook and review code, is not read again."""
    from .integrity import review_reasons

    sources = sorted(assignment_path(course_root, "source", ".", assignment).glob("*.ipynb"))
    key = _cache_key(sources)
    old = {}
    if cache is not None and cache.is_file():
        try:
            data = json.loads(cache.read_text())
            old = data["notebooks"] if data.get("key") == key else {}
        except (ValueError, KeyError):
            old = {}
    new: dict[str, list] = {}
    found: dict[str, tuple[dict, list]] = {s: ({}, []) for s in students}
    autograded = step_folder(course_root, "autograded")
    for source_path in sources:
        prefix = f"{source_path.name}:" if several else ""
        source = None
        for student in students:
            path = autograded / student / assignment / source_path.name
            try:
                stat = path.stat()
            except FileNotFoundError:
                continue
            name = f"{student}/{source_path.name}"
            stamp = [stat.st_size, stat.st_mtime_ns]
            if name in old and old[name][0] == stamp:
                failures, reasons = old[name][1], old[name][2]
            else:
                source = source if source is not None else _read_notebook(source_path)
                nb = _read_notebook(path)
                failures = [[cell, f.head, f.hint] for cell, f in failures_in(nb).items()]
                reasons = review_reasons(nb, source)
            new[name] = [stamp, failures, reasons]
            found[student][0].update({prefix + cell: Failure(head, hint) for cell, head, hint in failures})
            found[student][1].extend(prefix.replace(":", ": ") + r for r in reasons)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_name(cache.name + f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"key": key, "notebooks": new}))
        os.replace(tmp, cache)
    return found


def cell_order(course_root: Path, assignment: str) -> list[str]:
    """The graded cells' ids in the order the source notebook shows them."""
    import nbformat

    order = []
    sources = sorted(assignment_path(course_root, "source", ".", assignment).glob("*.ipynb"))
    for source in sources:
        prefix = f"{source.name}:" if len(sources) > 1 else ""
        for cell in nbformat.read(source, as_version=4).cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("grade"):
                order.append(prefix + meta["grade_id"])
    return order


# ---------------------------------------------------------------- analysis

@dataclasses.dataclass
class FailureCount:
    """One kind of failure of one cell, and who had it."""

    failure: Failure
    students: list[str]
    mistakes: list[dict]  # the recorded fixtures with this failure ([] if none)
    share: float  # of the graded students

    @property
    def count(self) -> int:
        return len(self.students)

    @property
    def label(self) -> str:
        """The mistake's name where it is recorded, else the hint (or the message)."""
        if self.failure.not_answered:
            return NOT_ANSWERED
        if self.mistakes:
            return " / ".join(dict.fromkeys(mistake_label(m) for m in self.mistakes))
        return self.failure.hint or self.failure.head


@dataclasses.dataclass
class CellAnalysis:
    """Item analysis of one graded cell."""

    name: str
    max_score: float
    pass_rate: float
    discrimination: float | None
    failures: list[FailureCount]


@dataclasses.dataclass
class AssignmentReport:
    """Everything the report says about one assignment."""

    assignment: str
    totals: dict[str, float]  # graded student -> score
    max_score: float
    cells: list[CellAnalysis]
    review: dict[str, list[str]]  # student -> reasons, for those who need review
    not_graded: dict[str, str]  # student -> crashed/rejected: reason
    seconds: float = 0.0  # analysis and HTML, set by write_reports

    @property
    def students(self) -> list[str]:
        return sorted(self.totals)

    def top_failures(self, n: int = 10, answered_only: bool = True) -> list[tuple[str, FailureCount]]:
        """The ``n`` most common failures over all cells, as ``(cell, FailureCount)``."""
        rows = [(c.name, f) for c in self.cells for f in c.failures
                if not (answered_only and f.failure.not_answered)]
        return sorted(rows, key=lambda r: (-r[1].count, r[0], r[1].label))[:n]


def discrimination(item: np.ndarray, rest: np.ndarray) -> float | None:
    """Pearson correlation of a cell's scores with the rest of the assignment (None if
    either is constant, when the correlation is undefined)."""
    if len(item) < 2 or np.ptp(item) == 0 or np.ptp(rest) == 0:
        return None
    return float(np.corrcoef(item, rest)[0, 1])


def analyse(course_root: Path, assignment: str, grades: Grades,
            catalogue: dict | None = None, cache: Path | None = None) -> AssignmentReport:
    """The :class:`AssignmentReport` of ``assignment`` from its ``grades`` and notebooks."""
    catalogue = load_catalogue() if catalogue is None else catalogue
    known = catalogue.get(assignment, {})
    students = sorted(grades.scores)
    order = [c for c in cell_order(course_root, assignment) if c in grades.max_scores]
    order += sorted(set(grades.max_scores) - set(order))
    several = any(":" in c for c in order)
    examined = examine_notebooks(course_root, assignment, students, several=several, cache=cache)

    matrix = np.array([[grades.scores[s].get(c, 0.0) for c in order] for s in students]).reshape(
        len(students), len(order))
    maxima = np.array([grades.max_scores[c] for c in order])
    totals = matrix.sum(axis=1) if len(order) else np.zeros(len(students))
    cells = []
    for j, cell in enumerate(order):
        item = matrix[:, j]
        full = item >= maxima[j] - 1e-9
        by_key: dict[str, list[str]] = defaultdict(list)
        first: dict[str, Failure] = {}
        for i, student in enumerate(students):
            if full[i]:
                continue
            failure = examined[student][0].get(cell, NO_MESSAGE)
            by_key[failure.key].append(student)
            first.setdefault(failure.key, failure)
        failures = [FailureCount(first[k], who, known.get(cell, {}).get(k, []),
                                 len(who) / max(1, len(students)))
                    for k, who in by_key.items()]
        failures.sort(key=lambda f: (-f.count, f.label))
        cells.append(CellAnalysis(cell, float(maxima[j]), float(full.mean()) if len(students) else 0.0,
                                  discrimination(item, totals - item), failures))

    records = load_records(course_root, assignment)
    not_graded = {s: f"{o.status}: {o.reason}" for s, o in sorted(records.items()) if o.status != "graded"}
    review = {s: [why] for s, why in not_graded.items()}
    for student in students:
        reasons = list(examined[student][1])
        reasons += [f"{cell}: left for manual grading" for cell in grades.manual.get(student, [])]
        if reasons:
            review[student] = reasons
    return AssignmentReport(assignment, {s: float(t) for s, t in zip(students, totals)},
                            float(maxima.sum()), cells, dict(sorted(review.items())), not_graded)


# ---------------------------------------------------------------- figures

def _png(fig) -> str:
    """The figure as a ``data:`` URI (and closed)."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=90)
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def assignment_figure(report: AssignmentReport) -> str:
    """The score distribution (left) and the pass rate of each graded cell (right), as one PNG."""
    plt = _pyplot()
    names = [c.name for c in report.cells]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, max(2.8, 0.28 * len(names) + 1)),
                                      gridspec_kw={"width_ratios": [1, 1.3]})
    scores = list(report.totals.values())
    top = max(report.max_score, 1)
    left.hist(scores, bins=np.linspace(0, top, min(21, int(top) + 2)), color="#4c72b0", edgecolor="white")
    left.set_xlabel(f"score (out of {report.max_score:g})")
    left.set_ylabel("students")
    left.set_title(f"score distribution ({len(scores)} graded)")
    rates = [100 * c.pass_rate for c in report.cells]
    colours = ["#c44e52" if r < 50 else "#dd8452" if r < 80 else "#55a868" for r in rates]
    right.barh(names[::-1], rates[::-1], color=colours[::-1])
    right.set_xlim(0, 100)
    right.set_xlabel("% of graded students with full marks")
    right.set_title("pass rate per graded cell")
    right.tick_params(axis="y", labelsize=8)
    fig.subplots_adjust(left=0.06, right=0.98, wspace=0.55, bottom=0.15)
    return _png(fig)


def _everyone(reports: list[AssignmentReport]) -> list[str]:
    """Every student of the reports, graded or not, sorted."""
    return sorted({s for r in reports for s in [*r.totals, *r.not_graded]})


def heatmap(reports: list[AssignmentReport]) -> str:
    """Students (rows, best first) x assignments: the share of marks, grey where not graded."""
    plt = _pyplot()
    students = _everyone(reports)
    shares = np.full((len(students), len(reports)), np.nan)
    for j, r in enumerate(reports):
        for i, s in enumerate(students):
            if s in r.totals and r.max_score:
                shares[i, j] = r.totals[s] / r.max_score
    order = np.argsort(-np.nan_to_num(shares, nan=0).mean(axis=1), kind="stable")
    shares, students = shares[order], [students[i] for i in order]
    height = min(40.0, max(3.0, 0.16 * len(students) + 1.5))
    fig, ax = plt.subplots(figsize=(max(5.0, 0.55 * len(reports) + 2), height))
    cmap = plt.get_cmap("RdYlGn").with_extremes(bad="#cccccc")
    image = ax.imshow(np.ma.masked_invalid(shares), aspect="auto", cmap=cmap, vmin=0, vmax=1,
                      interpolation="nearest")
    ax.set_xticks(range(len(reports)), [r.assignment for r in reports], rotation=60, ha="right")
    if len(students) <= 80:
        ax.set_yticks(range(len(students)), students, fontsize=7)
    else:
        ax.set_yticks([])
        ax.set_ylabel(f"{len(students)} students, best first")
    fig.colorbar(image, ax=ax, fraction=0.04, label="share of the marks (grey: not graded)")
    ax.set_title("students x assignments")
    fig.tight_layout()
    return _png(fig)


# ---------------------------------------------------------------- writing

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 70em; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25em 0.7em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.small { color: #666; font-size: 0.85em; }
.figures img { max-width: 100%; margin-right: 1em; }
code { background: #f4f4f4; padding: 0 0.2em; }
"""


def _pct(x: float) -> str:
    return f"{100 * x:.0f} %"


def _disc(x: float | None) -> str:
    return "-" if x is None else f"{x:+.2f}"


def assignment_html(report: AssignmentReport, top: int = 5) -> str:
    """The report's body for one assignment (a ``<section>``)."""
    e = html.escape
    totals = np.array(list(report.totals.values()) or [0.0])
    n = len(report.totals)
    out = [f'<section id="{e(report.assignment)}"><h2>{e(report.assignment)}</h2>',
           f"<p>{n} graded, {len(report.not_graded)} not graded; mean {totals.mean():.1f} / "
           f"{report.max_score:g}, median {np.median(totals):.1f}; "
           f"{len(report.review)} need review.</p>",
           f'<div class="figures"><img alt="score distribution and pass rate per cell of '
           f'{e(report.assignment)}" src="{assignment_figure(report)}"></div>']
    common = report.top_failures(top)
    if common:
        out.append("<h3>Most common mistakes</h3><table><tr><th>students</th><th>cell</th>"
                   "<th>mistake (or the check's hint)</th></tr>")
        for cell, f in common:
            out.append(f'<tr><td class="num">{f.count} ({_pct(f.share)})</td><td><code>{e(cell)}</code>'
                       f"</td><td>{e(f.label)}</td></tr>")
        out.append("</table>")
    out.append("<h3>Graded cells</h3><table><tr><th>cell</th><th>points</th><th>pass rate</th>"
               "<th>discrimination</th><th>most common failures (students: mistake, or the check's "
               "message and hint)</th></tr>")
    for cell in report.cells:
        lines = []
        for f in cell.failures[:top]:
            detail = e(f.label)
            if f.mistakes or f.failure.not_answered:
                detail = f"<b>{detail}</b>"
            detail += f'<br><span class="small">{e(f.failure.head)}</span>'
            lines.append(f"{f.count} ({_pct(f.share)}): {detail}")
        if len(cell.failures) > top:
            lines.append(f'<span class="small">and {len(cell.failures) - top} other kind(s)</span>')
        out.append(f"<tr><td><code>{e(cell.name)}</code></td><td class='num'>{cell.max_score:g}</td>"
                   f"<td class='num'>{_pct(cell.pass_rate)}</td><td class='num'>"
                   f"{_disc(cell.discrimination)}</td><td>{'<br>'.join(lines) or '-'}</td></tr>")
    out.append("</table>")
    out.append(f"<h3>Students who need review ({len(report.review)})</h3>")
    if report.review:
        out.append("<table><tr><th>student</th><th>why</th></tr>")
        for student, reasons in report.review.items():
            out.append(f"<tr><td>{e(student)}</td><td>{'<br>'.join(map(e, reasons))}</td></tr>")
        out.append("</table>")
    else:
        out.append("<p>None.</p>")
    out.append("</section>")
    return "\n".join(out)


def page(title: str, body: str, seconds: float) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}'
            f"</title><style>{STYLE}</style></head><body><h1>{html.escape(title)}</h1>\n{body}\n"
            f'<p class="small">Written by ./course report in {seconds:.1f} s. Pass rate: share of graded '
            "students with full marks. Discrimination: correlation between the cell's score and the "
            "rest of the assignment. Failures are counted by the first line of the check's message "
            "and its hint; names in bold are recorded mistakes (tests/submissions/).</p></body></html>\n")


CSV_COLUMNS = ["assignment", "cell", "max_score", "graded_students", "pass_rate", "discrimination",
               "failure_rank", "failure_students", "failure_share", "mistakes", "label", "message", "hint"]


def write_csv(report: AssignmentReport, path: Path) -> None:
    """One row per cell and kind of failure (a cell nobody failed has one row, failure columns empty)."""
    with open(path, "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for cell in report.cells:
            base = {"assignment": report.assignment, "cell": cell.name, "max_score": cell.max_score,
                    "graded_students": len(report.totals), "pass_rate": round(cell.pass_rate, 4),
                    "discrimination": "" if cell.discrimination is None else round(cell.discrimination, 4)}
            if not cell.failures:
                writer.writerow(base)
            for rank, f in enumerate(cell.failures, 1):
                writer.writerow({**base, "failure_rank": rank, "failure_students": f.count,
                                 "failure_share": round(f.share, 4),
                                 "mistakes": " ".join(f"{m['exercise']}/{m['slug']}" for m in f.mistakes),
                                 "label": f.label, "message": f.failure.head, "hint": f.failure.hint})


def _assignment_part(job) -> tuple[AssignmentReport, str]:
    """One assignment's analysis and HTML section (the unit of work of the process pool)."""
    start = time.perf_counter()
    report = analyse(*job)
    body = assignment_html(report)
    report.seconds = time.perf_counter() - start
    return report, body


def write_reports(course_root: Path, assignments: list[str] | None = None, *, all_assignments: bool = False,
                  output: Path | None = None, url: str | None = None, workers: int | None = None,
                  catalogue: dict | None = None) -> tuple[list[Path], list[AssignmentReport], float]:
    """Write ``<assignment>.html`` and ``.csv`` for each assignment (and, with ``all_assignments``,
    ``course.html`` and ``course.csv``) into ``output`` (default ``<course>/reports``).
    Assignments are analysed ``workers`` at a time (default: the cores), each in a process
    of its own. Returns ``(written paths, reports, seconds)``."""
    start = time.perf_counter()
    course_root = Path(course_root)
    output = Path(output) if output else course_root / REPORTS
    output.mkdir(parents=True, exist_ok=True)
    url = url or db_url(course_root)
    if url.startswith("sqlite:///") and not Path(url[len("sqlite:///"):]).is_file():
        raise ValueError(f"no gradebook at {url[len('sqlite:///'):]}: grade the class first "
                         "(./course autograde <assignment>)")
    grades = read_gradebook(url, None if all_assignments else assignments)
    if all_assignments or not assignments:  # every assignment that has grades
        names = sorted(a for a in grades if grades[a].scores or load_records(course_root, a))
        if not names:
            raise ValueError("no graded submission in the gradebook yet: run ./course autograde "
                             "<assignment> first")
    else:
        names = [a for a in assignments if a in grades]
    missing = [a for a in (assignments or []) if a not in grades]
    if missing:
        raise ValueError(f"no assignment {', '.join(missing)} in the gradebook; its assignments: "
                         f"{', '.join(sorted(grades)) or 'none'}. Run ./course autograde first.")
    catalogue = load_catalogue() if catalogue is None else catalogue
    jobs = [(course_root, a, grades[a], catalogue, output / ".cache" / f"{a}.json") for a in names]
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    _pyplot()  # imported once, before the pool forks
    if workers == 1:
        parts = list(map(_assignment_part, jobs))
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            parts = list(pool.map(_assignment_part, jobs))
    reports = [report for report, _ in parts]
    written = []
    for report, body in parts:
        path = output / f"{report.assignment}.html"
        path.write_text(page(f"Class report: {report.assignment}", body, report.seconds))
        write_csv(report, output / f"{report.assignment}.csv")
        written += [path, output / f"{report.assignment}.csv"]
    if all_assignments:
        written += write_course_summary(reports, output, time.perf_counter() - start)
    return written, reports, time.perf_counter() - start


def write_course_summary(reports: list[AssignmentReport], output: Path, seconds: float) -> list[Path]:
    """``course.html`` (the heatmap and a line per assignment) and ``course.csv`` (students x
    assignments, the scores)."""
    e = html.escape
    rows = ["<table><tr><th>assignment</th><th>graded</th><th>mean score</th><th>need review</th>"
            "<th>most common mistake</th></tr>"]
    for r in reports:
        mean = np.mean(list(r.totals.values())) if r.totals else 0.0
        top = r.top_failures(1)
        mistake = f"{top[0][1].count} ({_pct(top[0][1].share)}): {e(top[0][1].label)}" if top else "-"
        rows.append(f'<tr><td><a href="{e(r.assignment)}.html">{e(r.assignment)}</a></td>'
                    f"<td class='num'>{len(r.totals)}</td><td class='num'>{mean:.1f} / {r.max_score:g}</td>"
                    f"<td class='num'>{len(r.review)}</td><td>{mistake}</td></tr>")
    rows.append("</table>")
    body = (f'<div class="figures"><img alt="students x assignments heatmap" src="{heatmap(reports)}"></div>'
            + "\n".join(rows))
    html_path = output / "course.html"
    html_path.write_text(page("Class report: all assignments", body, seconds))
    csv_path = output / "course.csv"
    with open(csv_path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student", *[r.assignment for r in reports]])
        for s in _everyone(reports):
            writer.writerow([s, *[r.totals.get(s, "") for r in reports]])
    return [html_path, csv_path]
