"""nbgrader's ``Execute`` preprocessor, with the kernel in a bubblewrap :class:`~torchcourse.sandbox.Sandbox`.

:class:`SandboxedExecute` is what ``nbgrader_config.py`` puts in place of
``Execute`` for autograde. It starts each notebook's kernel inside a fresh
sandbox (:mod:`torchcourse.sandbox` is the operating-system half), caps output
while the notebook runs, turns a dead or runaway kernel into error outputs
that score 0 (and that :mod:`torchcourse.integrity` reports), and refuses to
run a submission folder that holds links or special files.
"""

from __future__ import annotations

import os
import sys
import time
from queue import Empty

from jupyter_client.manager import AsyncKernelManager
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbclient.util import ensure_async, run_sync
from nbformat import NotebookNode
from traitlets import Any, Integer

from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import Execute

from .kernel_check import METADATA_KEY, PROBE_TIMEOUT, KernelCheck, not_checked
from .markers import KERNEL_DIED, SUBMISSION_REFUSED, THREADS_VARIABLE, TRUNCATION_MARKER
from .sandbox import OPT_OUT_VARIABLE, Limits, Sandbox, SandboxError, check_sandbox, unsafe_files

class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager whose kernel runs inside :attr:`sandbox`.

    Use ``transport="ipc"`` and a ``connection_file`` in ``sandbox.runtime``:
    the kernel then binds unix sockets there, reachable from both sides.
    """

    sandbox = Any(help="The Sandbox this kernel runs in.")

    def format_kernel_cmd(self, extra_arguments=None):
        # A SIGINT would reach bwrap, not the kernel, and kill the sandbox:
        # interrupt with a message on the control channel instead.
        self.kernel_spec.interrupt_mode = "message"
        return self.sandbox.command(super().format_kernel_cmd(extra_arguments))

    def write_connection_file(self, **kwargs):
        """Write the connection file (0600) readable by the kernel's unprivileged user."""
        result = super().write_connection_file(**kwargs)
        if self.sandbox.as_root:
            os.chown(self.connection_file, self.sandbox.uid, self.sandbox.uid)
        return result


def _error_output(ename: str, evalue: str) -> NotebookNode:
    return NotebookNode(output_type="error", ename=ename, evalue=evalue,
                        traceback=[f"{ename}: {evalue}"])


def _output_size(content: dict) -> int:
    """Characters an output message would add to the notebook (text, data, traceback)."""
    size = len(content.get("text", ""))
    size += sum(len(v) if isinstance(v, str) else len(str(v)) for v in content.get("data", {}).values())
    size += sum(map(len, content.get("traceback", []))) + len(content.get("evalue", ""))
    return size


class SandboxedExecute(Execute):
    """nbgrader's ``Execute``, with the kernel in a :class:`Sandbox`.

    Configure the limits in ``nbgrader_config.py``, e.g.
    ``c.SandboxedExecute.memory_limit = 6 * 2**30``; the per-cell timeout is
    nbgrader's ``c.Execute.timeout``.

    If the kernel dies (memory limit, notebook time limit, ``os._exit``, a
    crash), the cell it was running and every later code cell get an error
    output saying why, so they score 0 and the grades of the cells before it
    are still saved; nbgrader goes on with the next student.

    While the notebook runs, a :class:`~torchcourse.kernel_check.KernelCheck`
    probes the kernel from the grader's side (before the first cell, after each
    locked cell, before each test cell) and marks the end of each test cell; its
    findings go into ``metadata.torchcourse.kernel_check``.

    The kernel sees a scratch copy of the autograded folder in which every
    notebook is the student's submitted file: nbgrader's copy of the notebook
    being graded, with the hidden tests restored, stays out of its view.

    The error outputs it writes (``KernelDied``, ``SubmissionRefused``), its
    output-truncation notice and the check's findings are what
    :func:`torchcourse.integrity.review_reasons` reports to the instructor.
    """

    memory_limit = Integer(Limits.memory, help="Memory limit per notebook, in bytes.").tag(config=True)
    pids_limit = Integer(Limits.pids, help="Processes plus threads per notebook.").tag(config=True)
    file_size_limit = Integer(Limits.file_size, help="Largest file a notebook may write, in bytes.").tag(config=True)
    tmp_size = Integer(Limits.tmp_size, help="Size of the sandbox's /tmp, in bytes.").tag(config=True)
    notebook_timeout = Integer(Limits.notebook_timeout, help="Wall and CPU seconds per notebook.").tag(config=True)
    sandbox_uid = Integer(65534, help="Unprivileged uid the kernel runs as (grader is root).").tag(config=True)
    cell_output_limit = Integer(2**20, help="Characters of output kept per cell; the rest is "
                                "replaced by a notice.").tag(config=True)
    notebook_output_limit = Integer(10 * 2**20, help="Characters of output kept per notebook; the "
                                    "rest is replaced by a notice.").tag(config=True)

    _sandbox: Sandbox | None = None
    _dead: str | None = None
    _check: KernelCheck | None = None
    _replies: dict  # cell index -> execute_reply of the cell
    _output_used: dict  # cell index -> characters kept; -1 is the notebook's total
    _truncated: set

    def limits(self) -> Limits:
        """The sandbox limits this preprocessor is configured with."""
        return Limits(memory=self.memory_limit, pids=self.pids_limit, file_size=self.file_size_limit,
                      tmp_size=self.tmp_size, notebook_timeout=self.notebook_timeout)

    def _submitted_folder(self, resources) -> str | None:
        """``submitted/<student>/<assignment>`` of the notebook being autograded, or None."""
        nbgrader = (resources or {}).get("nbgrader", {})
        if not (nbgrader.get("student") and nbgrader.get("assignment")):
            return None
        coursedir = CourseDirectory(config=self.config)
        return coursedir.format_path(coursedir.submitted_directory, nbgrader["student"],
                                     nbgrader["assignment"])

    def _refusal(self, resources) -> str | None:
        """Why this submission must not run (a symlink in the submitted folder), or None."""
        folders = [(resources or {}).get("metadata", {}).get("path"), self._submitted_folder(resources)]
        unsafe = [entry for folder in folders if folder and os.path.isdir(folder)
                  for entry in unsafe_files(folder)]
        if not unsafe:
            return None
        return ("the submission folder holds links or special files, which are not allowed ("
                + ", ".join(sorted(set(unsafe))[:5]) + "); the notebook was not run. "
                "Submit only regular files.")

    def preprocess(self, nb, resources=None, km=None):
        self._output_used, self._truncated, self._replies = {}, set(), {}
        # whatever the submission says here is replaced: only the grader writes this key
        nb.metadata[METADATA_KEY] = {"kernel_check": not_checked("grading did not finish")}
        if os.environ.get(OPT_OUT_VARIABLE) == "1":
            warning = (f"{OPT_OUT_VARIABLE}=1: student code runs WITHOUT the sandbox, with your "
                       "privileges; it can read the hidden tests and change the gradebook.")
            self.log.warning(warning)
            print(f"\n{'!' * 78}\nWARNING {warning}\n{'!' * 78}\n", file=sys.stderr)
            os.environ[THREADS_VARIABLE] = "1"   # the kernel inherits it: scores never depend on the core count
            return self._checked(nb, lambda: super(SandboxedExecute, self).preprocess(nb, resources, km))
        if km is not None:
            raise SandboxError("SandboxedExecute starts its own sandboxed kernel; do not pass km")
        refusal = self._refusal(resources)
        if refusal is not None:
            self.log.warning("Not running this submission: %s", refusal)
            for cell in nb.cells:
                if cell.cell_type == "code":
                    cell.outputs = [_error_output(SUBMISSION_REFUSED, refusal)]
            nb.metadata[METADATA_KEY] = {"kernel_check": not_checked("the submission was not run")}
            return nb, resources
        check_sandbox()
        path = (resources or {}).get("metadata", {}).get("path") or os.getcwd()
        with Sandbox(path, self.limits(), uid=self.sandbox_uid,
                     notebooks_from=self._submitted_folder(resources)) as sandbox:
            self._sandbox, self._dead = sandbox, None
            try:
                return self._checked(nb, lambda: super(SandboxedExecute, self).preprocess(nb, resources))
            finally:
                self._sandbox = None

    def _checked(self, nb, run):
        """``run()`` (the notebook's execution) with a :class:`KernelCheck` watching it."""
        self._check = KernelCheck(nb, self._ask)
        try:
            result = run()
        finally:
            summary = self._check.summary()
            self._check = None
        result[0].metadata[METADATA_KEY] = {"kernel_check": summary}
        return result

    def _ask(self, code: str, expression: str) -> dict | None:
        """Run ``code`` silently in the kernel and evaluate ``expression``; the reply's content."""
        return run_sync(self._async_ask)(code, expression)

    async def _async_ask(self, code: str, expression: str) -> dict | None:
        msg_id = self.kc.execute(code, silent=True, store_history=False, allow_stdin=False,
                                 stop_on_error=False, user_expressions={"r": expression})
        deadline = time.monotonic() + PROBE_TIMEOUT
        while time.monotonic() < deadline:
            try:
                msg = await ensure_async(self.kc.shell_channel.get_msg(timeout=1))
            except Empty:
                if not await ensure_async(self.km.is_alive()):
                    raise DeadKernelError("Kernel died") from None
                continue
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg["content"]
        return None

    def on_cell_executed(self, **kwargs):
        reply = kwargs["execute_reply"]
        if self._check is not None and reply:  # nbgrader copies the reply's traceback when hidden
            content = self._check.without_marker({"msg_type": "error", "content": reply["content"]})
            kwargs["execute_reply"] = reply = dict(reply, content=content["content"])
        self._replies[kwargs["cell_index"]] = reply
        return super().on_cell_executed(**kwargs)

    def create_kernel_manager(self):
        if self._sandbox is None:  # the explicit opt-out: nbgrader's own kernel manager
            return super().create_kernel_manager()
        if not self.kernel_name:
            self.kernel_name = self.nb.metadata.get("kernelspec", {}).get("name") or "python3"
        self.km = SandboxedKernelManager(
            kernel_name=self.kernel_name, config=self.config, sandbox=self._sandbox,
            transport="ipc", connection_file=str(self._sandbox.runtime / "kernel.json"))
        return self.km

    def preprocess_cell(self, cell, resources, index):
        if self._dead is not None:
            if cell.cell_type == "code":
                cell.outputs = [_error_output(KERNEL_DIED, f"not run: {self._dead}")]
            return cell, resources
        source = cell.source
        try:
            if self._check is not None:
                cell.source = source + self._check.before_cell(index, cell)
            cell, resources = super().preprocess_cell(cell, resources, index)
            cell.source = source
            if self._check is not None:
                self._check.after_cell(index, cell, self._replies.get(index))
            return cell, resources
        except DeadKernelError:
            cell.source = source
            process = getattr(getattr(self.km, "provisioner", None), "process", None)
            self._dead = self._sandbox.death_reason(process.poll() if process else None)
            self.log.warning("Kernel died in cell %d: %s", index, self._dead)
            cell.outputs.append(_error_output(KERNEL_DIED, self._dead))
            return cell, resources
        except CellTimeoutError:
            cell.source = source
            # The interrupt sent at the cell's timeout did not stop it (SIGINT ignored):
            # kill the sandbox rather than let nbgrader give up on the whole notebook.
            process = getattr(getattr(self.km, "provisioner", None), "process", None)
            if process is not None:
                process.kill()
            self._dead = (f"the cell ran past its time limit of {self.timeout} s and ignored the "
                          "interrupt, so the kernel was killed")
            self.log.warning("Killed the kernel in cell %d: %s", index, self._dead)
            cell.outputs.append(_error_output(KERNEL_DIED, self._dead))
            return cell, resources

    def output(self, outs, msg, display_id, cell_index):
        """nbclient's output handler, with :attr:`cell_output_limit` and :attr:`notebook_output_limit`.

        Output past a limit is dropped as it arrives (so a print flood cannot fill
        the grader's memory) and replaced by one notice per cell, which
        :func:`torchcourse.integrity.review_reasons` reports. Error outputs are
        always kept (shortened), so a failing cell still scores 0.
        """
        if self._check is not None:
            if self._check.take_output(cell_index, msg):
                return None  # the end-of-test-cell marker: for the grader, not the notebook
            msg = self._check.without_marker(msg)
        content = msg.get("content", {})
        size = _output_size(content)
        used, total = self._output_used.get(cell_index, 0), self._output_used.get(-1, 0)
        room = min(self.cell_output_limit - used, self.notebook_output_limit - total)
        if size > room:
            if msg.get("msg_type") == "error":
                content = dict(content, evalue=content.get("evalue", "")[:1000],
                               traceback=[line[:1000] for line in content.get("traceback", [])[-5:]])
            elif msg.get("msg_type") == "stream" and room > 0:
                content = dict(content, text=content["text"][:room])
            else:
                content = None
            notice = cell_index not in self._truncated
            self._truncated.add(cell_index)
            kept = None
            if content is not None:
                msg = dict(msg, content=content)
                self._account(cell_index, _output_size(content))
                kept = super().output(outs, msg, display_id, cell_index)
            if notice:
                # display_data, not a stream: nbgrader's LimitOutput would cut a stream notice
                outs.append(NotebookNode(output_type="display_data", metadata={}, data={
                    "text/plain": f"{TRUNCATION_MARKER}: this cell printed more than the limit of "
                                  f"{self.cell_output_limit} characters per cell or "
                                  f"{self.notebook_output_limit} per notebook; the rest was dropped]"}))
            return kept
        self._account(cell_index, size)
        return super().output(outs, msg, display_id, cell_index)

    def _account(self, cell_index: int, size: int) -> None:
        self._output_used[cell_index] = self._output_used.get(cell_index, 0) + size
        self._output_used[-1] = self._output_used.get(-1, 0) + size
