"""The gradebook on PostgreSQL, through the real nbgrader CLI, against a real server.

A private server (tests/postgres.py, fixture ``postgres_server``) runs for the
session. One topic's release, solution and one mistake are generated and
autograded twice, at the same time: into SQLite (the default ``gradebook.db``,
one ``nbgrader autograde``) and into PostgreSQL (``NBGRADER_DB_URL``), where one
grader process per student writes concurrently (the reason to use PostgreSQL:
graders on several machines, a JupyterHub). Both must give the expected scores
and the same export.
Empty gradebooks are created in-process (torchcourse.gradebook), which skips
nbgrader's slow ``alembic heads`` subprocess.
"""

import concurrent.futures
import csv
import os
import subprocess
import sys
import time

import pytest
from sqlalchemy import create_engine, text

import postgres
from torchcourse import gradebook, pipeline

TOPIC = "06_nn_module"
COURSE_ID = "pytorch-fundamentals"  # nbgrader_config.py's default
PLAN = pipeline.fixture_plan(TOPIC)
MISTAKE = next(student for student in PLAN if student.startswith("mistake--"))
STUDENTS = ["release", "solution", MISTAKE]


def _env(url):
    return {"NBGRADER_DB_URL": url}


def _new_course(url, workdir):
    """``(course root, {student: notebook})``: a course copy in ``workdir`` with its
    gradebook at ``url`` and the release generated; STUDENTS' submissions, not yet submitted."""
    course = pipeline.make_course_copy([TOPIC], workdir)
    gradebook.create_gradebook(url, COURSE_ID)
    pipeline.run_nbgrader(["generate_assignment", TOPIC, "--force"], course, env=_env(url))
    submissions = pipeline.fixture_submissions(TOPIC, course)
    return course, {s: submissions[s] for s in STUDENTS}


def _grade_with_one_process(url, workdir):
    """``(GradedCourse, None)``: one ``nbgrader autograde`` grades every student."""
    course, submissions = _new_course(url, workdir)
    return pipeline.autograde(TOPIC, submissions, course, db_url=url), None


def _grader(course, url):
    """A function: student -> ``(start, end)`` of an ``nbgrader autograde --student`` run for them."""
    def run(student):
        start = time.perf_counter()
        pipeline.run_nbgrader(["autograde", TOPIC, "--force", "--student", student], course, env=_env(url))
        return start, time.perf_counter()
    return run


def _grade_with_one_process_per_student(url, workdir):
    """``(GradedCourse, {student: (start, end)})``: the graders all start at once."""
    course, submissions = _new_course(url, workdir)
    pipeline.submit(TOPIC, submissions, course)
    with concurrent.futures.ThreadPoolExecutor(len(STUDENTS)) as pool:
        spans = dict(zip(STUDENTS, pool.map(_grader(course, url), STUDENTS)))
    scores = pipeline.read_scores(course, TOPIC, STUDENTS, url)
    return pipeline.GradedCourse(TOPIC, course, scores, 0), spans


@pytest.fixture(scope="module")
def graded(postgres_server, tmp_path_factory):
    """``{backend: (db_url, GradedCourse, grader spans)}`` for "postgres" and "sqlite"."""
    workdir = tmp_path_factory.mktemp("gradebooks")
    jobs = {"postgres": (_grade_with_one_process_per_student, postgres_server.createdb("gradebook")),
            "sqlite": (_grade_with_one_process, pipeline.sqlite_url(workdir / "sqlite"))}
    with concurrent.futures.ThreadPoolExecutor(len(jobs)) as pool:
        futures = {b: pool.submit(grade, url, workdir / b) for b, (grade, url) in jobs.items()}
        return {b: (jobs[b][1], *futures[b].result()) for b in jobs}


def test_pinned_alembic_head_is_nbgrader_installed_head():
    """create_gradebook writes ALEMBIC_HEAD; an nbgrader upgrade with a new migration fails here."""
    assert gradebook.alembic_head() == gradebook.ALEMBIC_HEAD


def test_autograde_on_postgres_gives_the_expected_scores_and_the_same_as_sqlite(graded):
    url, course, _ = graded["postgres"]
    assert not (course.course_root / "gradebook.db").exists(), "nbgrader fell back to SQLite"
    with create_engine(url).connect() as db:  # the grades really are in PostgreSQL
        graded_students = db.execute(text(
            "SELECT DISTINCT s.student_id FROM submitted_assignment s JOIN assignment a "
            "ON s.assignment_id = a.id WHERE a.name = :topic"), {"topic": TOPIC}).scalars()
        assert sorted(graded_students) == sorted(STUDENTS)
    assert sum(score for score, _ in course.scores["solution"].values()) > 0
    wrong = {s: bad for s in STUDENTS if (bad := pipeline.unexpected_scores(course, s, PLAN[s]))}
    assert wrong == {}
    assert course.scores == graded["sqlite"][1].scores


def test_the_postgres_graders_really_ran_at_the_same_time(graded):
    """One grader per student, all writing to PostgreSQL at once."""
    spans = graded["postgres"][2]
    last_start = max(start for start, _ in spans.values())
    first_end = min(end for _, end in spans.values())
    assert last_start < first_end, f"the graders did not overlap: {spans}"


def _export(url, course_root):
    """``nbgrader export`` rows, sorted (row order differs between databases)."""
    out = course_root / "grades.csv"
    pipeline.run_nbgrader(["export", "--to", str(out)], course_root, env=_env(url))
    with open(out, newline="") as handle:
        return sorted(csv.DictReader(handle), key=lambda row: (row["assignment"], row["student_id"]))


def test_export_from_postgres_gives_the_same_rows_as_sqlite(graded):
    with concurrent.futures.ThreadPoolExecutor(len(graded)) as pool:
        rows = dict(zip(graded, pool.map(lambda g: _export(g[0], g[1].course_root), graded.values())))
    assert [row["student_id"] for row in rows["postgres"]] == sorted(STUDENTS)
    assert rows["postgres"] == rows["sqlite"]


def test_the_server_is_stopped_and_deleted_even_when_the_test_fails():
    with pytest.raises(ZeroDivisionError):
        with postgres.running_server() as server:
            assert postgres.port_is_open(server.port)
            1 / 0
    assert not postgres.port_is_open(server.port), "PostgreSQL still listens after the test"
    assert not server.folder.exists()


def test_without_postgresql_the_tests_fail_and_say_how_to_install_it(monkeypatch):
    monkeypatch.setenv("PATH", "")                           # no pg_config
    monkeypatch.setattr(postgres.glob, "glob", lambda pattern: [])  # no /usr/lib/postgresql/*/bin
    with pytest.raises(postgres.PostgresNotFound, match="apt-get install postgresql"):
        postgres.find_bindir()


def test_an_unreachable_gradebook_stops_nbgrader_with_what_to_do(tmp_path):
    """Exit with a message, not a traceback; and never go on with a SQLite gradebook instead."""
    url = f"postgresql+psycopg://grader:s3cret@127.0.0.1:{postgres.free_port()}/gradebook"  # no server
    course = pipeline.make_course_copy([], tmp_path)
    proc = subprocess.run([sys.executable, "-m", "nbgrader", "db", "student", "list"], cwd=course,
                          env={**os.environ, **_env(url)}, capture_output=True, text=True)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0 and "Traceback" not in output, output
    assert "cannot connect to the gradebook postgresql+psycopg://grader:***@" in output
    assert "~/.pgpass" in output and "s3cret" not in output
    assert not (course / "gradebook.db").exists(), "nbgrader went on with a SQLite gradebook"


@pytest.mark.parametrize("url, message", [
    ("postgresql+psycopg2://grader@127.0.0.1:5432/gradebook", r"driver is missing .*pip install"),
    ("postgres://grader@127.0.0.1:5432/gradebook", r"driver is missing"),
    ("gradebook.db", r"is not a database URL"),
])
def test_an_unusable_gradebook_url_says_what_to_do(url, message):
    with pytest.raises(gradebook.GradebookURLError, match=message):
        gradebook.check_db_url(url)


def test_parallel_class_autograde_writes_to_postgres(postgres_server, tmp_path, monkeypatch):
    """`./course autograde --workers 2` (torchcourse.classroom) with the gradebook on PostgreSQL:
    workers use private SQLite copies, the merge writes to the server."""
    from torchcourse import classroom

    url = postgres_server.createdb("classroom")
    course, submissions = _new_course(url, tmp_path / "course")
    pipeline.submit(TOPIC, {s: submissions[s] for s in ("release", "solution")}, course)
    monkeypatch.setenv("NBGRADER_DB_URL", url)
    report = classroom.grade_class(course, TOPIC, workers=2)
    assert report.students("graded") == ["release", "solution"], report.outcomes
    scores = pipeline.read_scores(course, TOPIC, ["release", "solution"], url)
    graded = pipeline.GradedCourse(TOPIC, course, scores, 0)
    assert not pipeline.unexpected_scores(graded, "release", PLAN["release"])
    assert not pipeline.unexpected_scores(graded, "solution", PLAN["solution"])
    assert not (course / "gradebook.db").exists()
