"""Helpers that every lesson notebook uses: device choice, seeding, showing errors.

Each notebook starts with a ``parameters`` cell (``device``, ``seed``) and a setup
cell that calls :func:`setup_notebook`. Keeping that logic here, rather than
pasting it into every notebook, means a fix lands in all lessons at once.
"""

from __future__ import annotations

import contextlib
import random
import sys
import warnings

import torch

__all__ = ["pick_device", "seed_everything", "setup_notebook", "show_error"]

#: Published outputs are made with this many CPU threads, whatever the machine
#: has, because float reductions give slightly different results per thread count.
NUM_THREADS = 1


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
    * fixes PyTorch to :data:`NUM_THREADS` CPU thread(s), so that printed
      numbers do not depend on how many cores the machine has;
    * prints warnings to standard output instead of standard error. nbgrader
      gives zero points to any test cell that writes to stderr, so a harmless
      ``UserWarning`` raised by a correct answer must not cost the learner marks.
      The warning is still shown, just not in red.
    """
    chosen = pick_device(device)
    seed_everything(seed)
    torch.set_num_threads(NUM_THREADS)
    warnings.showwarning = _warning_to_stdout
    print(f"torch {torch.__version__.split('+')[0]} | device: {chosen.type} | seed: {seed}")
    return chosen


@contextlib.contextmanager
def show_error():
    """Run a block that is *meant* to fail, and print the error instead of raising it.

    Lessons use it to show what a mistake looks like without stopping the
    notebook (papermill and "Run all" would otherwise stop at the error)::

        with show_error():
            torch.ones(2, 3) @ torch.ones(2, 3)

    prints ``RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)``.
    If the block does not raise, it prints a note saying so.
    """
    try:
        yield
    except Exception as err:  # noqa: BLE001 - showing any error is the point
        text = str(err).strip().splitlines()
        first_line = text[0] if text else ""
        print(f"{type(err).__name__}: {first_line}")
    else:
        print("(no error was raised)")
