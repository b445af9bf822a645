"""Shared fixtures.

``graded`` is the grading proof: every topic's release, solutions and fixture
submissions, graded through the class grader (tests/proof.py). It grades
lazily: the first time a test asks for a topic, it grades every topic that the
selected tests need (two at a time, longest first), so ``-k structure`` or
``-k 01_tensors`` pays only for what it runs. Graded courses come from the
evidence cache (tests/evidence.py) when none of their inputs changed.
"""

import os
import threading

import pytest

import proof
from torchcourse import pipeline
from torchcourse.classroom import parse_shard

# Fixture submissions are answers to paste into notebooks, not test modules;
# notebooks under tests/ are data, not lessons for nbval.
collect_ignore_glob = ["submissions/*", "*.ipynb"]

TOPICS = pipeline.topics()


class GradedTopics:
    """``graded[topic]`` -> :class:`proof.GradedCourse`, graded (or restored) on first use."""

    def __init__(self, workdir, wanted):
        self.workdir, self.wanted = workdir, list(wanted)
        self.done: dict = {}
        self.lock = threading.Lock()

    def __getitem__(self, topic):
        with self.lock:
            if topic not in self.done:
                todo = [t for t in dict.fromkeys([topic, *self.wanted]) if t not in self.done]
                self.done.update(proof.grade_topics(todo, self.workdir))
            return self.done[topic]


def _proof_topic(item) -> str | None:
    """The topic of a test that uses ``graded`` and is parametrized by topic, else None."""
    if "graded" not in getattr(item, "fixturenames", ()):
        return None
    return getattr(getattr(item, "callspec", None), "params", {}).get("topic")


def _topics_wanted(session) -> list[str]:
    """The topics that the selected tests using ``graded`` are parametrized by (a test that
    is not asks for its topic when it runs)."""
    wanted = {_proof_topic(item) for item in session.items}
    return [t for t in TOPICS if t in wanted]


ONE_CORE_TEST = "test_published_outputs_reproduce_on_one_core"


def _is_nbval(item) -> bool:
    return type(item).__name__ == "IPyNbCell"


def pytest_runtest_setup(item):
    """When the main nbval pass begins, start the one-core nbval pass beside it
    (tests/test_reproducibility.py), if that test is selected."""
    if _is_nbval(item) and any(i.name == ONE_CORE_TEST for i in item.session.items):
        import test_reproducibility

        test_reproducibility.start_one_core_nbval()


def pytest_collection_modifyitems(config, items):
    # The one-core nbval test waits for the pass that starts beside the main one: run it last.
    items.sort(key=lambda item: item.name == ONE_CORE_TEST)
    _select_shard(config, items)


def _select_shard(config, items):
    """``./course test --shard K/N`` (TORCHCOURSE_TEST_SHARD): keep this shard's share of the
    proof (topics split by recorded time, tests/proof_seconds.json); shard 1 runs the rest."""
    shard = os.environ.get("TORCHCOURSE_TEST_SHARD")
    if not shard:
        return
    k, n = parse_shard(shard)
    mine = set(proof.shard_topics((k, n)))
    keep, drop = [], []
    for item in items:
        topic = _proof_topic(item)
        (keep if (topic in mine if topic else k == 1) else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
    items[:] = keep


@pytest.fixture(scope="session")
def graded(request, tmp_path_factory):
    """The grading proof's graded courses, by topic (see the module docstring)."""
    return GradedTopics(tmp_path_factory.mktemp("graded"), _topics_wanted(request.session))


@pytest.fixture(scope="session")
def postgres_server():
    """A private PostgreSQL server (tests/postgres.py) for the session; stopped and deleted after.
    Fails, not skips, when PostgreSQL is not installed."""
    import postgres

    try:
        postgres.find_bindir()
    except postgres.PostgresNotFound as err:
        pytest.fail(str(err), pytrace=False)
    with postgres.running_server() as server:
        yield server
    assert not postgres.port_is_open(server.port), "the test PostgreSQL server still listens"
