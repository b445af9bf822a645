"""The gradebook on PostgreSQL, through the class grader, against a real server.

A private server (tests/postgres.py, fixture ``postgres_server``) runs for the
session. One topic's class is graded into it in two shards at once: two
processes, as two machines of a Slurm array or a Kubernetes indexed Job would,
each running ``grade_class(..., shard=(K, 2))`` (``./course autograde --shard
K/2``) into the same PostgreSQL gradebook. Together they must grade every
student exactly once, with the grades that the grading proof already has for
the same notebooks in SQLite (nothing is graded twice), and the same export;
a rerun resumes (skips everyone).
Empty gradebooks are created in-process (torchcourse.gradebook), which skips
nbgrader's slow ``alembic heads`` subprocess.
"""

import concurrent.futures
import csv
import json
import os
import subprocess
import sys

import pytest
from sqlalchemy import create_engine, text

import postgres
import proof
from torchcourse import classroom, gradebook, pipeline, records
from torchcourse.course import copy_course, sqlite_url
from torchcourse.runner import run_nbgrader

TOPIC = "06_nn_module"
COURSE_ID = "pytorch-fundamentals"  # nbgrader_config.py's default
PLAN = proof.fixture_plan(TOPIC)
STUDENTS = ["release", "solution", *[s for s in PLAN if s.startswith("mistake--")][:3], "alternatives-1"]
SHARDS = 2

#: One shard's grader, as a machine of the array would run it (prints its report as JSON).
SHARD_GRADER = """
import json, sys, time
from torchcourse import classroom
start = time.time()
report = classroom.grade_class(sys.argv[1], sys.argv[2], workers=1, shard=classroom.parse_shard(sys.argv[3]))
print(json.dumps({"graded": report.students("graded"), "skipped": report.skipped,
                  "other": sorted(set(report.outcomes) - set(report.students("graded"))),
                  "start": start, "end": time.time()}))
"""


def _env(url):
    return {"NBGRADER_DB_URL": url}


def _grade_shard(course, url, shard: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", SHARD_GRADER, str(course), TOPIC, shard],
                          env={**os.environ, **_env(url)}, capture_output=True, text=True)
    assert proc.returncode == 0, f"shard {shard} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _grade_all_shards(course, url) -> dict:
    with concurrent.futures.ThreadPoolExecutor(SHARDS) as pool:
        shards = [f"{k}/{SHARDS}" for k in range(1, SHARDS + 1)]
        return dict(zip(shards, pool.map(lambda shard: _grade_shard(course, url, shard), shards)))


@pytest.fixture(scope="module")
def sharded(postgres_server, tmp_path_factory):
    """``(db_url, course root, {shard: report}, {shard: report of the rerun})``.

    The URL reaches nbgrader through the graders' environment only: this process
    keeps grading the proof into SQLite."""
    url = postgres_server.createdb("gradebook")
    gradebook.create_gradebook(url, COURSE_ID)
    course = copy_course(pipeline.ROOT, tmp_path_factory.mktemp("postgres") / "course", [TOPIC])
    run_nbgrader(["generate_assignment", TOPIC, "--force"], course, env=_env(url))
    submissions = proof.fixture_submissions(TOPIC, course)
    proof.submit(TOPIC, {s: submissions[s] for s in STUDENTS}, course)
    first = _grade_all_shards(course, url)
    again = _grade_all_shards(course, url)
    return url, course, first, again


def test_pinned_alembic_head_is_nbgrader_installed_head():
    """create_gradebook writes ALEMBIC_HEAD; an nbgrader upgrade with a new migration fails here."""
    assert gradebook.alembic_head() == gradebook.ALEMBIC_HEAD


def test_every_student_is_in_exactly_one_shard_and_each_shard_has_some():
    shards = [[s for s in STUDENTS if classroom.in_shard(s, (k, SHARDS))] for k in range(1, SHARDS + 1)]
    assert sorted(s for shard in shards for s in shard) == sorted(STUDENTS)
    assert all(shards), f"a shard got no student, so the test proves little: {shards}"


def test_two_shards_at_once_grade_every_student_once_with_a_single_runs_grades(sharded, graded):
    url, course, first, _ = sharded
    assert not (course / "gradebook.db").exists(), "nbgrader fell back to SQLite"
    graded_by = [s for report in first.values() for s in report["graded"]]
    assert sorted(graded_by) == sorted(STUDENTS), first  # each exactly once
    assert not any(report["other"] for report in first.values()), first
    with create_engine(url).connect() as db:  # the grades really are in PostgreSQL, once each
        rows = db.execute(text(
            "SELECT s.student_id FROM submitted_assignment s JOIN assignment a "
            "ON s.assignment_id = a.id WHERE a.name = :topic"), {"topic": TOPIC}).scalars().all()
    assert sorted(rows) == sorted(STUDENTS)
    scores = classroom.read_scores(course, TOPIC, STUDENTS, url)
    assert scores == {s: graded[TOPIC].scores[s] for s in STUDENTS}  # the proof's SQLite grades
    course_result = proof.GradedCourse(TOPIC, course, scores, 0)
    assert all(not proof.unexpected_scores(course_result, s, PLAN[s]) for s in STUDENTS)


def test_the_shards_really_ran_at_the_same_time(sharded):
    first = sharded[2]
    last_start = max(r["start"] for r in first.values())
    first_end = min(r["end"] for r in first.values())
    assert last_start < first_end, f"the shards did not overlap: {first}"


def test_each_shard_keeps_its_own_records_and_a_rerun_resumes(sharded):
    _, course, first, again = sharded
    for k in range(1, SHARDS + 1):
        path = records.records_path(course, TOPIC, (k, SHARDS))
        mine = json.loads(path.read_text())["students"]
        assert sorted(mine) == sorted(first[f"{k}/{SHARDS}"]["graded"])
        assert all(record["status"] == "graded" for record in mine.values())
    merged = records.load_records(course, TOPIC)
    assert sorted(merged) == sorted(STUDENTS)
    assert all(not r["graded"] for r in again.values()), again  # nothing graded twice
    assert sorted(s for r in again.values() for s in r["skipped"]) == sorted(STUDENTS)


def _export(url, course_root, students):
    """``nbgrader export`` rows of ``students``, sorted (row order differs between databases)."""
    out = course_root / "grades.csv"
    run_nbgrader(["export", "--to", str(out)], course_root, env=_env(url))
    with open(out, newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["student_id"] in students]
    return sorted(rows, key=lambda row: (row["assignment"], row["student_id"]))


def test_export_from_postgres_gives_the_same_rows_as_sqlite(sharded, graded):
    url, course, _, _ = sharded
    sqlite_course = graded[TOPIC].course_root
    rows = _export(url, course, STUDENTS)
    assert [row["student_id"] for row in rows] == sorted(STUDENTS)
    assert rows == _export(sqlite_url(sqlite_course), sqlite_course, STUDENTS)


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
    course = copy_course(pipeline.ROOT, tmp_path)
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
