"""The grading benchmark's synthetic class, graded in seconds from results the suite already has.

:func:`class_kinds` draws who submits what (benchmarks/grading.py grades that
class for real, which takes minutes per topic): each student submits one
entry of the grading proof's fixture plan (the solutions, one recorded mistake,
the recorded alternatives, the untouched release; tests/proof.py) and, in the
adversarial suite's topic, about a quarter of the class submits an attack
(tests/adversarial.py).

:func:`build` makes that class, graded, out of notebooks that were graded
already: the grading proof's courses (one per topic) and the adversarial
suite's. A student drawn as kind K gets a copy of the notebook autograded for
proof student K, K's grades (copied row by row into a fresh SQLite gradebook,
under nbgrader's schema), and K's grading record. That is what autograde gives
the same notebook, so the class report can be tested, and timed, on hundreds
of students without grading them again.
"""

from __future__ import annotations

import dataclasses
import os
import random
import shutil
import sqlite3
import uuid
from pathlib import Path

import adversarial
import proof
from torchcourse import pipeline
from torchcourse.course import assignment_path, copy_course
from torchcourse.gradebook import create_gradebook
from torchcourse.records import Outcome, load_records, save_records

ATTACK = "attack--"


def class_kinds(topic: str, students: int, seed: int, adversarial_share: float = 0.25) -> dict[str, str]:
    """``{student: kind}``: a fixture plan entry of tests/proof.py, or ``attack--<name>`` for
    an attack of tests/adversarial.py that needs no planted file (adversarial topic only)."""
    honest = sorted(proof.fixture_plan(topic))
    attacks = [a.name for a in adversarial.ATTACKS if a.plant is None] if topic == adversarial.TOPIC else []
    rng = random.Random(f"{seed}-{topic}")
    kinds = {}
    for i in range(students):
        if attacks and rng.random() < adversarial_share:
            kinds[f"student{i:03d}"] = ATTACK + rng.choice(attacks)
        else:
            kinds[f"student{i:03d}"] = rng.choice(honest)
    return kinds


def attacked_course(workdir: Path) -> Path:
    """The adversarial suite's graded class (from the evidence cache when it is there).

    The inputs are tests/test_adversarial.py's, so both find the same cache entry."""
    import evidence
    import exploration
    import test_adversarial

    inputs = [pipeline.source_path(adversarial.TOPIC).parent, Path(adversarial.__file__),
              Path(exploration.__file__), Path(test_adversarial.__file__)]
    course, _, _ = evidence.graded_course("adversarial", inputs, test_adversarial.grade_attacks, Path(workdir))
    return course


@dataclasses.dataclass
class SyntheticClass:
    course_root: Path
    kinds: dict[str, dict[str, str]]  # topic -> student -> kind


def _link(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


DEFINITION_TABLES = ("course", "assignment", "notebook", "base_cell", "grade_cells", "solution_cells",
                     "task_cells", "source_cell")


def build(workdir: Path, graded: dict[str, Path], students: int, seed: int = 0,
          attacked: Path | None = None) -> SyntheticClass:
    """The class of :func:`class_kinds` for the topics of ``graded`` (``{topic: graded proof
    course}``), graded, in a new course folder ``workdir``. ``attacked`` is the adversarial
    suite's graded course, where the attacks' notebooks come from (without it, the adversarial
    topic gets no attacks)."""
    topics = list(graded)
    course = copy_course(pipeline.ROOT, workdir, topics)
    db = course / "gradebook.db"
    create_gradebook(f"sqlite:///{db}")
    conn = sqlite3.connect(db)
    kinds_by_topic = {}
    try:
        people = set()
        for n, topic in enumerate(topics):
            share = 0.25 if attacked is not None else 0.0
            kinds = class_kinds(topic, students, seed, share)
            kinds_by_topic[topic] = kinds
            conn.execute(f"ATTACH DATABASE ? AS proof{n}", (str(graded[topic] / "gradebook.db"),))
            for table in DEFINITION_TABLES:
                conn.execute(f"INSERT OR IGNORE INTO {table} SELECT * FROM proof{n}.{table}")
            sources = {"": (f"proof{n}", graded[topic])}
            if any(k.startswith(ATTACK) for k in kinds.values()):
                conn.execute(f"ATTACH DATABASE ? AS attacked{n}", (str(attacked / "gradebook.db"),))
                sources[ATTACK] = (f"attacked{n}", attacked)
            cells = {(name, kind): id_ for name, kind, id_ in conn.execute(
                f"SELECT b.name, b.type, b.id FROM proof{n}.base_cell b JOIN proof{n}.notebook nb "
                f"ON b.notebook_id = nb.id JOIN proof{n}.assignment a ON nb.assignment_id = a.id "
                "WHERE a.name = ?", (topic,))}
            assignment_id, notebook_id = conn.execute(
                f"SELECT a.id, nb.id FROM proof{n}.assignment a JOIN proof{n}.notebook nb "
                "ON nb.assignment_id = a.id WHERE a.name = ?", (topic,)).fetchone()
            records = {prefix: load_records(root, topic) for prefix, (_, root) in sources.items()}
            mine = {}
            for student, kind in kinds.items():
                prefix = ATTACK if kind.startswith(ATTACK) else ""
                schema, root = sources[prefix]
                who = kind[len(prefix):]
                record = records[prefix][who]
                mine[student] = Outcome(**{**dataclasses.asdict(record), "student": student})
                people.add(student)
                if record.status != "graded":
                    continue
                _copy_submission(conn, schema, topic, who, student, assignment_id, notebook_id, cells)
                for path in (assignment_path(root, "autograded", who, topic)).glob("*.ipynb"):
                    _link(path, assignment_path(course, "autograded", student, topic) / path.name)
            save_records(course, topic, mine)
            conn.commit()
            for schema in {s for s, _ in sources.values()}:
                conn.execute(f"DETACH DATABASE {schema}")
        conn.executemany("INSERT OR IGNORE INTO student (id) VALUES (?)", [(p,) for p in sorted(people)])
        conn.commit()
    finally:
        conn.close()
    return SyntheticClass(course, kinds_by_topic)


def _copy_submission(conn, schema: str, topic: str, who: str, student: str, assignment_id: str,
                     notebook_id: str, cells: dict[str, str]) -> None:
    """Insert ``who``'s submission of ``topic`` in ``schema`` as ``student``'s (new ids; cells
    matched by name and type, since another gradebook has other ids)."""
    row = conn.execute(
        f"SELECT sa.timestamp, sn.id, sn.late_submission_penalty FROM {schema}.submitted_assignment sa "
        f"JOIN {schema}.assignment a ON sa.assignment_id = a.id JOIN {schema}.submitted_notebook sn "
        "ON sn.assignment_id = sa.id WHERE a.name = ? AND sa.student_id = ?", (topic, who)).fetchone()
    timestamp, source_notebook, penalty = row
    sa_id, sn_id = uuid.uuid4().hex, uuid.uuid4().hex
    conn.execute("INSERT INTO submitted_assignment (id, assignment_id, student_id, timestamp) "
                 "VALUES (?, ?, ?, ?)", (sa_id, assignment_id, student, timestamp))
    conn.execute("INSERT INTO submitted_notebook (id, assignment_id, notebook_id, flagged, "
                 "late_submission_penalty) VALUES (?, ?, ?, 0, ?)", (sn_id, sa_id, notebook_id, penalty))
    grades = conn.execute(
        f"SELECT b.name, b.type, g.auto_score, g.manual_score, g.extra_credit, g.needs_manual_grade "
        f"FROM {schema}.grade g JOIN {schema}.base_cell b ON g.cell_id = b.id WHERE g.notebook_id = ?",
        (source_notebook,)).fetchall()
    conn.executemany("INSERT INTO grade (id, notebook_id, cell_id, auto_score, manual_score, extra_credit, "
                     "needs_manual_grade) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     [(uuid.uuid4().hex, sn_id, cells[name, kind], *rest) for name, kind, *rest in grades])
    comments = conn.execute(
        f"SELECT b.name, b.type, c.auto_comment, c.manual_comment FROM {schema}.comment c "
        f"JOIN {schema}.base_cell b ON c.cell_id = b.id WHERE c.notebook_id = ?", (source_notebook,)).fetchall()
    conn.executemany("INSERT INTO comment (id, notebook_id, cell_id, auto_comment, manual_comment) "
                     "VALUES (?, ?, ?, ?, ?)",
                     [(uuid.uuid4().hex, sn_id, cells[name, kind], *rest) for name, kind, *rest in comments])
