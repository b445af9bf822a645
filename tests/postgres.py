"""A private, throw-away PostgreSQL server for tests.

:func:`running_server` initialises a cluster in a temporary folder, starts it
on a free 127.0.0.1 port (fsync off: the data is disposable) and always stops
it and deletes the folder afterwards, even when the test fails. ``initdb``
refuses to run as root, so as root the server runs as the ``postgres`` user
(created by the Debian/Ubuntu package) through ``setpriv``.

The binaries are found with ``pg_config --bindir``, else in
``/usr/lib/postgresql/<version>/bin``. Without them :class:`PostgresNotFound`
says how to install them; the tests then fail rather than skip, so a CI
machine without PostgreSQL cannot pass silently.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

#: Role the tests connect as (trust authentication, loopback only).
USER = "grader"
SERVER_USER = "postgres"
INSTALL_HINT = ("Install PostgreSQL: `sudo apt-get install postgresql` (Debian/Ubuntu; `./course` does "
                "this when run as root), `sudo dnf install postgresql-server` (Fedora) or "
                "`brew install postgresql` (macOS), then rerun.")


class PostgresNotFound(RuntimeError):
    """No PostgreSQL server binaries (initdb, pg_ctl, postgres) on this machine."""


def find_bindir() -> Path:
    """The folder holding ``initdb``, ``pg_ctl`` and ``postgres``; raises :class:`PostgresNotFound`."""
    candidates = []
    if shutil.which("pg_config"):
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        candidates.append(out.stdout.strip())
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)  # newest first (string sort)
    for folder in filter(None, candidates):
        if all(os.access(Path(folder, tool), os.X_OK) for tool in ("initdb", "pg_ctl", "postgres")):
            return Path(folder)
    raise PostgresNotFound("no PostgreSQL server binaries (initdb, pg_ctl, postgres) found with "
                           f"`pg_config --bindir` or in /usr/lib/postgresql/*/bin {candidates}. " + INSTALL_HINT)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_is_open(port: int) -> bool:
    """True if something accepts connections on 127.0.0.1:``port``."""
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


class PostgresServer:
    """A running private server. ``url(name)`` is the SQLAlchemy URL of database ``name``."""

    def __init__(self, bindir: Path, folder: Path, port: int):
        self.bindir, self.folder, self.port = bindir, folder, port
        self.data = folder / "data"
        self.as_server_user = os.geteuid() == 0   # initdb and postgres refuse to run as root

    def run(self, tool: str, *args: str) -> str:
        """Run a PostgreSQL tool (as the server user when we are root); return its output."""
        cmd = [str(self.bindir / tool), *args]
        if self.as_server_user:
            cmd = ["setpriv", f"--reuid={SERVER_USER}", f"--regid={SERVER_USER}", "--init-groups", *cmd]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=self.folder)
        if proc.returncode != 0:
            log = self.folder / "server.log"
            raise RuntimeError(f"{tool} {' '.join(args)} failed (exit {proc.returncode}):\n{proc.stdout}"
                               f"{proc.stderr}\n{log.read_text()[-3000:] if log.exists() else ''}")
        return proc.stdout

    def start(self) -> None:
        self.run("initdb", "-D", str(self.data), "-U", USER, "--auth=trust", "--encoding=UTF8",
                 "--no-sync", "--no-instructions")
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        self.run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "server.log"),
                 "-w", "-t", "60", "start")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-t", "60", "stop")

    def createdb(self, name: str, template: str | None = None) -> str:
        """Create database ``name`` (a copy of ``template`` if given); return its URL."""
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", USER,
                 *(["-T", template] if template else []), name)
        return self.url(name)

    def url(self, name: str) -> str:
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/{name}"


@contextlib.contextmanager
def running_server():
    """Start a private server; yield the :class:`PostgresServer`; always stop and delete it."""
    bindir = find_bindir()
    folder = Path(tempfile.mkdtemp(prefix="torchcourse-pg-"))
    server = PostgresServer(bindir, folder, free_port())
    try:
        if server.as_server_user:
            try:
                user = pwd.getpwnam(SERVER_USER)
            except KeyError:
                raise PostgresNotFound(f"running as root, but there is no '{SERVER_USER}' user to run "
                                       "the server as (initdb refuses root). " + INSTALL_HINT) from None
            os.chown(folder, user.pw_uid, user.pw_gid)
        server.start()
        yield server
    finally:
        try:
            server.stop()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
