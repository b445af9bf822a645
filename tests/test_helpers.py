"""Unit tests of the course package's notebook helpers and grading checks."""

import warnings

import pytest
import torch

from torchcourse import grading, markers, notebooks


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


def test_setup_notebook_routes_warnings_to_stdout_and_leaves_threads_alone(capsys, monkeypatch):
    """A learner's notebook keeps every core: only the build and grading pin threads."""
    monkeypatch.delenv(markers.THREADS_VARIABLE, raising=False)
    before_threads, before_show = torch.get_num_threads(), warnings.showwarning
    try:
        torch.set_num_threads(2)
        device = notebooks.setup_notebook("cpu", seed=1)
        assert device == torch.device("cpu")
        assert torch.get_num_threads() == 2
        assert warnings.showwarning is notebooks._warning_to_stdout
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.warn("careful", UserWarning)
        out = capsys.readouterr()
        assert "UserWarning: careful" in out.out and out.err == ""
    finally:
        torch.set_num_threads(before_threads)
        warnings.showwarning = before_show


def test_setup_notebook_pins_threads_where_the_build_or_grading_asks(monkeypatch):
    before_threads, before_show = torch.get_num_threads(), warnings.showwarning
    try:
        torch.set_num_threads(2)
        monkeypatch.setenv(markers.THREADS_VARIABLE, "1")
        notebooks.setup_notebook("cpu", seed=1)
        assert torch.get_num_threads() == 1
        monkeypatch.setenv(markers.THREADS_VARIABLE, "two")
        with pytest.raises(ValueError, match="TORCHCOURSE_NUM_THREADS must be a positive whole number"):
            notebooks.setup_notebook("cpu", seed=1)
    finally:
        torch.set_num_threads(before_threads)
        warnings.showwarning = before_show


def test_the_build_and_the_sandbox_pin_one_thread():
    import inspect

    from torchcourse import pipeline, sandbox
    assert "THREADS_VARIABLE: \"1\"" in inspect.getsource(pipeline.execute_notebook)
    command = sandbox.Sandbox.command.__code__.co_names
    assert "THREADS_VARIABLE" in command


def test_show_error_prints_the_error_instead_of_raising(capsys):
    with notebooks.show_error():
        torch.ones(2, 3) @ torch.ones(2, 3)
    assert capsys.readouterr().out.startswith("RuntimeError: mat1 and mat2 shapes cannot be multiplied")
    with notebooks.show_error():
        pass
    assert "no error" in capsys.readouterr().out


def _shapes_clash(a, b):
    return a @ b


def test_show_error_full_shows_the_notebook_frames_and_the_whole_message(capsys):
    with notebooks.show_error(full=True):
        _shapes_clash(torch.ones(2, 3), torch.ones(2, 3))
    out = capsys.readouterr().out
    assert out.startswith("Traceback (most recent call last, notebook code only):")
    assert out.rstrip().endswith("RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)")
    with notebooks.show_error(full=True):
        raise ValueError("first line\nsecond line")
    out = capsys.readouterr().out
    assert "ValueError: first line\nsecond line" in out          # every line of the message
    with notebooks.show_error():
        raise ValueError("first line\nsecond line")
    assert capsys.readouterr().out == "ValueError: first line\n"


def test_show_error_full_keeps_cell_frames_and_counts_library_ones():
    err = None
    try:
        torch.ones(2).view(3)
    except RuntimeError as caught:
        err = caught
    assert notebooks._is_notebook_code("/tmp/ipykernel_123/4567.py")
    assert not notebooks._is_notebook_code(torch.__file__)
    text = notebooks._full_error(err)
    assert text.splitlines()[-1].startswith("RuntimeError: shape '[3]' is invalid")


def test_call_answer_returns_the_result_or_fails_with_a_hint():
    assert grading.call_answer(lambda a, b: a + b, 1, b=2) == 3

    def broken(x):
        raise RuntimeError("mat1 and mat2 shapes cannot be multiplied (1x2 and 3x2)\nmore")

    with pytest.raises(grading.CheckFailed) as info:
        grading.call_answer(broken, 1, what="linear_forward(x, W, b)", hint="Did you transpose W?")
    message = str(info.value)
    assert message.splitlines()[0] == "linear_forward(x, W, b) raised an error"
    assert "RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x2 and 3x2)" in message
    assert "more" not in message and "hint: Did you transpose W?" in message

    def unwritten():
        raise NotImplementedError()

    with pytest.raises(grading.CheckFailed, match="unwritten\\(...\\) is not written yet"):
        grading.call_answer(unwritten)

    def the_student_versions_stub():         # what the release has in place of a solution
        raise NotImplementedError(markers.STUB_MESSAGE)

    with pytest.raises(grading.CheckFailed) as info:
        grading.call_answer(the_student_versions_stub, hint="return x @ W.T + b")
    assert str(info.value).startswith("the_student_versions_stub(...) is not written yet")
    assert "x @ W.T" not in str(info.value), "an unanswered exercise must not be shown its hint (the answer)"

    def copies_out_of_meta():                # PyTorch's own NotImplementedError is not a stub
        return torch.ones(2, device="meta").cpu()

    with pytest.raises(grading.CheckFailed) as info:
        grading.call_answer(copies_out_of_meta, hint="Move b to a's device.")
    assert "raised an error" in str(info.value) and "Cannot copy out of meta tensor" in str(info.value)
    assert "hint: Move b to a's device." in str(info.value)


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
