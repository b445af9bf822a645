"""Honest-but-exploratory submissions of 06_nn_module: a registry for the integrity tests.

Each :class:`Exploration` is the full correct solution plus a few code cells of
the kind a learner adds in JupyterLab while working through the course: timing a
layer, plotting weights, printing versions, saving a checkpoint, reading a
traceback, inspecting objects, seeding, threads, DataLoader workers, a
one-process ``torch.distributed`` group, hooks, mixed precision, profiling. The
rule: every one of them scores full marks when autograded in the sandbox, and
nothing about it is a reason for review. The cells restore whatever global state
they change (thread count, print options, deterministic mode), write files only
in the notebook's folder or a temporary one, catch the errors they provoke, and
never rebind a course name, a built-in or one of the learner's answers.
"""

from __future__ import annotations

import dataclasses
import re
import textwrap

from nbformat.v4 import new_code_cell

import proof

TOPIC = "06_nn_module"

#: Where an exploration's cells may go (see :func:`build`).
PLACES = ("after_setup", "middle", "end")

NAME = re.compile(r"^explore_[a-z0-9_]+$")


@dataclasses.dataclass(frozen=True)
class Exploration:
    """Extra cells an honest learner added to a correct submission.

    name : slug, used as the nbgrader student id (``explore_`` then lowercase letters, digits, ``_``).
    description : one line for the report.
    cells : the source of each added code cell.
    where : ``"after_setup"`` (right after the setup cell), ``"middle"`` (right before the
        first test cell: only ``conv2d_param_count`` is defined there) or ``"end"``.
    """

    name: str
    description: str
    cells: tuple[str, ...]
    where: str = "end"

    def __post_init__(self):
        if not NAME.match(self.name):
            raise ValueError(f"{self.name!r}: names are explore_ then lowercase letters, digits, _")
        if self.where not in PLACES:
            raise ValueError(f"{self.name}: where={self.where!r}, expected one of {PLACES}")
        if not 1 <= len(self.cells) <= 4:
            raise ValueError(f"{self.name}: an exploration adds 1 to 4 cells")


def _insertion_index(nb, where: str) -> int:
    meta = [cell.metadata.get("nbgrader", {}) for cell in nb.cells]
    if where == "after_setup":
        return next(i for i, m in enumerate(meta) if m.get("grade_id") == "setup") + 1
    if where == "middle":
        return next(i for i, m in enumerate(meta) if m.get("grade"))
    return len(nb.cells)


def build(release_nb, answers: dict[str, str], exploration: Exploration):
    """The solution (``proof.fill_in(release_nb, answers)``) without the lesson's demo cells
    (code cells with no nbgrader metadata), with the exploration's cells inserted as plain
    code cells at ``exploration.where``. ``release_nb`` is not changed."""
    nb = proof.fill_in(release_nb, answers)
    nb.cells = [c for c in nb.cells if not (c.cell_type == "code" and "nbgrader" not in c.metadata)]
    index = _insertion_index(nb, exploration.where)
    nb.cells[index:index] = [new_code_cell(source) for source in exploration.cells]
    return nb


def _cells(*sources: str) -> tuple[str, ...]:
    return tuple(textwrap.dedent(source).strip("\n") for source in sources)


EXPLORATIONS: list[Exploration] = [
    # ------------------------------------------------------------------ timing
    Exploration("explore_timeit_my_linear", "%timeit of MyLinear against nn.Linear",
                _cells("""
        # how fast is my layer compared to nn.Linear?
        x = torch.randn(32, 64)
        mine, ref = MyLinear(64, 16), nn.Linear(64, 16)
        %timeit -n 3 -r 2 mine(x)
        %timeit -n 3 -r 2 ref(x)
        """)),
    Exploration("explore_time_cell_magic", "%%time on counting a convolution's parameters two ways",
                _cells("""
        %%time
        # is my formula quicker than building the layer and counting?
        by_formula = conv2d_param_count(64, 128, 3)
        by_layer = sum(p.numel() for p in nn.Conv2d(64, 128, 3).parameters())
        print(by_formula, by_layer)
        """), where="middle"),
    Exploration("explore_perf_counter", "time.perf_counter around forward passes of ResidualMLP",
                _cells("""
        import time

        # how long does one forward pass of my ResidualMLP take?
        net = ResidualMLP(32, 64, 4)
        batch = torch.randn(128, 32)
        start = time.perf_counter()
        with torch.no_grad():
            for _ in range(20):
                net(batch)
        print(f"{(time.perf_counter() - start) / 20 * 1e3:.3f} ms per forward")
        """)),
    Exploration("explore_benchmark_timer", "torch.utils.benchmark.Timer on MyLinear",
                _cells("""
        from torch.utils import benchmark

        # torch's own benchmark helper, which the docs recommend over %timeit
        layer = MyLinear(128, 64)
        inputs = torch.randn(16, 128)
        timer = benchmark.Timer(stmt="layer(inputs)", globals={"layer": layer, "inputs": inputs})
        print(timer.timeit(number=10))
        """)),
    Exploration("explore_set_num_threads", "one thread against two for a matmul, then the old count back",
                _cells("""
        import time

        # is one thread much slower than two for a small matmul?
        old_threads = torch.get_num_threads()
        a = torch.randn(256, 256)
        for n in (1, 2):
            torch.set_num_threads(n)
            start = time.perf_counter()
            for _ in range(10):
                a @ a
            print(n, "thread(s):", f"{(time.perf_counter() - start) * 100:.2f} ms per matmul")
        torch.set_num_threads(old_threads)
        print("back to", torch.get_num_threads())
        """), where="middle"),
    # ---------------------------------------------------- plotting and training
    Exploration("explore_weight_histogram", "%matplotlib inline and a histogram of nn.Linear's init",
                _cells("""
        %matplotlib inline
        """, """
        # what does nn.Linear's default init look like? MyLinear has to match it
        layer = nn.Linear(256, 128)
        fig, ax = plt.subplots(figsize=(4, 2.5))
        ax.hist(layer.weight.detach().flatten().numpy(), bins=40)
        ax.axvline(1 / 256 ** 0.5, color="k", linestyle="--")
        ax.set_title("nn.Linear(256, 128) weights")
        plt.show()
        plt.close(fig)
        """), where="after_setup"),
    Exploration("explore_loss_curve", "a few Adam steps with ResidualMLP on sin(x), and the loss curve",
                _cells("""
        # does my ResidualMLP actually train? fit sin(x) for a few steps
        torch.manual_seed(0)
        xs = torch.linspace(-2, 2, 64).unsqueeze(1)
        ys = torch.sin(xs)
        net = nn.Sequential(nn.Linear(1, 8), ResidualMLP(8, 16, 2), nn.Linear(8, 1))
        opt = torch.optim.Adam(net.parameters(), lr=0.01)
        losses = []
        for step in range(50):
            loss = nn.functional.mse_loss(net(xs), ys)
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(loss.item())
        print(f"loss {losses[0]:.3f} -> {losses[-1]:.3f}")
        """, """
        fig, ax = plt.subplots(figsize=(4, 2.5))
        ax.plot(losses)
        ax.set_xlabel("step")
        ax.set_ylabel("MSE")
        plt.show()
        plt.close(fig)
        """)),
    Exploration("explore_sgd_step", "a few SGD steps on nn.Linear before the exercises",
                _cells("""
        # warm-up before the exercises: do a few SGD steps lower the loss?
        torch.manual_seed(0)
        layer = nn.Linear(3, 1)
        opt = torch.optim.SGD(layer.parameters(), lr=0.1)
        x, y = torch.randn(16, 3), torch.randn(16, 1)
        for step in range(5):
            loss = nn.functional.mse_loss(layer(x), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            print(step, round(loss.item(), 4))
        """), where="middle"),
    # ------------------------------------------------- versions and environment
    Exploration("explore_versions", "Python, torch and numpy versions, and the platform",
                _cells("""
        # which versions am I on? (for my notes)
        import importlib.metadata
        import platform
        import sys

        print(sys.version)
        print(torch.__version__, importlib.metadata.version("torch"), importlib.metadata.version("numpy"))
        print(platform.platform(), platform.python_implementation())
        """), where="after_setup"),
    Exploration("explore_pip_list", "a !pip list shell line",
                _cells("""
        # what's installed in this environment?
        !pip --version
        !pip list | grep -i -E "^(torch|numpy) "
        """), where="after_setup"),
    Exploration("explore_cpu_count", "torch's thread counts next to os and multiprocessing cpu_count",
                _cells("""
        # how many cores does torch use here?
        import multiprocessing
        import os

        print("torch threads:", torch.get_num_threads(), "interop:", torch.get_num_interop_threads())
        print("os.cpu_count():", os.cpu_count(), "multiprocessing:", multiprocessing.cpu_count())
        """), where="middle"),
    Exploration("explore_working_folder", "os.getcwd, os.listdir of the notebook's folder, sys.path",
                _cells("""
        import os
        import sys

        # where is this notebook running, and what's next to it?
        print(os.getcwd())
        print(sorted(os.listdir(".")))
        print(sys.path)
        """), where="after_setup"),
    # ------------------------------------------------------------ saving files
    Exploration("explore_checkpoint_pathlib", "torch.save to ckpt/ with pathlib, load back, rmtree",
                _cells("""
        import glob
        import os
        import shutil
        from pathlib import Path

        # save a checkpoint of my model the proper way (state_dict) and load it back
        ckpt = Path("ckpt")
        ckpt.mkdir(exist_ok=True)
        model = ResidualMLP(4, 8, 2)
        torch.save(model.state_dict(), ckpt / "m.pt")
        print(glob.glob("ckpt/*.pt"), os.path.exists(ckpt / "m.pt"))
        """, """
        restored = ResidualMLP(4, 8, 2)
        restored.load_state_dict(torch.load(ckpt / "m.pt", weights_only=True))
        x = torch.randn(3, 4)
        print(torch.equal(model(x), restored(x)))
        shutil.rmtree(ckpt)  # tidy up the folder I made
        """)),
    Exploration("explore_pickle_json_config", "pickle and json dumps of a config dict in a temp folder",
                _cells("""
        import json
        import pickle
        import tempfile

        # keep the constructor's arguments next to the weights, as the lesson suggests
        config = {"dim": 4, "hidden": 8, "depth": 2}
        with tempfile.TemporaryDirectory() as folder:
            with open(f"{folder}/config.pkl", "wb") as f:
                pickle.dump(config, f)
            with open(f"{folder}/config.json", "w") as f:
                json.dump(config, f)
            with open(f"{folder}/config.pkl", "rb") as f:
                from_pickle = pickle.load(f)
            with open(f"{folder}/config.json") as f:
                from_json = json.load(f)
        print(from_pickle == from_json == config)
        print(ResidualMLP(**from_json))
        """)),
    Exploration("explore_my_save_load", "save_weights/load_weights on a BatchNorm model in a temp folder",
                _cells("""
        import glob
        import os
        import tempfile

        # do my save_weights / load_weights keep BatchNorm's buffers too?
        src = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4))
        src(torch.randn(8, 3))  # one training-mode pass moves the running statistics
        dst = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4))
        with tempfile.TemporaryDirectory() as folder:
            save_weights(src, os.path.join(folder, "bn.pt"))
            print(glob.glob(os.path.join(folder, "*.pt")))
            load_weights(dst, os.path.join(folder, "bn.pt"))
        print(all(torch.equal(a, b) for a, b in zip(src.state_dict().values(), dst.state_dict().values())))
        print("left in my folder:", glob.glob("*.pt"))
        """)),
    # ---------------------------------------------------------- reading errors
    Exploration("explore_traceback_print_exc", "traceback.print_exc of a shape mismatch",
                _cells("""
        import traceback

        # what does a shape mismatch look like in full?
        layer = nn.Linear(4, 3)
        try:
            layer(torch.randn(2, 5))
        except Exception:
            traceback.print_exc()
        """), where="after_setup"),
    Exploration("explore_show_error", "the course's show_error around two deliberate mistakes",
                _cells("""
        # the lesson's helper: see the error without stopping the notebook
        with show_error():
            nn.Conv2d(3, 16, 3)(torch.randn(1, 4, 8, 8))
        with show_error():
            conv2d_param_count(3, 16, (3, 3, 3))
        """), where="middle"),
    Exploration("explore_format_exc", "sys.exc_info and traceback.format_exc of MyLinear's error",
                _cells("""
        import sys
        import traceback

        # keep the error as a string, e.g. to write it to my notes
        try:
            MyLinear(3, 2)(torch.randn(4, 5))
        except Exception:
            kind, err, tb = sys.exc_info()
            text = traceback.format_exc()
            print(kind.__name__, "|", err)
            print(text.strip().splitlines()[-1])
        """)),
    # ------------------------------------------------------- inspecting objects
    Exploration("explore_inspect_signature", "inspect.signature of nn.Linear and nn.Conv2d, help()",
                _cells("""
        import inspect

        # what arguments do these take again?
        print(inspect.signature(nn.Linear))
        print(inspect.signature(nn.Conv2d))
        """, """
        help(nn.ReLU.forward)
        """), where="after_setup"),
    Exploration("explore_inspect_source", "inspect.getsource of the learner's own conv2d_param_count",
                _cells("""
        import inspect

        # re-read my answer before running the tests
        print(inspect.getsource(conv2d_param_count))
        print(inspect.signature(conv2d_param_count))
        """), where="middle"),
    Exploration("explore_object_internals", "dir, vars, __mro__, __class__.__name__, id, sys.getsizeof",
                _cells("""
        import sys

        # what is my layer made of?
        layer = MyLinear(3, 2)
        print(layer.__class__.__name__, [c.__name__ for c in type(layer).__mro__])
        print([name for name in dir(layer) if name.startswith("register")])
        print(id(layer), sys.getsizeof(layer), sys.getsizeof(layer.weight))
        """, """
        class RunConfig:
            def __init__(self, lr, epochs):
                self.lr = lr
                self.epochs = epochs


        run = RunConfig(0.1, 3)
        print(vars(run))
        print(sorted(vars(layer)["_parameters"]))
        """)),
    Exploration("explore_print_model", "print(model) and named_parameters of ResidualMLP",
                _cells("""
        # how does PyTorch print my model?
        net = ResidualMLP(4, 8, 2)
        print(net)
        print(count_parameters(net), "parameters")
        for name, p in net.named_parameters():
            print(f"{name:20s} {tuple(p.shape)}")
        """)),
    # ----------------------------------------------------------------- seeding
    Exploration("explore_seeding", "torch, random and numpy seeds, and deterministic mode on and off",
                _cells("""
        import random

        import numpy as np

        # does seeding really make runs repeatable?
        torch.manual_seed(0)
        random.seed(0)
        np.random.seed(0)
        first = (torch.rand(3), random.random(), np.random.rand())
        torch.manual_seed(0)
        random.seed(0)
        np.random.seed(0)
        second = (torch.rand(3), random.random(), np.random.rand())
        print(torch.equal(first[0], second[0]), first[1:] == second[1:])
        """, """
        # and my layers under deterministic mode, just to see it run
        torch.use_deterministic_algorithms(True)
        print(torch.are_deterministic_algorithms_enabled(), nn.Linear(4, 2)(torch.randn(3, 4)).shape)
        torch.use_deterministic_algorithms(False)
        torch.manual_seed(seed)
        """), where="after_setup"),
    # ----------------------------------------------------------------- threads
    Exploration("explore_threads", "threading.Thread and ThreadPoolExecutor running the learner's code",
                _cells("""
        import threading

        # can two threads use my layer at the same time?
        layer = MyLinear(16, 4)
        results = {}


        def run(name):
            with torch.no_grad():
                results[name] = tuple(layer(torch.randn(8, 16)).shape)


        workers = [threading.Thread(target=run, args=(f"t{i}",)) for i in range(2)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        print(results)
        """, """
        from concurrent.futures import ThreadPoolExecutor

        # count the parameters of a few sizes in parallel (overkill, but I wanted to try)
        sizes = [(4, 8, 1), (4, 8, 2), (8, 16, 3)]
        with ThreadPoolExecutor(max_workers=2) as pool:
            counts = list(pool.map(lambda s: count_parameters(ResidualMLP(*s)), sizes))
        print(dict(zip(sizes, counts)))
        """)),
    # ----------------------------------------------------------------- workers
    Exploration("explore_dataloader_workers", "a DataLoader with num_workers=2 feeding MyLinear",
                _cells("""
        from torch.utils.data import DataLoader, TensorDataset

        # feed my layer from a DataLoader with two worker processes
        data = TensorDataset(torch.randn(16, 4), torch.randint(0, 2, (16,)))
        loader = DataLoader(data, batch_size=8, shuffle=True, num_workers=2)
        layer = MyLinear(4, 2)
        for xb, yb in loader:
            print(tuple(xb.shape), tuple(yb.shape), tuple(layer(xb).shape))
        """)),
    Exploration("explore_multiprocessing_pool", "multiprocessing.Pool(2) mapping abs",
                _cells("""
        import multiprocessing

        # does multiprocessing work inside Jupyter?
        with multiprocessing.Pool(2) as pool:
            print(pool.map(abs, [-3, -2, 5]))
            pool.close()
            pool.join()
        """)),
    # ---------------------------------------------------------- distributed
    Exploration("explore_distributed_file_init", "a one-process gloo group (file:// init) and all_reduce",
                _cells("""
        import os
        import tempfile

        import torch.distributed as dist

        # a one-process "cluster", to see the API before the distributed topic
        with tempfile.TemporaryDirectory() as folder:
            store = "file://" + os.path.join(folder, "store")
            dist.init_process_group("gloo", init_method=store, rank=0, world_size=1)
            total = torch.ones(3)
            dist.all_reduce(total)
            print(dist.get_world_size(), total)
            dist.destroy_process_group()
        """)),
    Exploration("explore_distributed_env", "MASTER_ADDR/MASTER_PORT on loopback, gloo all_reduce",
                _cells("""
        import os

        import torch.distributed as dist

        # the usual env:// way, on my own machine only
        os.environ["MASTER_ADDR"] = "127.0.0.1"
        os.environ["MASTER_PORT"] = "29517"
        dist.init_process_group("gloo", rank=0, world_size=1)
        grads = torch.arange(4.0)
        dist.all_reduce(grads, op=dist.ReduceOp.SUM)
        print(dist.is_initialized(), grads)
        dist.destroy_process_group()
        """)),
    # -------------------------------------------------------- other honest things
    Exploration("explore_tensor_autograd_refresher", "tensor shapes, a view, and a backward pass",
                _cells("""
        # quick tensor refresher: shapes, dtypes and a view
        t = torch.arange(12.0).reshape(3, 4)
        print(t.shape, t.dtype, t.T.is_contiguous(), t.view(2, 6).data_ptr() == t.data_ptr())
        print(t.to(torch.float16).element_size(), t.element_size(), t.device, device)
        """, """
        # autograd: d/dx of sum(x^2) is 2x, and a layer's gradients
        x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
        (x ** 2).sum().backward()
        print(x.grad, torch.equal(x.grad, 2 * x.detach()))
        layer = nn.Linear(3, 1)
        layer(x.detach().unsqueeze(0)).sum().backward()
        print(layer.weight.grad, layer.bias.grad)
        """), where="after_setup"),
    Exploration("explore_deepcopy_gc", "copy.deepcopy of a model, then del and gc.collect",
                _cells("""
        import copy
        import gc

        # does deepcopy give me independent weights?
        net = ResidualMLP(4, 8, 1)
        twin = copy.deepcopy(net)
        with torch.no_grad():
            twin.blocks[0][0].weight.zero_()
        print(net.blocks[0][0].weight.abs().sum().item() > 0, twin.blocks[0][0].weight.abs().sum().item())
        del twin
        print("collected:", gc.collect())
        """)),
    Exploration("explore_warnings_logging", "a UserWarning filtered inside catch_warnings; logging at INFO",
                _cells("""
        import warnings

        # silence a UserWarning I already understand, only inside this block
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", category=UserWarning)
            warnings.warn("this one is hidden", UserWarning)
            print("no warning above")
        """, """
        import logging

        logging.basicConfig(level=logging.INFO)
        log = logging.getLogger("my_experiments")
        log.info("ResidualMLP(4, 8, 2) has %d parameters", count_parameters(ResidualMLP(4, 8, 2)))
        """)),
    Exploration("explore_redirect_stdout", "contextlib.redirect_stdout to quiet a chatty helper",
                _cells("""
        import contextlib
        import io


        # a chatty helper of mine that I want to run quietly
        def chatty(n):
            for i in range(n):
                print("step", i)
            return conv2d_param_count(3, 8, 3)


        with contextlib.redirect_stdout(io.StringIO()) as buffer:
            result = chatty(50)
        print(result, "and", len(buffer.getvalue().splitlines()), "lines swallowed")
        """), where="middle"),
    Exploration("explore_capture_magic", "%%capture of a short SGD run, read back afterwards",
                _cells("""
        %%capture training_log
        # keep the printout of a short run out of the way, look at it afterwards
        net = MyLinear(2, 1)
        opt = torch.optim.SGD(net.parameters(), lr=0.1)
        x, y = torch.randn(32, 2), torch.randn(32, 1)
        for step in range(5):
            loss = ((net(x) - y) ** 2).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            print(step, loss.item())
        """, """
        print(training_log.stdout.splitlines()[-1])
        """)),
    Exploration("explore_who_autoreload", "%load_ext autoreload and %autoreload 2 at the top, then %who",
                _cells("""
        # so that edits to my own helper files are picked up without a restart
        %load_ext autoreload
        %autoreload 2
        """, """
        # what does the setup cell give me?
        %who
        """), where="after_setup"),
    Exploration("explore_tqdm", "a tqdm progress bar on stdout over three forward passes",
                _cells("""
        import sys

        from tqdm import tqdm

        # a progress bar over a tiny loop of forward passes
        layer = nn.Linear(8, 8)
        for _ in tqdm(range(3), file=sys.stdout):
            layer(torch.randn(4, 8))
        """), where="after_setup"),
    Exploration("explore_autocast_bf16", "MyLinear under torch.autocast('cpu', bfloat16)",
                _cells("""
        # mixed precision on the CPU: which dtype comes out of my layer?
        layer = MyLinear(8, 4)
        x = torch.randn(2, 8)
        with torch.autocast("cpu", dtype=torch.bfloat16):
            y = layer(x)
            z = nn.Linear(8, 4)(x)
        print(y.dtype, z.dtype, layer.weight.dtype)
        print("largest bf16 error:", (y.float() - layer(x)).abs().max().item())
        """)),
    Exploration("explore_forward_hooks", "forward hooks on the blocks of the learner's ResidualMLP",
                _cells("""
        # peek at what each block outputs, with forward hooks on my own model
        net = ResidualMLP(4, 8, 3)
        seen = []
        handles = [block.register_forward_hook(lambda mod, inp, out: seen.append(tuple(out.shape)))
                   for block in net.blocks]
        net(torch.randn(2, 4))
        for handle in handles:
            handle.remove()
        print(seen, [len(block._forward_hooks) for block in net.blocks])
        """)),
    Exploration("explore_apply_and_replace_head", "model.apply(init_fn), then setattr a new head",
                _cells("""
        # re-initialise my model my own way, then swap its head for two classes
        def init_fn(module):
            if isinstance(module, nn.Linear):
                nn.init.xavier_uniform_(module.weight)
                nn.init.zeros_(module.bias)


        class Classifier(nn.Module):
            def __init__(self):
                super().__init__()
                self.body = ResidualMLP(4, 8, 2)
                self.head = nn.Linear(4, 3)

            def forward(self, x):
                return self.head(self.body(x))


        my_model = Classifier()
        my_model.apply(init_fn)
        setattr(my_model, "head", nn.Linear(4, 2))
        print(my_model(torch.randn(5, 4)).shape, count_parameters(my_model))
        """)),
    Exploration("explore_partial_printoptions", "functools.partial of conv2d_param_count; print options",
                _cells("""
        import functools

        import numpy as np

        # a bias-free version of my counter
        count_no_bias = functools.partial(conv2d_param_count, bias=False)
        print(count_no_bias(3, 16, 3), conv2d_param_count(3, 16, 3))
        """, """
        # shorter printouts for a moment
        torch.set_printoptions(precision=3)
        print(torch.randn(2, 3))
        torch.set_printoptions(profile="default")
        old_np_options = np.get_printoptions()
        np.set_printoptions(precision=3)
        print(np.linspace(0, 1, 4))
        np.set_printoptions(**old_np_options)
        """), where="middle"),
    Exploration("explore_profiler", "torch.profiler.profile around one forward of ResidualMLP",
                _cells("""
        from torch.profiler import profile

        # where does the time go in one forward pass?
        net = ResidualMLP(16, 32, 2)
        x = torch.randn(8, 16)
        with profile() as prof:
            net(x)
        print(prof.key_averages().table(row_limit=3))
        """)),
]

assert len({e.name for e in EXPLORATIONS}) == len(EXPLORATIONS)
