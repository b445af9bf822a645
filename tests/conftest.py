"""Shared fixtures. The expensive one, ``graded``, autogrades every topic's release,
solutions and fixture submissions once per test session (topics in parallel)."""

import pytest

from torchcourse import pipeline

# Fixture submissions are answers to paste into notebooks, not test modules;
# notebooks under tests/ are data, not lessons for nbval.
collect_ignore_glob = ["submissions/*", "*.ipynb"]

TOPICS = pipeline.topics()


@pytest.fixture(scope="session")
def graded(tmp_path_factory):
    """``{topic: GradedCourse}`` for every topic, graded with the real nbgrader."""
    return pipeline.grade_fixtures_parallel(TOPICS, tmp_path_factory.mktemp("graded"))


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
