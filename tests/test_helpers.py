"""Unit tests of the course package's notebook helpers and grading checks."""

import warnings

import pytest
import torch

from torchcourse import grading, notebooks


def test_pick_device_auto_falls_back_to_cpu_without_accelerators(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: False)
    assert notebooks.pick_device("auto") == torch.device("cpu")


def test_pick_device_prefers_cuda_then_mps(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: True)
    assert notebooks.pick_device() == torch.device("cuda")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert notebooks.pick_device() == torch.device("mps")


@pytest.mark.parametrize("bad", ["gpu", "cuda:x"])
def test_pick_device_rejects_unknown_names_with_advice(bad):
    with pytest.raises(ValueError, match="Use 'auto'"):
        notebooks.pick_device(bad)


def test_pick_device_refuses_missing_cuda(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    with pytest.raises(ValueError, match="no usable CUDA GPU"):
        notebooks.pick_device("cuda")


def test_seed_everything_makes_draws_repeat():
    notebooks.seed_everything(3)
    first = torch.rand(3)
    notebooks.seed_everything(3)
    assert torch.equal(first, torch.rand(3))
    with pytest.raises(TypeError):
        notebooks.seed_everything(1.5)


def test_setup_notebook_pins_threads_and_routes_warnings_to_stdout(capsys):
    before_threads, before_show = torch.get_num_threads(), warnings.showwarning
    try:
        device = notebooks.setup_notebook("cpu", seed=1)
        assert device == torch.device("cpu")
        assert torch.get_num_threads() == notebooks.NUM_THREADS
        assert warnings.showwarning is notebooks._warning_to_stdout
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.warn("careful", UserWarning)
        out = capsys.readouterr()
        assert "UserWarning: careful" in out.out and out.err == ""
    finally:
        torch.set_num_threads(before_threads)
        warnings.showwarning = before_show


def test_show_error_prints_the_error_instead_of_raising(capsys):
    with notebooks.show_error():
        torch.ones(2, 3) @ torch.ones(2, 3)
    assert capsys.readouterr().out.startswith("RuntimeError: mat1 and mat2 shapes cannot be multiplied")
    with notebooks.show_error():
        pass
    assert "no error" in capsys.readouterr().out


def test_checks_return_none_and_pass_on_right_answers():
    t = torch.zeros(2, 3)
    results = [
        grading.check(True, "ok"),
        grading.check_equal(t.shape, (2, 3), "shape"),
        grading.check_equal(torch.tensor(15.0), 15, "0-d tensor answer"),
        grading.check_close(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.0 + 1e-7]), "values"),
        grading.check_close(0.30000001, 0.3, "number"),
        grading.check_shape(t, (2, 3), "t"),
        grading.check_dtype(t, torch.float32, "t"),
        grading.check_tensor(t, "t"),
        grading.check_raises(lambda: 1 / 0, ZeroDivisionError, "divide"),
    ]
    assert results == [None] * len(results), "a check returning a number would become a partial score"


@pytest.mark.parametrize("call, words", [
    (lambda: grading.check_shape(torch.zeros(2, 3), (3, 2), "f(x)", hint="transpose?"),
     ["f(x) has the wrong shape", "expected: (3, 2)", "got:      (2, 3)", "hint: transpose?"]),
    (lambda: grading.check_dtype(torch.zeros(1), torch.int64, "ids"), ["torch.int64", "torch.float32"]),
    (lambda: grading.check_tensor([1, 2], "out"), ["should be a torch.Tensor", "list"]),
    (lambda: grading.check_equal((1, 2), (2, 1), "pair"), ["pair is not what was expected"]),
    (lambda: grading.check_equal(torch.zeros(2), (0, 0), "t"), ["not what was expected"]),
    (lambda: grading.check_close(torch.tensor(float("nan")), 1.0, "loss"), ["wrong value"]),
    (lambda: grading.check_close("x", 1.0, "loss"), ["should be a number"]),
    (lambda: grading.check_close(torch.ones(2), torch.ones(3), "g"), ["wrong shape"]),
    (lambda: grading.check_raises(lambda: None, ValueError, "f(-1)"), ["should raise", "ValueError"]),
    (lambda: grading.check_raises(lambda: 1 / 0, ValueError, "f(0)"), ["wrong kind of error"]),
])
def test_failed_checks_say_what_was_expected_and_what_came_back(call, words):
    with pytest.raises(grading.CheckFailed) as info:
        call()
    for word in words:
        assert word in str(info.value)
