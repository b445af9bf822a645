"""The course folder as nbgrader sees it: its config, its folders, its gradebook, a copy of it.

Every other module asks here instead of hard-coding folder names: the names
come from ``nbgrader_config.py`` through nbgrader's own :class:`CourseDirectory`,
so a course that renames ``submitted/`` (say) keeps working.

* :func:`load_config` reads a course's ``nbgrader_config.py`` (cached per folder);
* :func:`course_directory` is nbgrader's ``CourseDirectory`` for that folder;
* :func:`assignment_path` is where a student's (or the instructor's) copy of an
  assignment lives, e.g. ``autograded/<student>/<assignment>``;
* :func:`sqlite_url` is the default gradebook, the one place that names it;
* :func:`copy_course` makes the minimal course that nbgrader needs elsewhere
  (a worker's private copy, a test's temporary course).
"""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG_FILE = "nbgrader_config.py"
GRADEBOOK_FILE = "gradebook.db"


class CourseError(RuntimeError):
    """Something about the course (folder, config, nbgrader run) is wrong; the message says what to do."""


def sqlite_url(course_root: Path | str) -> str:
    """The default gradebook of a course: SQLite, ``<course_root>/gradebook.db``."""
    return "sqlite:///" + str(Path(course_root).resolve() / GRADEBOOK_FILE)


def check_course_root(course_root: Path | str) -> Path:
    """``course_root`` resolved, or :class:`CourseError` if it holds no ``nbgrader_config.py``."""
    root = Path(course_root).resolve()
    if not (root / CONFIG_FILE).is_file():
        raise CourseError(f"{root} has no {CONFIG_FILE}: pass the course root (the folder with "
                          f"{CONFIG_FILE}), or run from it")
    return root


@functools.lru_cache(maxsize=32)
def _load_config(course_root: str, mtime: float, db_url_env: str | None):
    from traitlets.config.loader import PyFileConfigLoader

    return PyFileConfigLoader(CONFIG_FILE, path=course_root).load_config()


def load_config(course_root: Path | str):
    """The traitlets ``Config`` of ``course_root/nbgrader_config.py``, as nbgrader would load it.

    Cached; reloaded when the file or ``NBGRADER_DB_URL`` changes.
    """
    root = check_course_root(course_root)
    return _load_config(str(root), (root / CONFIG_FILE).stat().st_mtime,
                        os.environ.get("NBGRADER_DB_URL"))


def course_directory(course_root: Path | str):
    """nbgrader's :class:`CourseDirectory` for ``course_root``, configured by its config file."""
    from nbgrader.coursedir import CourseDirectory

    root = check_course_root(course_root)
    coursedir = CourseDirectory(config=load_config(root))
    coursedir.root = str(root)
    return coursedir


def db_url(course_root: Path | str) -> str:
    """The gradebook URL nbgrader uses in ``course_root`` (config file and environment)."""
    return course_directory(course_root).db_url or sqlite_url(course_root)


def assignment_path(course_root: Path | str, step: str, student: str, assignment: str) -> Path:
    """``<root>/<step folder>/<student>/<assignment>``, with the folder names of the config.

    ``step`` is one of ``source``, ``release``, ``submitted``, ``autograded``,
    ``feedback``; ``student`` is ``"."`` for ``source`` and ``release``.
    """
    coursedir = course_directory(course_root)
    folder = getattr(coursedir, f"{step}_directory")
    return Path(coursedir.format_path(folder, student, assignment))


def step_folder(course_root: Path | str, step: str) -> Path:
    """``<root>/<step folder>``, e.g. the ``submitted/`` folder of the course."""
    return Path(course_root).resolve() / getattr(course_directory(course_root), f"{step}_directory")


def copy_course(course_root: Path | str, destination: Path | str, assignments: list[str] = ()) -> Path:
    """A minimal course in ``destination``: the config file and the sources of ``assignments``.

    Enough for nbgrader to generate, autograde or validate those assignments
    (the gradebook is not copied: pass one, or let nbgrader create it).
    """
    root = check_course_root(course_root)
    destination = Path(destination)
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copy2(root / CONFIG_FILE, destination / CONFIG_FILE)
    for assignment in assignments:
        source = assignment_path(root, "source", ".", assignment)
        if not source.is_dir():
            raise CourseError(f"no {source.relative_to(root)}/ in {root}")
        shutil.copytree(source, destination / source.relative_to(root))
    return destination
