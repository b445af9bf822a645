"""Run student notebooks in a bubblewrap sandbox during autograde.

Upstream nbgrader runs a student's code with the grader's privileges. Here the
Jupyter kernel runs inside `bubblewrap <https://github.com/containers/bubblewrap>`_
instead, while nbgrader itself (which reads the gradebook and writes the grades)
stays outside:

* the kernel sees only ``/usr``, ``/etc``, the course's Python environment and
  the ``torchcourse`` package, all read-only, plus a writable scratch **copy**
  of the student's folder (its working directory) and a small private ``/tmp``;
  never ``source/``, the gradebook, ``submitted/`` or other students' work;
* it runs as an unprivileged user (``setpriv``), with an empty environment, no
  network and its own process, IPC and hostname namespaces;
* it talks to nbgrader over the ``ipc`` transport (unix sockets in a private
  runtime folder), so no network is needed;
* limits: memory (a cgroup, or ``RLIMIT_AS`` where no cgroup is writable),
  processes and threads (a cgroup, or ``RLIMIT_NPROC``), file size
  (``RLIMIT_FSIZE``), CPU time (``RLIMIT_CPU``) and wall time per notebook
  (``timeout``), on top of nbgrader's per-cell timeout; output is capped while
  the notebook runs (per cell and per notebook), so a print flood cannot fill
  the grader's memory or the autograded notebook;
* a cell that ignores the interrupt sent at its timeout gets its kernel killed;
* a grader killed outright (``SIGKILL``) takes its kernel with it, and the
  next sandbox removes the scratch copy and cgroups it left (:func:`sweep_stale`);
* a submission folder holding a symlink or special file is not run at all
  (nbgrader copies submissions following links, with the grader's privileges).

:class:`Sandbox` is the operating-system half (scratch copy, cgroups, rlimits,
the bwrap command); :class:`torchcourse.sandboxed_execute.SandboxedExecute` is
the nbgrader preprocessor that runs a kernel in one, and ``nbgrader_config.py``
puts it in place of ``Execute`` for autograde. If the sandbox cannot start,
grading fails with :class:`SandboxError`; it never falls back to running
unsandboxed. On a machine without bubblewrap an instructor may opt out
explicitly with ``TORCHCOURSE_UNSANDBOXED=1`` (loud warning on every notebook).
"""

from __future__ import annotations

import dataclasses
import fcntl
import functools
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from .markers import THREADS_VARIABLE


#: Set to 1 to grade without the sandbox (a machine without bubblewrap). Never the default.
OPT_OUT_VARIABLE = "TORCHCOURSE_UNSANDBOXED"

#: The ``torchcourse`` package, bound read-only so that test cells can import its checks.
PACKAGE = Path(__file__).resolve().parent

#: Where the scratch copy of the student's folder appears inside the sandbox.
WORK = "/home/student"

#: How the sandbox mounts the package: ``PYTHONPATH`` points at the parent.
PACKAGE_MOUNT = "/opt/torchcourse/torchcourse"

#: Virtual memory that ``import torch`` alone maps (about 3.5 GiB); added to the
#: memory limit when it has to be enforced with ``RLIMIT_AS``.
TORCH_VIRTUAL_OVERHEAD = 4 * 2**30

INSTALL_HINT = ("Install bubblewrap (Debian/Ubuntu: `sudo apt-get install bubblewrap`; "
                "Fedora: `sudo dnf install bubblewrap`), or run `./course` as root, which "
                "installs it. Only on a machine where that is impossible, set "
                f"{OPT_OUT_VARIABLE}=1 to grade WITHOUT a sandbox (student code then runs "
                "with your privileges).")


def _pid_namespace() -> str:
    try:
        return str(os.stat("/proc/self/ns/pid").st_ino)
    except OSError:
        return "0"


def _owner_tag() -> str:
    """``<pid namespace>-<pid>``: names what this process creates, so that a later grader
    can tell a sandbox whose grader was killed (SIGKILL, OOM, power loss) from one in use."""
    return f"{_pid_namespace()}-{os.getpid()}"


#: ``torchcourse-sandbox-<pidns>-<pid>-<random>`` (scratch folder) and
#: ``torchcourse-<pidns>-<pid>-<hex>`` (cgroup): group 1 is the pid namespace, group 2 the pid.
_OWNED_NAME = re.compile(r"^torchcourse-(?:sandbox-)?(\d+)-(\d+)-")


class SandboxError(RuntimeError):
    """The sandbox could not be set up or started; the message says what to do."""


@dataclasses.dataclass(frozen=True)
class Limits:
    """What one sandboxed notebook may use. These defaults are the course's; change them in
    ``nbgrader_config.py`` (``c.SandboxedExecute.memory_limit = ...``, see
    :class:`torchcourse.sandboxed_execute.SandboxedExecute`)."""

    memory: int = 4 * 2**30             #: bytes (RSS and page cache; OOM-killed above)
    pids: int = 256                     #: processes plus threads
    file_size: int = 256 * 2**20        #: largest file the notebook may write, bytes
    tmp_size: int = 256 * 2**20         #: size of the sandbox's private /tmp, bytes
    notebook_timeout: int = 900         #: wall and CPU seconds for the whole notebook


# ---------------------------------------------------------------- limits

class Cgroup:
    """A private cgroup for one kernel, for the controllers this machine lets us use.

    Supports cgroup v1 (one hierarchy per controller, as on hybrid systems) and
    v2 (one unified hierarchy). A controller that is missing or not writable is
    simply absent from :attr:`limited`, and the caller falls back to rlimits.

    Parameters
    ----------
    memory : int
        Memory limit in bytes (RSS and page cache; the kernel is OOM-killed above it).
    pids : int
        Maximum number of processes and threads.
    create : bool, default True
        False gives an object that limits nothing (the grader is not root).
    """

    def __init__(self, memory: int, pids: int, create: bool = True):
        self.dirs: list[Path] = []
        self.limited: set[str] = set()
        self.memory_dir: Path | None = None
        if not create:  # only root may create cgroups here
            return
        name = f"torchcourse-{_owner_tag()}-{uuid.uuid4().hex[:12]}"
        parents = self.parents()
        v1 = {"memory": ("memory.limit_in_bytes", memory), "pids": ("pids.max", pids)}
        for controller, (limit_file, value) in v1.items():
            if controller in parents:  # v1: /sys/fs/cgroup/<controller>/<own path>/<name>
                where = parents[controller] / name
                if self._make(where, {limit_file: value}):
                    self.limited.add(controller)
                    self.memory_dir = where if controller == "memory" else self.memory_dir
        missing = {"memory", "pids"} - self.limited
        if missing and "" in parents:
            where = parents[""] / name  # pure v2
            files = {f: v for f, v in (("memory.max", memory), ("pids.max", pids))
                     if f.split(".")[0] in missing}
            if self._make(where, files):
                self.limited |= missing
                self.memory_dir = self.memory_dir or where

    @staticmethod
    def _own_cgroups() -> dict[str, str]:
        """``{controller: path}`` of this process ('' is the v2 hierarchy)."""
        found = {}
        for line in Path("/proc/self/cgroup").read_text().splitlines():
            _, controllers, path = line.split(":", 2)
            for controller in controllers.split(","):
                found[controller] = path
        return found

    def _make(self, where: Path, limits: dict[str, int]) -> bool:
        try:
            where.mkdir()
        except OSError:
            return False
        try:
            for filename, value in limits.items():
                (where / filename).write_text(str(value))
        except OSError:
            where.rmdir()
            return False
        self.dirs.append(where)
        return True

    def join_command(self) -> list[str]:
        """A command prefix that moves itself into these cgroups, then execs the rest."""
        if not self.dirs:
            return []
        joins = "".join(f"echo $$ > {shlex.quote(str(d / 'cgroup.procs'))} && " for d in self.dirs)
        return ["/bin/sh", "-c", joins + 'exec "$@"', "sh"]

    def oom_killed(self) -> bool:
        """Whether the memory limit killed a process in this cgroup."""
        if self.memory_dir is None:
            return False
        for name in ("memory.oom_control", "memory.events"):  # v1, v2
            try:
                for line in (self.memory_dir / name).read_text().splitlines():
                    key, _, value = line.partition(" ")
                    if key == "oom_kill" and int(value) > 0:
                        return True
            except OSError:
                continue
        return False

    @classmethod
    def parents(cls) -> dict[str, Path]:
        """``{controller: folder}`` where this process's private cgroups are made:
        ``memory`` and ``pids`` for cgroup v1, ``''`` for a pure v2 hierarchy."""
        own = cls._own_cgroups()
        found = {c: Path("/sys/fs/cgroup", c, own[c].lstrip("/")) for c in ("memory", "pids") if c in own}
        if "" in own and Path("/sys/fs/cgroup/cgroup.controllers").exists():
            found[""] = Path("/sys/fs/cgroup", own[""].lstrip("/"))
        return {c: where for c, where in found.items() if where.is_dir()}

    def remove(self, wait: float = 10.0) -> None:
        """Kill whatever is left in the cgroups (e.g. a fork bomb's children), then remove them."""
        for where in self.dirs:
            _remove_cgroup(where, wait)


def _remove_cgroup(where: Path, wait: float = 10.0) -> None:
    """Kill the processes in cgroup ``where``, then remove it (gives up after ``wait`` s)."""
    deadline = time.monotonic() + wait
    while True:
        try:
            for pid in (where / "cgroup.procs").read_text().split():
                os.kill(int(pid), signal.SIGKILL)
            where.rmdir()
            return
        except FileNotFoundError:
            return
        except OSError:  # busy while the killed processes are reaped
            if time.monotonic() > deadline:
                return
            time.sleep(0.05)


def _is_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process, alive
        pass
    return True


def stale_leftovers() -> list[Path]:
    """Scratch folders and cgroups whose grader is gone without cleaning up.

    A grader removes its sandbox when a notebook ends, even on an error or
    Ctrl-C; only a grader that was killed outright (``SIGKILL``, e.g. by
    ``./course autograde``'s timeout or Ctrl-C, the OOM killer or a power
    loss) leaves one behind. Sandboxes of graders that still run, or that
    belong to another pid namespace (another container sharing ``/tmp``), are
    never listed.
    """
    namespace = _pid_namespace()
    places = [Path(tempfile.gettempdir()), *Cgroup.parents().values()]
    found = []
    for place in places:
        for path in place.glob("torchcourse-*"):
            match = _OWNED_NAME.match(path.name)
            if match and path.is_dir() and match[1] == namespace and not _is_alive(int(match[2])):
                found.append(path)
    return sorted(found)


def sweep_stale() -> list[Path]:
    """Remove what :func:`stale_leftovers` lists (killing any process left in those
    cgroups) and return it. Every new :class:`Sandbox` does this first."""
    removed = stale_leftovers()
    for path in removed:
        if path.is_relative_to("/sys/fs/cgroup"):
            _remove_cgroup(path, wait=2.0)
        else:
            shutil.rmtree(path, ignore_errors=True)
    return removed


def unsafe_files(folder) -> list[str]:
    """Entries of ``folder`` (recursively) that are not plain files or folders: symlinks,
    fifos, sockets, devices; each as ``"name is a symbolic link (to target)"`` or
    ``"name is not a regular file"``.

    nbgrader copies a submission folder following symlinks, with the grader's
    privileges, so a link to the gradebook or ``source/`` would bring their
    contents into the student's autograded copy.
    """
    found = []
    for where, folders, files in os.walk(folder, followlinks=False):
        for name in folders + files:
            path = os.path.join(where, name)
            relative = os.path.relpath(path, folder)
            if os.path.islink(path):
                found.append(f"{relative} is a symbolic link (to {os.readlink(path)})")
            elif not (os.path.isfile(path) or os.path.isdir(path)):
                found.append(f"{relative} is not a regular file")
    return found


# --------------------------------------------------------------- the sandbox

def _ancestors(*paths: str) -> list[str]:
    """``--perms 0755 --dir D`` for every ancestor of ``paths`` that bwrap would create.

    bwrap creates a missing parent of a mount point with the host folder's mode,
    which is 0700 under ``/root``: the unprivileged kernel user could then not
    reach the Python environment. Listing them first makes them 0755.
    """
    out, seen = [], {"/"}
    for path in paths:
        chain = []
        parent = os.path.dirname(os.path.abspath(path))
        while parent not in seen:
            chain.append(parent)
            parent = os.path.dirname(parent)
        for folder in reversed(chain):
            seen.add(folder)
            # /usr, /etc, /proc, /dev are mounted whole; /tmp is the sandbox's tmpfs
            if folder.split("/")[1] not in ("usr", "etc", "proc", "dev") and folder != "/tmp":
                out += ["--perms", "0755", "--dir", folder]
    return out


def _copy_notebooks(folder: Path, work: Path) -> None:
    """Copy the notebooks of ``folder`` (not its checkpoints) into ``work``, never following links."""
    if not folder.is_dir():
        return
    for notebook in folder.rglob("*.ipynb"):
        relative = notebook.relative_to(folder)
        if ".ipynb_checkpoints" in relative.parts or notebook.is_symlink() or not notebook.is_file():
            continue
        (work / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(notebook, work / relative, follow_symlinks=False)


class Sandbox:
    """A scratch copy of one student's folder and the bwrap command that confines a kernel to it.

    Use as a context manager: leaving it deletes the scratch copy, the runtime
    folder and the cgroups.

    Parameters
    ----------
    student_dir : str or Path
        The folder nbgrader would run the kernel in (``autograded/<student>/<assignment>``).
        Only a copy is visible inside the sandbox; nothing written there comes back.
    limits : Limits, default Limits()
        Memory, processes, file size, ``/tmp`` size and time for the notebook.
    uid : int, default 65534
        Unprivileged user the kernel runs as when the grader is root.
    notebooks_from : str or Path, optional
        Where the student's own notebooks are (``submitted/<student>/<assignment>``). Every
        ``.ipynb`` in the copy then comes from there, not from ``student_dir``, where nbgrader
        has restored the hidden tests into them; a notebook not found there is left out.
        None copies ``student_dir`` as it is (``validate``, where it is the learner's own).
    """

    def __init__(self, student_dir, limits: "Limits | None" = None, *, uid: int = 65534,
                 notebooks_from=None):
        self.bwrap = shutil.which("bwrap")
        if self.bwrap is None:
            raise SandboxError("bubblewrap (`bwrap`) is not installed, so student code cannot "
                               "be sandboxed and autograde refuses to run. " + INSTALL_HINT)
        self.limits = limits = limits or Limits()
        self.memory, self.pids, self.file_size = limits.memory, limits.pids, limits.file_size
        self.tmp_size, self.notebook_timeout, self.uid = limits.tmp_size, limits.notebook_timeout, uid
        self.as_root = os.geteuid() == 0
        sweep_stale()  # what graders that were killed outright left behind
        self.root = Path(tempfile.mkdtemp(prefix=f"torchcourse-sandbox-{_owner_tag()}-"))
        self.work = self.root / "work"
        self.runtime = self.root / "runtime"
        self.cgroup = Cgroup(limits.memory, limits.pids, create=self.as_root)
        try:
            # symlinks=True: a link in a submission is copied as a link, never followed by
            # the (privileged) grader; inside the sandbox it can only point at sandbox paths.
            if notebooks_from is None:
                shutil.copytree(student_dir, self.work, symlinks=True)
            else:
                shutil.copytree(student_dir, self.work, symlinks=True,
                                ignore=shutil.ignore_patterns("*.ipynb"))
                _copy_notebooks(Path(notebooks_from), self.work)
            self.runtime.mkdir(mode=0o700)
            if self.as_root:
                for path in [self.runtime, self.work, *self.work.rglob("*")]:
                    os.lchown(path, uid, uid)
            # Held while this grader lives (the kernel's start checks it; see command())
            self._alive = open(self.runtime / "grader.lock", "w")
            fcntl.flock(self._alive, fcntl.LOCK_EX)
        except BaseException:
            self.cleanup()
            raise

    def __enter__(self) -> "Sandbox":
        return self

    def __exit__(self, *exc) -> None:
        self.cleanup()

    def cleanup(self) -> None:
        """Delete the scratch copy and runtime folder, and remove the cgroups."""
        self.cgroup.remove()
        if getattr(self, "_alive", None) is not None:
            self._alive.close()
        shutil.rmtree(self.root, ignore_errors=True)

    def rlimits(self) -> list[str]:
        """``prlimit`` options: the limits the cgroups do not already enforce."""
        limits = [f"--fsize={self.file_size}", f"--cpu={self.notebook_timeout}", "--core=0"]
        if "memory" not in self.cgroup.limited:
            limits.append(f"--as={self.memory + TORCH_VIRTUAL_OVERHEAD}")
        if "pids" not in self.cgroup.limited and self.as_root:
            # RLIMIT_NPROC counts every process of the uid, so only for the sandbox's own
            # uid; a grader that is not root runs the kernel as itself: no process limit.
            limits.append(f"--nproc={self.pids}")
        return limits

    def command(self, argv: list[str]) -> list[str]:
        """The full command line that runs ``argv`` (e.g. a kernel) in the sandbox."""
        venv, base, runtime = sys.prefix, sys.base_prefix, str(self.runtime)
        env = {"HOME": WORK, "TMPDIR": "/tmp", "PATH": f"{venv}/bin:/usr/bin:/bin",
               "LANG": "C.UTF-8", "PYTHONPATH": os.path.dirname(PACKAGE_MOUNT),
               "PYTHONDONTWRITEBYTECODE": "1", "MPLCONFIGDIR": "/tmp/.config/matplotlib",
               "MPLBACKEND": "agg", THREADS_VARIABLE: "1",   # scores never depend on the core count
               # Configuration comes from the empty private /tmp, never from the student's
               # folder (HOME): a submitted .ipython/profile_default/startup/*.py or
               # ipython_kernel_config.py would otherwise run before any cell.
               "IPYTHONDIR": "/tmp/.ipython", "JUPYTER_CONFIG_DIR": "/tmp/.jupyter",
               "JUPYTER_DATA_DIR": "/tmp/.local/share/jupyter", "JUPYTER_PATH": "/tmp/.jupyter-path",
               "JUPYTER_CONFIG_PATH": "/tmp/.jupyter-config-path", "PYTHONNOUSERSITE": "1",
               # No module from the student's folder shadows torch & co. (a `torch.py` there
               # would otherwise come first: IPython puts the cwd before site-packages).
               "PYTHONSAFEPATH": "1",
               # Inside the pid namespace the kernel's parent is pid 1; without this
               # ipykernel thinks its parent died and exits at once.
               "JPY_PARENT_PID": "1"}
        bwrap = [self.bwrap, "--die-with-parent", "--new-session", "--clearenv",
                 "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-net",
                 "--unshare-cgroup-try", "--hostname", "sandbox",
                 "--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc",
                 *[arg for link in ("bin", "sbin", "lib", "lib64") if os.path.exists(f"/usr/{link}")
                   for arg in ("--symlink", f"usr/{link}", f"/{link}")],
                 "--proc", "/proc", "--dev", "/dev",
                 "--perms", "1777", "--size", str(self.tmp_size), "--tmpfs", "/tmp",
                 # bwrap's /dev/shm is root's: DataLoader workers and multiprocessing need their
                 # own, for semaphores and the tensors workers send back (counted as memory)
                 "--perms", "1777", "--size", str(self.tmp_size), "--tmpfs", "/dev/shm",
                 *_ancestors(base, venv, PACKAGE_MOUNT, WORK, runtime),
                 "--ro-bind", base, base, "--ro-bind", venv, venv,
                 "--ro-bind", str(PACKAGE), PACKAGE_MOUNT,
                 "--bind", str(self.work), WORK, "--bind", runtime, runtime,
                 *[arg for key, value in env.items() for arg in ("--setenv", key, value)],
                 "--chdir", WORK, "--"]
        drop = []
        if self.as_root:  # bwrap run by root keeps root: drop to an unprivileged uid inside
            drop = ["setpriv", f"--reuid={self.uid}", f"--regid={self.uid}", "--clear-groups",
                    "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"]
        # --foreground: stop only bwrap (SIGTERM; its sandbox dies with it), so timeout exits 124
        timeout = ["timeout", "--foreground", "--kill-after=5", str(self.notebook_timeout)]
        # If the grader is killed outright (SIGKILL: `./course autograde`'s Ctrl-C or timeout,
        # the OOM killer), the kernel goes with it instead of running on, orphaned, until
        # the notebook time limit: timeout gets SIGKILL, and bwrap (--die-with-parent) with it.
        # prctl's classic race: a grader killed before setpriv has set the signal leaves no one
        # to send it, so the shell after setpriv checks that its parent is still the grader.
        # The same race one level down: a second guard between timeout and bwrap checks that
        # its parent is still timeout (the first guard's shell, which becomes timeout by exec,
        # exports its pid; bwrap --clearenv drops it). And bwrap's own child, pid 1 of the
        # sandbox, sets its death signal only after some set-up: a grader killed then would
        # leave it and the kernel running (2 kills in 15 during start-up, measured). So, last,
        # inside the sandbox and before the kernel starts, a third guard checks that the grader
        # still holds its lock on runtime/grader.lock (flock -n exits 1 only if it is held).
        orphan_guard = ["setpriv", "--pdeathsig", "KILL", "/bin/sh", "-c",
                        f'[ "$PPID" = {os.getpid()} ] || exit 125; '
                        'export TORCHCOURSE_GUARD_PID=$$; exec "$@"', "sh"]
        inner_guard = ["setpriv", "--pdeathsig", "KILL", "/bin/sh", "-c",
                       '[ "$PPID" = "$TORCHCOURSE_GUARD_PID" ] || exit 125; exec "$@"', "sh"]
        grader_alive = ["/bin/sh", "-c", f'flock -n -s {shlex.quote(runtime)}/grader.lock true; '
                        '[ $? = 1 ] || exit 125; exec "$@"', "sh"]
        return [*self.cgroup.join_command(), *orphan_guard, *timeout, *inner_guard, *bwrap,
                *grader_alive, *drop, "prlimit", *self.rlimits(), "--", *argv]

    def death_reason(self, returncode: int | None) -> str:
        """Why the sandboxed kernel died, from its exit status and the cgroup's counters."""
        if returncode == 124:
            return f"the notebook ran past its time limit of {self.notebook_timeout} s"
        if self.cgroup.oom_killed():
            return f"the notebook used more than its memory limit of {self.memory / 2**30:g} GiB"
        if returncode in (128 + 24, -24):
            return f"the notebook used more than its CPU time limit of {self.notebook_timeout} s"
        return (f"the kernel exited (status {returncode}): the code called os._exit or "
                "exit(), crashed, or hit a resource limit")


@functools.lru_cache(maxsize=None)
def check_sandbox() -> None:
    """Import ipykernel and torchcourse in a throwaway sandbox, once per process (about 0.5 s).

    Raises
    ------
    SandboxError
        With bwrap's own message and what to do, if the sandbox cannot start.
    """
    with tempfile.TemporaryDirectory() as empty, \
            Sandbox(empty, dataclasses.replace(Limits(), notebook_timeout=60)) as sandbox:
        probe = sandbox.command([sys.executable, "-c", "import ipykernel, torchcourse"])
        proc = subprocess.run(probe, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SandboxError(f"the bubblewrap sandbox could not start (exit {proc.returncode}):\n"
                           f"{proc.stderr.strip()[-2000:]}\nCommand: {shlex.join(probe)}\n"
                           "Check that unprivileged user namespaces or root are available, "
                           "and that `setpriv`, `prlimit` and `timeout` are installed. "
                           + INSTALL_HINT)


# ------------------------------------------------------------ learners' self-check

def validate(notebook, *, course_root=None) -> subprocess.CompletedProcess:
    """``nbgrader validate`` a notebook with the whole run inside a :class:`Sandbox`.

    The self-check a learner (or a TA) runs before submitting: every test cell
    is executed as autograde would, but nbgrader and the kernel see only a
    scratch copy of the notebook's folder, with no network. The course's own
    settings apply (``course_root``'s ``nbgrader_config.py``, by default this
    course's): the per-cell timeout and the sandbox's limits, not nbgrader's
    defaults. Its report goes to ``stdout`` of the returned process (``text=True``).

    Raises
    ------
    SandboxError
        If bubblewrap is missing or cannot start (set ``TORCHCOURSE_UNSANDBOXED=1``
        to validate without it: then the code runs with your own rights).
    FileNotFoundError
        If ``notebook`` does not exist.
    """
    from .course import ROOT, load_config
    from .sandboxed_execute import SandboxedExecute

    notebook = Path(notebook).resolve()
    if not notebook.is_file():
        raise FileNotFoundError(f"no notebook at {notebook}")
    config = load_config(course_root or ROOT)
    execute = SandboxedExecute(config=config)
    argv = [sys.executable, "-m", "nbgrader", "validate", notebook.name,
            f"--Execute.timeout={execute.timeout}",
            f"--Execute.startup_timeout={execute.startup_timeout}",
            f"--Execute.interrupt_on_timeout={execute.interrupt_on_timeout}"]
    if os.environ.get(OPT_OUT_VARIABLE) == "1":
        print(f"WARNING {OPT_OUT_VARIABLE}=1: validating WITHOUT the sandbox", file=sys.stderr)
        return subprocess.run(argv, cwd=notebook.parent, capture_output=True, text=True)
    check_sandbox()
    with Sandbox(notebook.parent, execute.limits()) as sandbox:
        return subprocess.run(sandbox.command(argv), capture_output=True, text=True)
