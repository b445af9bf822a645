"""The environment files agree, and the README's commands are the ones CI runs."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def requirement_pins():
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def test_every_requirement_is_pinned_exactly():
    for pin in requirement_pins():
        assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[0-9][0-9A-Za-z.+]*", pin), f"not an exact pin: {pin}"


def test_environment_yml_is_a_conda_spec_agreeing_with_requirements():
    spec = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert spec["name"] and spec["channels"], "a conda spec needs a name and channels"
    deps = spec["dependencies"]
    assert any(isinstance(d, str) and d.startswith("python=") for d in deps), "pin python"
    assert "pip" in deps, "conda needs pip itself listed to install the pip section"
    pip_section = next(d["pip"] for d in deps if isinstance(d, dict) and "pip" in d)
    assert set(pip_section) == requirement_pins(), (
        "environment.yml's pip section and requirements.txt differ: "
        f"only in yml {set(pip_section) - requirement_pins()}, "
        f"only in requirements.txt {requirement_pins() - set(pip_section)}")


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    commands = [l.strip() for l in ci.splitlines() if l.strip() and not l.startswith("#")
                and not l.startswith(("set ", "cd "))]
    assert commands == ["./course test"], commands
    assert "./course test" in readme and "./course start" in readme


def test_installed_versions_match_the_pins():
    from importlib.metadata import version

    for pin in requirement_pins():
        name, wanted = pin.split("==")
        got = version(name.split("[")[0])  # "psycopg[binary]": the extra is not part of the name
        assert got.split("+")[0] == wanted, f"{name}: pinned {wanted}, installed {got}"
