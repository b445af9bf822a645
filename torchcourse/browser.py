"""Chromium driven by Playwright: the browser tests' helpers and the README's screenshots.

``./course screenshots`` (docs/screenshots.py) uses :func:`lab_screenshot` and
:func:`page_screenshot` for the README's pictures; ``tests/test_browser.py`` uses
the same helpers to click through the learner's and the instructor's paths and
to render the class report.

It drives Debian's Chromium (``apt-get install chromium``), never a browser that
Playwright downloads. Only the tests and the command line import this module: no
grading run does (the evidence cache's key leaves it out, see tests/evidence.py).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from torchcourse.course import ROOT

CHROMIUM = Path(os.environ.get("TORCHCOURSE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]
INSTALL_CHROMIUM = (f"Chromium is not installed at {CHROMIUM}. Install Debian's: "
                    "sudo apt-get install chromium (./course test does it when run as root with apt), "
                    "or point TORCHCOURSE_CHROMIUM at a Chromium binary.")
VIEWPORT = {"width": 1280, "height": 800}

#: JupyterLab user settings for a served copy: no "get notified about Jupyter news?" toast
#: covering the screen, and no requests to the internet.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
}


class BrowserError(RuntimeError):
    """Chromium or JupyterLab could not be started; the message says what to do."""


@contextlib.contextmanager
def chromium(headless: bool = True):
    """A Playwright ``Browser``: Debian's Chromium with flags that work as root and offline."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        raise BrowserError(INSTALL_CHROMIUM)
    from playwright.sync_api import sync_playwright

    flags = CHROMIUM_FLAGS if headless else [f for f in CHROMIUM_FLAGS if f != "--headless"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=flags, headless=headless)
        try:
            yield browser
        finally:
            browser.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclasses.dataclass
class Lab:
    """A JupyterLab server started by :func:`serve`."""

    url: str
    token: str
    root: Path
    log: Path

    def log_tail(self, chars: int = 3000) -> str:
        return self.log.read_text(errors="replace")[-chars:] if self.log.exists() else ""

    def login(self, page) -> None:
        """Log ``page``'s browser context in with the token as the password.

        Needed for the formgrader: its API calls ignore a ``?token=`` in the page's URL.
        """
        page.goto(f"{self.url}/login")
        page.fill("input[name='password']", self.token)
        page.click("#login_submit, button[type='submit'], input[type='submit']")
        page.wait_for_url(lambda url: "/login" not in url)


def _write_settings(folder: Path) -> None:
    for name, values in LAB_SETTINGS.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))


@contextlib.contextmanager
def serve(course_dir: Path | str, timeout: float = 120):
    """Serve ``course_dir`` with ``./course start --no-build --root-dir`` on a free port.

    Yields a :class:`Lab` once ``/api/status`` answers; stops the server (terminate,
    then kill) on exit. JupyterLab's runtime files, user settings and workspaces go to a
    temporary folder, so nothing outside ``course_dir`` is touched. JupyterLab autosaves
    open notebooks: serve a copy, never the repository.
    """
    port, token = free_port(), secrets.token_hex(16)
    with tempfile.TemporaryDirectory(prefix="torchcourse-lab-") as tmp:
        state = Path(tmp)
        _write_settings(state / "settings")
        env = dict(os.environ, JUPYTER_TOKEN=token, JUPYTER_RUNTIME_DIR=str(state / "runtime"),
                   JUPYTERLAB_SETTINGS_DIR=str(state / "settings"),
                   JUPYTERLAB_WORKSPACES_DIR=str(state / "workspaces"),
                   PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
                   PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
        lab = Lab(f"http://127.0.0.1:{port}", token, Path(course_dir).resolve(), state / "lab.log")
        with open(lab.log, "w") as log:
            server = subprocess.Popen(
                [sys.executable, "-m", "torchcourse.cli", "start", "--no-build", "--root-dir",
                 str(lab.root), "--port", str(port)], cwd=ROOT, env=env, stdout=log,
                stderr=subprocess.STDOUT)
        try:
            _wait_for_status(lab, server, timeout)
            yield lab
        finally:
            stop(server)


def stop(server: subprocess.Popen, grace: float = 15) -> None:
    """Stop a server process: SIGTERM, then SIGKILL if it has not exited after ``grace`` s."""
    server.terminate()
    try:
        server.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def _wait_for_status(lab: Lab, server: subprocess.Popen, timeout: float) -> None:
    request = urllib.request.Request(f"{lab.url}/api/status", headers={"Authorization": f"token {lab.token}"})
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    state = f"exited with {server.returncode}" if server.poll() is not None else f"no answer in {timeout:.0f} s"
    raise BrowserError(f"JupyterLab did not start ({state}); its log ends:\n{lab.log_tail()}")


def open_notebook(page, lab: Lab, path: str, timeout: float = 120) -> None:
    """Open the notebook at ``path`` (relative to the served folder); wait for an idle kernel."""
    page.goto(f"{lab.url}/lab/tree/{path}?token={lab.token}")
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=timeout * 1000)
    wait_kernel_idle(page, timeout)


def wait_kernel_idle(page, timeout: float = 120) -> None:
    """Wait until the notebook's kernel has started and is idle, with no cell queued or running."""
    page.wait_for_function(
        """() => [...document.querySelectorAll('.jp-StatusBar-Item')]
                   .some(e => /\\| Idle$/.test(e.textContent.trim()))
               && document.querySelector('.jp-NotebookPanel .jp-Cell') !== null
               && ![...document.querySelectorAll('.jp-NotebookPanel .jp-InputPrompt')]
                   .some(p => p.textContent.includes('*'))""",
        timeout=timeout * 1000)


def check_page_images(page) -> None:
    """Assert that every ``<img>`` on ``page`` has loaded (a broken image has naturalWidth 0)."""
    broken = page.eval_on_selector_all(
        "img", "imgs => imgs.filter(i => !i.complete || i.naturalWidth === 0)"
               ".map(i => (i.getAttribute('src') || '').slice(0, 80))")
    assert not broken, f"{len(broken)} image(s) on {page.url} did not load: {broken}"


def lab_screenshot(course_dir: Path | str, path: Path | str, topic: str = "01_tensors") -> Path:
    """Open ``release/<topic>/<topic>.ipynb`` of ``course_dir`` in JupyterLab; save a PNG at ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with serve(course_dir) as lab, chromium() as browser:
        page = browser.new_page(viewport=VIEWPORT)
        open_notebook(page, lab, f"release/{topic}/{topic}.ipynb")
        page.wait_for_selector(".validate-button")
        page.screenshot(path=str(path))
    return path


def page_screenshot(html: Path | str, path: Path | str, full_page: bool = False) -> Path:
    """Open the local HTML file ``html`` (a class report); check its images; save a PNG at ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with chromium() as browser:
        page = browser.new_page(viewport=VIEWPORT)
        page.goto(Path(html).resolve().as_uri())
        check_page_images(page)
        page.screenshot(path=str(path), full_page=full_page)
    return path
