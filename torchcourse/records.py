"""What the class grader knows about each submission: who submitted, may it run, and what happened.

One :class:`Outcome` per student and assignment is kept in
``autograded/<assignment>.grading.json`` (or, for a run that grades one shard
of the class, ``autograded/<assignment>.grading.shard-K-of-N.json``, so that
shards running at the same time never write the same file).
:func:`load_records` merges every such file, newest record first, so a class
graded in shards reads as one.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import time
from pathlib import Path

from .course import assignment_path, step_folder
from .sandbox import unsafe_files

STATUSES = ("graded", "crashed", "rejected")


@dataclasses.dataclass
class Outcome:
    """What happened to one student's submission.

    ``status`` is ``graded`` (grades are in the gradebook), ``crashed`` (nbgrader
    could not grade it; ``reason`` says why and ``log`` holds nbgrader's output)
    or ``rejected`` (never run: e.g. the folder holds a symbolic link).
    ``recorded_at`` is when it was recorded (seconds since the epoch).
    """

    student: str
    status: str
    reason: str = ""
    seconds: float = 0.0
    submission_sha256: str = ""
    log: str = ""
    recorded_at: float = dataclasses.field(default_factory=time.time)


def records_path(course_root: Path, assignment: str, shard: tuple[int, int] | None = None) -> Path:
    """Where a run (of the whole class, or of shard ``(K, N)``) keeps its records of ``assignment``."""
    suffix = f".shard-{shard[0]}-of-{shard[1]}" if shard else ""
    return step_folder(course_root, "autograded") / f"{assignment}.grading{suffix}.json"


def load_records(course_root: Path, assignment: str) -> dict[str, Outcome]:
    """``{student: Outcome}`` from every records file of ``assignment`` (empty if none);
    where files disagree about a student, the newest record wins."""
    folder = step_folder(course_root, "autograded")
    merged: dict[str, Outcome] = {}
    for path in sorted(folder.glob(f"{assignment}.grading*.json")):
        data = json.loads(path.read_text())
        if data.get("assignment") != assignment:
            continue  # another assignment whose name starts like this one
        for student, fields in data.get("students", {}).items():
            outcome = Outcome(**{"recorded_at": 0.0, **fields})
            if student not in merged or outcome.recorded_at >= merged[student].recorded_at:
                merged[student] = outcome
    return merged


def save_records(course_root: Path, assignment: str, records: dict[str, Outcome],
                 shard: tuple[int, int] | None = None) -> None:
    """Write ``records`` to the run's file atomically (a reader never sees half a file)."""
    path = records_path(course_root, assignment, shard)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"assignment": assignment,
            "students": {s: dataclasses.asdict(records[s]) for s in sorted(records)}}
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=1) + "\n")
    os.replace(tmp, path)


def submitted_students(course_root: Path, assignment: str) -> dict[str, Path]:
    """``{student: submitted/<student>/<assignment>}`` for every student who submitted."""
    root = step_folder(course_root, "submitted")
    found = {}
    for student_dir in sorted(root.glob("*")) if root.is_dir() else []:
        folder = assignment_path(course_root, "submitted", student_dir.name, assignment)
        if student_dir.is_dir() and not student_dir.is_symlink() and (folder.exists() or folder.is_symlink()):
            found[student_dir.name] = folder
    return found


def submission_problems(folder: Path, assignment: str, max_bytes: int) -> list[str]:
    """Why a submission folder must not be graded (empty list: it may).

    Rejects symbolic links and anything that is not a plain file or folder
    (nbgrader would follow a link with the grader's rights, e.g. to the
    gradebook or the hidden tests; see :func:`torchcourse.sandbox.unsafe_files`),
    a missing notebook, and folders over ``max_bytes``.
    """
    if folder.is_symlink():
        return [f"{folder.name} is a symbolic link"]
    problems = [f"{folder.name}/{entry}" for entry in unsafe_files(folder)]
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    if not (folder / f"{assignment}.ipynb").is_file():
        problems.append(f"no {assignment}.ipynb in the submission")
    if total > max_bytes:
        problems.append(f"the submission holds {total / 2**20:.0f} MiB (limit {max_bytes / 2**20:.0f} MiB)")
    return problems


def submission_hash(folder: Path) -> str:
    """SHA-256 over the names and contents of every file in the folder."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
