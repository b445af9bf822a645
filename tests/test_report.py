"""The class report (torchcourse/report.py) on the grading benchmark's synthetic class.

The class is built from the grading proof's graded notebooks (tests/synthetic_class.py),
so every student's mistake is known: the report must name each injected mistake in the
cells it fails, with the number of students who were given it.
"""

import csv
from html import escape as html_escape
import json
from collections import Counter
from pathlib import Path

import pytest

import mistake_catalogue
import synthetic_class
from adversarial import TOPIC as ATTACKED_TOPIC
from torchcourse import classroom, pipeline, report
from torchcourse.report import Failure, failure_of, load_catalogue

TOPICS = pipeline.topics()
STUDENTS = 60


@pytest.fixture(scope="module")
def attacked(tmp_path_factory):
    return synthetic_class.attacked_course(tmp_path_factory.mktemp("attacked") / "course")


def _mistake_kind(kind: str) -> str | None:
    """``exercise/slug`` of a proof student that holds one mistake, else None."""
    if not kind.startswith("mistake--"):
        return None
    _, exercise, slug = kind.split("--")
    return f"{exercise}/{slug.removeprefix('headline_')}"


@pytest.mark.parametrize("topic", TOPICS)
def test_the_mistake_catalogue_is_up_to_date(topic, graded):
    recorded = mistake_catalogue.load()["topics"].get(topic)
    assert recorded == mistake_catalogue.topic_entries(graded[topic]), (
        f"torchcourse/mistakes.json is out of date for {topic}: run `python tests/mistake_catalogue.py "
        f"{topic}` (through ./course's environment) and commit the file")


@pytest.mark.parametrize("topic", TOPICS)
def test_the_report_names_the_injected_mistakes_with_their_true_counts(topic, graded, attacked, tmp_path):
    cls = synthetic_class.build(tmp_path / "class", {topic: graded[topic].course_root}, STUDENTS, seed=0,
                                attacked=attacked if topic == ATTACKED_TOPIC else None)
    kinds = cls.kinds[topic]
    _, (rep,), _ = report.write_reports(cls.course_root, [topic], workers=1)
    truth = graded[topic].scores  # proof student -> cell -> (score, max)
    injected = Counter(_mistake_kind(k) for k in kinds.values() if _mistake_kind(k))
    assert injected, "the synthetic class holds no mistake"

    def fails(kind, cell):
        score, max_score = truth[kind][cell]
        return score < max_score

    honest = {s for s, k in kinds.items() if not k.startswith(synthetic_class.ATTACK)}
    by_cell = {c.name: c for c in rep.cells}
    for kind, n in Counter(kinds.values()).items():
        mistake = _mistake_kind(kind)
        if not mistake:
            continue
        for cell in (c for c in truth[kind] if fails(kind, c)):
            rows = [f for f in by_cell[cell].failures
                    if mistake in {f"{m['exercise']}/{m['slug']}" for m in f.mistakes}]
            assert len(rows) == 1, f"{cell}: the report does not name {mistake} (injected {n}x)"
            named = {f"{m['exercise']}/{m['slug']}" for m in rows[0].mistakes}
            expected = sum(injected[m] for m in named
                           if any(fails(k, cell) for k in kinds.values() if _mistake_kind(k) == m))
            assert len([s for s in rows[0].students if s in honest]) == expected, (
                f"{cell}: {rows[0].label!r} counted {rows[0].count}, injected {expected}")
    # Every failure of an honest student is an injected mistake or an unanswered exercise,
    # so the most common failures the report ranks are named mistakes, with the counts above.
    for cell in rep.cells:
        for f in cell.failures:
            if set(f.students) & honest and not f.failure.not_answered:
                assert f.mistakes, f"{cell.name}: {f.label!r} ({f.count} students) names no recorded mistake"
    releases = {s for s, k in kinds.items() if k == "release"}
    for cell in rep.cells:
        unanswered = {s for f in cell.failures if f.failure.not_answered for s in f.students}
        assert unanswered & honest == releases, f"{cell.name}: 'not answered' is not the untouched release"
    top = rep.top_failures(5)
    assert top and all(f.mistakes for _, f in top)
    assert [f.count for _, f in top] == sorted((f.count for _, f in top), reverse=True)
    # Pass rates agree with nbgrader's own reading of the gradebook.
    graded_students = sorted(rep.totals)
    scores = classroom.read_scores(cls.course_root, topic, graded_students)
    for cell in rep.cells:
        full = sum(scores[s][cell.name][0] >= scores[s][cell.name][1] for s in graded_students)
        assert cell.pass_rate == pytest.approx(full / len(graded_students))
    # Every attack that was not graded is listed for review; the honest students are not.
    for student, kind in kinds.items():
        if kind.startswith(synthetic_class.ATTACK) and student not in rep.totals:
            assert student in rep.review, f"{student} ({kind}) was not graded but is not listed for review"
    assert not honest & set(rep.review), f"honest students flagged: {sorted(honest & set(rep.review))}"
    # The CSV says the same as the page.
    rows = list(csv.DictReader(open(cls.course_root / "reports" / f"{topic}.csv")))
    assert {r["cell"] for r in rows} == set(by_cell)
    html = (cls.course_root / "reports" / f"{topic}.html").read_text()
    assert html.count("data:image/png;base64,") == 1
    assert html_escape(top[0][1].label) in html


def test_failures_are_read_from_the_check_message():
    output = {"output_type": "error", "ename": "CheckFailed",
              "evalue": "w has the wrong value\n  expected: 2.0\n  got:      0.5\n  hint: Reset w.grad.",
              "traceback": []}
    assert failure_of(output) == Failure("w has the wrong value", "Reset w.grad.")
    assert failure_of({"ename": "NameError", "evalue": "name 'x' is not defined"}) == \
        Failure("NameError: name 'x' is not defined")
    assert Failure("f(x=1) is not written yet", "Replace ...").not_answered
    assert not Failure("f has the wrong value").not_answered


def test_discrimination_is_the_item_rest_correlation():
    import numpy as np

    item = np.array([0.0, 0.0, 1.0, 1.0])
    assert report.discrimination(item, np.array([1.0, 2.0, 3.0, 4.0])) == pytest.approx(0.894, abs=1e-3)
    assert report.discrimination(item, np.array([4.0, 3.0, 2.0, 1.0])) < 0
    assert report.discrimination(np.ones(4), np.arange(4.0)) is None  # everyone passed: undefined


def test_report_all_has_the_heatmap_and_a_row_per_student(graded, attacked, tmp_path):
    topics = ["01_tensors", ATTACKED_TOPIC]
    cls = synthetic_class.build(tmp_path / "class", {t: graded[t].course_root for t in topics}, 30,
                                seed=1, attacked=attacked)
    written, reports, seconds = report.write_reports(cls.course_root, all_assignments=True)
    names = {p.name for p in written}
    assert {"course.html", "course.csv", "01_tensors.html", f"{ATTACKED_TOPIC}.csv"} <= names
    page = (cls.course_root / "reports" / "course.html").read_text()
    assert 'alt="students x assignments heatmap"' in page and page.count("data:image/png") == 1
    rows = list(csv.reader(open(cls.course_root / "reports" / "course.csv")))
    assert rows[0] == ["student", *topics] and len(rows) == 1 + 30


def test_report_of_an_unknown_assignment_says_what_there_is(graded, tmp_path):
    cls = synthetic_class.build(tmp_path / "class", {"01_tensors": graded["01_tensors"].course_root}, 3)
    with pytest.raises(ValueError, match="no assignment 99_nope in the gradebook; its assignments: 01_tensors"):
        report.write_reports(cls.course_root, ["99_nope"])


def test_the_catalogue_names_every_mistake_fixture():
    catalogue = load_catalogue()
    import proof

    for topic in TOPICS:
        named = {f"{m['exercise']}/{m['slug']}" for entries in catalogue.get(topic, {}).values()
                 for mistakes in entries.values() for m in mistakes}
        fixtures = {f"{f.exercise}/{f.slug}" for f in proof.fixtures(topic) if f.kind == "mistake"}
        assert named == fixtures, f"{topic}: catalogue and fixtures differ: {sorted(named ^ fixtures)}"
    assert json.loads(Path(report.CATALOGUE).read_text())["about"]


def test_a_second_report_reads_only_the_notebooks_that_changed(graded, tmp_path, monkeypatch):
    topic = "01_tensors"
    cls = synthetic_class.build(tmp_path / "class", {topic: graded[topic].course_root}, 12, seed=2)
    _, (first,), _ = report.write_reports(cls.course_root, [topic], workers=1)
    read = []
    original = report._read_notebook
    monkeypatch.setattr(report, "_read_notebook", lambda path: read.append(path) or original(path))
    _, (second,), _ = report.write_reports(cls.course_root, [topic], workers=1)
    assert read == [] and second.cells == first.cells and second.review == first.review
    notebook = next((cls.course_root / "autograded").glob(f"*/{topic}/{topic}.ipynb"))
    notebook.write_bytes(notebook.read_bytes() + b"\n")  # a regrade rewrites the file
    report.write_reports(cls.course_root, [topic], workers=1)
    assert [p.name for p in read] == [f"{topic}.ipynb", f"{topic}.ipynb"]  # the source, then that one


def test_the_report_reads_a_postgresql_gradebook_the_same(graded, postgres_server, tmp_path):
    import sqlalchemy as sa

    from torchcourse.gradebook import create_gradebook

    topic = "05_gradient_descent"
    cls = synthetic_class.build(tmp_path / "class", {topic: graded[topic].course_root}, 20, seed=3)
    url = postgres_server.createdb("report")
    create_gradebook(url, "pytorch-fundamentals")
    source, target = sa.create_engine(f"sqlite:///{cls.course_root / 'gradebook.db'}"), sa.create_engine(url)
    tables = sa.MetaData()
    tables.reflect(target)
    with source.connect() as src, target.begin() as dst:
        for table in tables.sorted_tables:  # parents first, for the foreign keys
            if table.name != "alembic_version":
                rows = [dict(r._mapping) for r in src.execute(sa.select(sa.table(table.name, *[
                    sa.column(c.name) for c in table.columns])))]
                dst.execute(table.delete())
                if rows:
                    dst.execute(table.insert(), rows)
    target.dispose()
    _, (from_sqlite,), _ = report.write_reports(cls.course_root, [topic], workers=1)
    _, (from_postgres,), _ = report.write_reports(cls.course_root, [topic], workers=1, url=url,
                                                  output=tmp_path / "pg")
    assert from_postgres.totals == from_sqlite.totals and from_postgres.cells == from_sqlite.cells


def test_report_before_grading_says_what_to_do(tmp_path):
    from torchcourse.course import copy_course
    from torchcourse.gradebook import create_gradebook

    course = copy_course(pipeline.ROOT, tmp_path / "course", ["01_tensors"])
    with pytest.raises(ValueError, match="no gradebook at .*: grade the class first"):
        report.write_reports(course)
    assert not (course / "gradebook.db").exists(), "reading must not create a gradebook"
    create_gradebook(f"sqlite:///{course / 'gradebook.db'}")
    with pytest.raises(ValueError, match="no graded submission in the gradebook yet"):
        report.write_reports(course, all_assignments=True)
