"""`samling serve` (what `make demo` and production run): gunicorn with the application loaded
once before forking its workers."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

pytestmark = pytest.mark.integration


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_starts_its_workers_and_answers(tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith("SAMLING_")} | {
        "SAMLING_DATA_DIR": str(tmp_path)
    }
    samling = [sys.executable, "-m", "samling"]
    subprocess.run([*samling, "migrate", "-v0"], env=env, check=True, timeout=120)
    port = free_port()
    server = subprocess.Popen(
        [*samling, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as page:
                    assert page.status == 200
                    break
            except OSError:
                assert time.monotonic() < deadline, "the server did not answer"
                assert server.poll() is None, server.stderr.read().decode()
                time.sleep(0.3)
        # Several requests, over new connections: whichever worker takes them answers.
        for _ in range(6):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/events") as answer:
                assert answer.status == 200
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    log = server.stderr.read().decode()
    server.stderr.close()
    assert "Booting worker" in log and "Traceback" not in log
