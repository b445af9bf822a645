"""The course gradebook: SQLite by default, PostgreSQL for a class with many graders.

* :func:`check_db_url` turns a gradebook URL that cannot work (a typo in the
  scheme, a missing database driver, a server that does not answer) into one
  clear message that says what to do, before nbgrader starts.
* :func:`create_gradebook` creates an empty gradebook's tables in-process.
  nbgrader's own first ``Gradebook()`` on an empty database runs ``alembic
  heads`` in a subprocess only to learn the schema revision, which takes 14-31 s
  here; this writes the same tables and revision in well under a second.
"""

from __future__ import annotations

import functools
import re
import unittest.mock
from pathlib import Path

#: nbgrader 0.9.6's newest gradebook schema revision (its alembic head).
#: :func:`create_gradebook` refuses to run if nbgrader's migrations disagree.
ALEMBIC_HEAD = "e43177bfe90b"

DRIVER_HINTS = {
    "postgresql": 'install the PostgreSQL driver: pip install "psycopg[binary]" (the course pins it in '
                  "requirements.txt), and write the URL as postgresql+psycopg://USER@HOST:5432/DBNAME",
}


class GradebookURLError(ValueError):
    """The gradebook URL cannot work; the message says why and what to do."""


def alembic_head() -> str:
    """The head revision of nbgrader's installed migrations, read from its ``alembic/versions`` files."""
    import nbgrader

    revisions, parents = set(), set()
    for path in (Path(nbgrader.__file__).parent / "alembic" / "versions").glob("*.py"):
        text = path.read_text()
        revisions.add(re.search(r"^revision = ['\"](\w+)['\"]", text, re.M)[1])
        parents.update(re.findall(r"\w+", re.search(r"^down_revision = (.*)$", text, re.M)[1]))
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"nbgrader's migrations have {len(heads)} heads {sorted(heads)}, expected one")
    return heads.pop()


def create_gradebook(db_url: str, course_id: str = "default_course") -> None:
    """Create nbgrader's tables in an empty database at ``db_url`` without the slow
    ``alembic heads`` subprocess. Does nothing to a database that has tables."""
    import nbgrader.api

    head = alembic_head()
    if head != ALEMBIC_HEAD:
        raise RuntimeError(f"nbgrader's gradebook schema changed (alembic head {head}, this course knows "
                           f"{ALEMBIC_HEAD}). Check the new migrations in nbgrader/alembic/versions, "
                           "then update torchcourse.gradebook.ALEMBIC_HEAD.")
    with unittest.mock.patch.object(nbgrader.api, "get_alembic_version", return_value=head):
        nbgrader.api.Gradebook(db_url, course_id=course_id).close()


@functools.lru_cache(maxsize=None)  # nbgrader loads its config several times per command
def check_db_url(db_url: str, connect_timeout: int = 10) -> None:
    """Raise :class:`GradebookURLError` unless a gradebook at ``db_url`` can be opened.

    Checks that the URL parses, that its database driver is installed and, for
    a server database, that the server accepts a connection. SQLite URLs are
    only parsed (nbgrader creates the file). Never prints the password.
    Successes are cached for the life of the process; failures are not.
    """
    import sqlalchemy
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        url = sqlalchemy.engine.make_url(db_url)
    except ArgumentError:
        raise GradebookURLError(
            f"NBGRADER_DB_URL / CourseDirectory.db_url {db_url!r} is not a database URL. Use "
            "sqlite:////absolute/path/gradebook.db or postgresql+psycopg://USER@HOST:5432/DBNAME") from None
    shown = url.render_as_string(hide_password=True)
    if url.get_backend_name() == "sqlite":
        return
    hint = DRIVER_HINTS.get(url.get_backend_name(), f"install the database driver for {url.drivername}")
    try:
        engine = sqlalchemy.create_engine(url, connect_args={"connect_timeout": connect_timeout})
    except (NoSuchModuleError, ImportError) as err:
        raise GradebookURLError(f"gradebook {shown}: the driver is missing ({err}); {hint}.") from None
    try:
        with engine.connect():
            pass
    except sqlalchemy.exc.OperationalError as err:
        reason = str(err.orig).strip().splitlines()[0] if err.orig else str(err)
        raise GradebookURLError(
            f"cannot connect to the gradebook {shown}: {reason}. Check that the server runs and "
            "accepts connections from this machine, that the database and user exist (createdb, "
            "createuser), and that the password is in ~/.pgpass or PGPASSWORD.") from None
    finally:
        engine.dispose()
