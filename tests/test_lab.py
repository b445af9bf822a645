"""The main job's last step: JupyterLab serves the course with nbgrader's extensions."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from torchcourse import browser, pipeline


def get(url: str, token: str) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.status, response.read().decode()


def test_course_start_serves_jupyterlab_with_formgrader(tmp_path):
    port, token = browser.free_port(), "course-test-token"
    env = dict(os.environ, JUPYTER_TOKEN=token, JUPYTER_RUNTIME_DIR=str(tmp_path))
    server = subprocess.Popen([sys.executable, "-m", "torchcourse.cli", "start", "--no-build",
                               "--port", str(port)], cwd=pipeline.ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline, status = time.monotonic() + 60, None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                status = get(f"http://127.0.0.1:{port}/api/status", token)
                break
            except OSError:
                time.sleep(0.5)
        if status is None:
            server.kill()
            pytest.fail(f"JupyterLab did not answer within 60 s:\n{server.communicate()[0][-3000:]}")
        assert status[0] == 200 and "started" in json.loads(status[1])
        code, page = get(f"http://127.0.0.1:{port}/formgrader", token)
        assert code == 200 and "nbgrader" in page.lower()
        code, listing = get(f"http://127.0.0.1:{port}/api/contents/release", token)
        assert {item["name"] for item in json.loads(listing)["content"]} >= set(pipeline.topics())
    finally:
        browser.stop(server)
    with socket.socket() as sock:  # stopping `./course start` stops JupyterLab, not just the CLI
        assert sock.connect_ex(("127.0.0.1", port)) != 0, "JupyterLab still listens: it was orphaned"
