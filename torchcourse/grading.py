"""Checks for the test cells of the exercises, with messages written for learners.

Every check raises :class:`CheckFailed` (an ``AssertionError``) with three parts:
what was checked and expected, what came back, and a hint at the likely mistake.
Every check returns ``None``: nbgrader reads a number left as a cell's last
value as a partial score, so a test cell must never end on a value.

Example::

    batch = call_answer(make_batch, 8, what="make_batch(8)",
                        hint="Stack the images along a new first axis.")
    check_shape(batch, (8, 3, 32, 32), "make_batch(8)",
                hint="PyTorch images are channels-first: B x C x H x W.")

A test cell calls the learner's function through :func:`call_answer`, so that an
answer that raises gets a written hint instead of a traceback from inside the
test cell.
"""

from __future__ import annotations

import math
from typing import Any, Callable

import torch

from .markers import STUB_MESSAGE

__all__ = [
    "CheckFailed",
    "check",
    "check_equal",
    "check_close",
    "check_shape",
    "check_dtype",
    "check_tensor",
    "check_raises",
    "call_answer",
]


class CheckFailed(AssertionError):
    """A test of an exercise failed; the message says why and what to try."""


def _fail(what: str, expected: Any, got: Any, hint: str | None) -> None:
    lines = [f"{what}", f"  expected: {expected}", f"  got:      {got}"]
    if hint:
        lines.append(f"  hint: {hint}")
    raise CheckFailed("\n".join(lines))


def _short(value: Any, limit: int = 200) -> str:
    if isinstance(value, torch.Tensor):
        text = f"tensor of shape {tuple(value.shape)}, dtype {value.dtype}, device {value.device}"
        if value.numel() <= 12 and value.device.type != "meta":
            text += f": {value.detach().cpu().tolist()}"
        return text
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def check(condition: bool, message: str, hint: str | None = None) -> None:
    """Fail with ``message`` (and ``hint``) unless ``condition`` is true."""
    if not condition:
        raise CheckFailed(message + (f"\n  hint: {hint}" if hint else ""))


def check_tensor(value: Any, what: str, hint: str | None = None) -> None:
    """Fail unless ``value`` is a ``torch.Tensor``."""
    if not isinstance(value, torch.Tensor):
        _fail(f"{what} should be a torch.Tensor", "torch.Tensor", type(value).__name__,
              hint or "Build the result with torch functions, or convert with torch.tensor(...).")


def check_equal(value: Any, expected: Any, what: str, hint: str | None = None) -> None:
    """Fail unless ``value == expected`` (tensors must match exactly, shape included)."""
    if isinstance(expected, torch.Tensor):
        check_tensor(value, what, hint)
        same = (value.shape == expected.shape and value.dtype == expected.dtype
                and torch.equal(value.detach().cpu(), expected.detach().cpu()))
    else:
        try:
            result = value == expected
            if isinstance(result, torch.Tensor):  # a 0-d tensor answer is fine
                same = result.numel() == 1 and bool(result)
            else:
                same = bool(result)
        except Exception:  # noqa: BLE001 - e.g. comparing a tensor with a tuple
            same = False
    if not same:
        _fail(f"{what} is not what was expected", _short(expected), _short(value), hint)


def check_close(value: Any, expected: Any, what: str, *, rtol: float = 1e-5,
                atol: float = 1e-8, hint: str | None = None) -> None:
    """Fail unless ``value`` is numerically close to ``expected``.

    ``expected`` may be a number or a tensor. For a tensor, ``value`` must be a
    tensor of the same shape; dtypes may differ (compared in float64).
    """
    if isinstance(expected, torch.Tensor):
        check_tensor(value, what, hint)
        if value.shape != expected.shape:
            _fail(f"{what} has the wrong shape", tuple(expected.shape), tuple(value.shape), hint)
        a = value.detach().cpu().to(torch.float64)
        b = expected.detach().cpu().to(torch.float64)
        ok = bool(((a - b).abs() <= atol + rtol * b.abs()).all()) and not bool(a.isnan().any())
        if not ok:
            _fail(f"{what} has the wrong values", _short(expected), _short(value), hint)
        return
    try:
        number = float(value.item() if isinstance(value, torch.Tensor) else value)
    except (TypeError, ValueError, RuntimeError):
        _fail(f"{what} should be a number", expected, _short(value), hint)
    if math.isnan(number) or abs(number - float(expected)) > atol + rtol * abs(float(expected)):
        _fail(f"{what} has the wrong value", expected, _short(value), hint)


def check_shape(value: Any, shape: tuple[int, ...], what: str, hint: str | None = None) -> None:
    """Fail unless ``value`` is a tensor of exactly this ``shape``."""
    check_tensor(value, what, hint)
    if tuple(value.shape) != tuple(shape):
        _fail(f"{what} has the wrong shape", tuple(shape), tuple(value.shape), hint)


def check_dtype(value: Any, dtype: torch.dtype, what: str, hint: str | None = None) -> None:
    """Fail unless ``value`` is a tensor of this ``dtype``."""
    check_tensor(value, what, hint)
    if value.dtype != dtype:
        _fail(f"{what} has the wrong dtype", dtype, value.dtype, hint)


def check_raises(fn: Callable[[], Any], error: type[BaseException], what: str,
                 hint: str | None = None) -> None:
    """Fail unless calling ``fn()`` raises ``error`` (or a subclass)."""
    try:
        fn()
    except error:
        return
    except Exception as err:  # noqa: BLE001
        _fail(f"{what} raised the wrong kind of error", error.__name__,
              f"{type(err).__name__}: {err}", hint)
    _fail(f"{what} should raise an error", error.__name__, "no error", hint)


def call_answer(fn: Callable[..., Any], *args: Any, what: str | None = None, hint: str | None = None,
                **kwargs: Any) -> Any:
    """Return ``fn(*args, **kwargs)``; if it raises, fail with the error and ``hint`` instead.

    Test cells call the learner's code through it, so that an answer that raises
    (a shape mismatch, a ``NotImplementedError`` left in place) is met with a
    message that says what was called, what went wrong and what to try, rather
    than a traceback that points into the test cell.

    ``what`` names the call in the message, e.g. ``"linear_forward(x, W, b) for x of shape (4, 3)"``;
    by default it is the function's name.
    """
    what = what or f"{getattr(fn, '__name__', 'your function')}(...)"
    try:
        return fn(*args, **kwargs)
    except NotImplementedError as err:
        if str(err).strip() in ("", STUB_MESSAGE):   # the student version's stub (PyTorch's own say more)
            _fail(f"{what} is not written yet", "a result", "NotImplementedError",
                  "Replace the `raise NotImplementedError(...)` line in the exercise cell with your code and "
                  "run that cell.")
        _fail(f"{what} raised an error", "a result", f"NotImplementedError: {_first_line(err)}", hint)
    except Exception as err:  # noqa: BLE001 - any error in the learner's code gets the hint
        _fail(f"{what} raised an error", "a result", f"{type(err).__name__}: {_first_line(err)}", hint)


def _first_line(err: BaseException, limit: int = 300) -> str:
    message = (str(err).strip().splitlines() or [""])[0]
    return message if len(message) <= limit else message[: limit - 3] + "..."
