"""Helpers that every lesson notebook uses: device choice, seeding, showing errors.

Each notebook starts with a ``parameters`` cell (``device``, ``seed``) and a setup
cell that calls :func:`setup_notebook`. Keeping that logic here, rather than
pasting it into every notebook, means a fix lands in all lessons at once.
"""

from __future__ import annotations

import contextlib
import os
import random
import sys
import traceback
import warnings

import torch

from .markers import THREADS_VARIABLE

__all__ = ["pick_device", "seed_everything", "setup_notebook", "show_error"]



def pick_device(preference: str | torch.device = "auto") -> torch.device:
    """Return the device to run on.

    Parameters
    ----------
    preference : str or torch.device, default "auto"
        ``"auto"`` picks CUDA if available, then Apple's MPS, then the CPU.
        Anything else (``"cpu"``, ``"cuda"``, ``"cuda:1"``, ``"mps"``) is used as
        given, after checking that this machine has it.

    Returns
    -------
    torch.device

    Raises
    ------
    ValueError
        If the requested device does not exist on this machine.
    """
    if isinstance(preference, torch.device):
        preference = str(preference)
    preference = str(preference).strip().lower()
    if preference == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        if torch.backends.mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    try:
        device = torch.device(preference)
    except RuntimeError as err:
        raise ValueError(
            f"Unknown device {preference!r}. Use 'auto', 'cpu', 'cuda', 'cuda:N' or 'mps'."
        ) from err
    if device.type == "cuda" and not torch.cuda.is_available():
        raise ValueError(
            "device='cuda' was requested but this machine has no usable CUDA GPU. "
            "Use device='auto' to fall back to the CPU."
        )
    if device.type == "mps" and not torch.backends.mps.is_available():
        raise ValueError(
            "device='mps' was requested but MPS is not available here. "
            "Use device='auto' to fall back to the CPU."
        )
    return device


def seed_everything(seed: int) -> None:
    """Seed Python's, NumPy's and PyTorch's random number generators (CPU and CUDA)."""
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise TypeError(f"seed must be an int, got {type(seed).__name__} {seed!r}.")
    random.seed(seed)
    try:
        import numpy as np
    except ImportError:  # pragma: no cover - numpy ships with the course
        pass
    else:
        np.random.seed(seed)
    torch.manual_seed(seed)  # also seeds every CUDA device


def _warning_to_stdout(message, category, filename, lineno, file=None, line=None):
    print(f"{category.__name__}: {message}", file=sys.stdout)


def setup_notebook(device: str | torch.device = "auto", seed: int = 0) -> torch.device:
    """Prepare a lesson notebook and return the device to use.

    * picks the device (see :func:`pick_device`);
    * seeds every random number generator with ``seed``;
    * pins PyTorch to ``$TORCHCOURSE_NUM_THREADS`` CPU threads where that is
      set (the papermill build and grading set 1, so that printed numbers and
      scores do not depend on the machine); elsewhere PyTorch keeps its default,
      one thread per core;
    * prints warnings to standard output instead of standard error. nbgrader
      gives zero points to any test cell that writes to stderr, so a harmless
      ``UserWarning`` raised by a correct answer must not cost the learner marks.
      The warning is still shown, just not in red.
    """
    chosen = pick_device(device)
    seed_everything(seed)
    threads = os.environ.get(THREADS_VARIABLE, "").strip()
    if threads:
        if not threads.isdigit() or int(threads) < 1:
            raise ValueError(f"{THREADS_VARIABLE} must be a positive whole number of threads, got {threads!r}.")
        torch.set_num_threads(int(threads))
    warnings.showwarning = _warning_to_stdout
    print(f"torch {torch.__version__.split('+')[0]} | device: {chosen.type} | seed: {seed}")
    return chosen


@contextlib.contextmanager
def show_error(full: bool = False):
    """Run a block that is *meant* to fail, and print the error instead of raising it.

    Lessons use it to show what a mistake looks like without stopping the
    notebook (papermill and "Run all" would otherwise stop at the error)::

        with show_error():
            torch.ones(2, 3) @ torch.ones(2, 3)

    prints ``RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)``.
    If the block does not raise, it prints a note saying so.

    Parameters
    ----------
    full : bool, default False
        ``False`` prints the error's first line, which is enough to name it.
        ``True`` prints what a learner reads to *debug* it: the traceback frames
        of the notebook's own code (the cells and functions defined in them,
        with the line that failed; frames inside PyTorch and other libraries are
        counted, not shown), then the whole message, every line of it.
    """
    try:
        yield
    except Exception as err:  # noqa: BLE001 - showing any error is the point
        if full:
            print(_full_error(err))
        else:
            text = str(err).strip().splitlines()
            first_line = text[0] if text else ""
            print(f"{type(err).__name__}: {first_line}")
    else:
        print("(no error was raised)")


def _is_notebook_code(filename: str) -> bool:
    """Whether a traceback frame is the learner's code (a notebook cell), not a library's."""
    return "/ipykernel_" in filename or filename.startswith("<ipython-input")


def _full_error(err: BaseException) -> str:
    """The traceback frames of notebook code, then the error's whole message."""
    lines = ["Traceback (most recent call last, notebook code only):"]
    frames = traceback.extract_tb(err.__traceback__)[1:]    # [0] is show_error's own `yield`
    hidden = 0
    for frame in frames:
        if _is_notebook_code(frame.filename):
            if hidden:
                lines.append(f"  ... {hidden} frame(s) inside libraries")
                hidden = 0
            where = "cell" if frame.name == "<module>" else f"in {frame.name}"
            lines.append(f"  {where}, line {frame.lineno}: {(frame.line or '').strip()}")
        else:
            hidden += 1
    if hidden:
        lines.append(f"  ... {hidden} frame(s) inside libraries")
    lines.append(f"{type(err).__name__}: {str(err).strip()}")
    return "\n".join(lines)
