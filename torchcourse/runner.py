"""Run nbgrader as a subprocess, and read what its autograde log says about each student.

This is the only place that starts nbgrader. :func:`run_nbgrader` streams the
log line by line (for progress bars), can be stopped from another thread
(:class:`Processes`) and kills nbgrader's whole process group on a timeout or
an error, so no kernel is left running. :class:`AutogradeLog` follows an
``nbgrader autograde`` log: which student is being graded, which finished, and
the lines about each.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from .course import CourseError, check_course_root


class NbgraderError(CourseError):
    """nbgrader exited with an error; the message holds the end of its log."""


class Processes:
    """The nbgrader processes that are running, so that another thread can kill them all."""

    def __init__(self):
        self._lock = threading.Lock()
        self._procs: set[subprocess.Popen] = set()

    def add(self, proc: subprocess.Popen) -> None:
        with self._lock:
            self._procs.add(proc)

    def discard(self, proc: subprocess.Popen) -> None:
        with self._lock:
            self._procs.discard(proc)

    def kill_all(self) -> None:
        with self._lock:
            for proc in list(self._procs):
                kill(proc)


def kill(proc: subprocess.Popen) -> None:
    """SIGKILL ``proc``'s whole process group (nbgrader and the kernels it started)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def run_nbgrader(args: list[str], course_root: Path, *, on_line=None, env: dict | None = None,
                 timeout: float | None = None, processes: Processes | None = None,
                 check: bool = True) -> tuple[int, list[str]]:
    """Run ``nbgrader ARGS`` in ``course_root``; return ``(exit code, log lines)``.

    Parameters
    ----------
    on_line : callable, optional
        Called with each log line (no newline) as it arrives.
    env : dict, optional
        Environment variables to add or override, e.g. ``{"NBGRADER_DB_URL": url}``.
    timeout : float, optional
        Seconds after which nbgrader and everything it started are killed
        (exit code ``-9``).
    processes : Processes, optional
        Registers the process there while it runs (so it can be stopped).
    check : bool, default True
        Raise :class:`NbgraderError` on a non-zero exit instead of returning it.
    """
    course_root = check_course_root(course_root)
    proc = subprocess.Popen([sys.executable, "-m", "nbgrader", *args], cwd=course_root, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env={**os.environ, **env} if env else None,
                            start_new_session=True)  # its own group: kill() takes kernels too
    if processes is not None:
        processes.add(proc)
    timer = threading.Timer(timeout, kill, [proc]) if timeout else None
    if timer:
        timer.start()
    lines: list[str] = []
    try:
        for line in proc.stdout:
            lines.append(line.rstrip("\n"))
            if on_line is not None:
                on_line(lines[-1])
        code = proc.wait()
    except BaseException:  # e.g. a progress callback failed, or Ctrl-C: no orphaned nbgrader
        kill(proc)
        proc.wait()
        raise
    finally:
        if timer:
            timer.cancel()
        if processes is not None:
            processes.discard(proc)
    if check and code != 0:
        raise NbgraderError(f"nbgrader {' '.join(args)} failed (exit {code}):\n" + "\n".join(lines[-60:]))
    return code, lines


_STUDENT_LINE = re.compile(r"Creating/updating student with ID '(.+?)'")
#: nbgrader logs this once per student, when that student's autograded notebook is written.
_GRADED_LINE = "Setting destination file permissions"


class AutogradeLog:
    """Follows an ``nbgrader autograde`` log, one line at a time (call it with each line).

    ``lines[student]`` is that student's part of the log (from nbgrader's
    "Creating/updating student" line to the next student's); ``started`` and
    ``finished`` map students to :func:`time.perf_counter` times;
    ``on_finished(student)`` is called when a student's notebook is written.
    """

    def __init__(self, on_finished=None):
        self.on_finished = on_finished
        self.current: str | None = None
        self.all: list[str] = []
        self.lines: dict[str, list[str]] = {}
        self.started: dict[str, float] = {}
        self.finished: dict[str, float] = {}

    def __call__(self, line: str) -> None:
        self.all.append(line)
        started = _STUDENT_LINE.search(line)
        if started:
            self.current = started[1]
            self.lines[self.current] = []
            self.started[self.current] = time.perf_counter()
        if self.current is None:
            return
        self.lines[self.current].append(line)
        if _GRADED_LINE in line:
            self.finished[self.current] = time.perf_counter()
            if self.on_finished is not None:
                self.on_finished(self.current)

    def reason(self, student: str) -> str:
        """The most telling line about a student who was not graded: the exception, else the last error."""
        return reason(self.lines.get(student) or self.all[-40:])


def reason(lines: list[str]) -> str:
    """The most telling line of a failed log: the exception, else the last error, else the last line."""
    for line in reversed(lines):
        text = line.strip()
        if re.match(r"^[\w.]*(Error|Exception|Exit|Interrupt|Timeout)\b", text):
            return text[:500]
    errors = [line for line in lines if "ERROR" in line]
    return (errors[-1] if errors else (lines[-1] if lines else "no output")).strip()[:500]
