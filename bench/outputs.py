"""Benchmark of the public outputs served by `samling serve` on the demo.

Run: .venv/bin/python bench/outputs.py [--duration 5] [--connections 16]

Loads the demo into a temporary data directory, starts `samling serve --workers 2` on a free
port of 127.0.0.1 and, for each address, keeps N connections busy for the given time with a
small load generator (standard library only: asyncio, HTTP/1.1 keep-alive, reconnecting when the
server closes). Prints requests per second, p50 and p99 latency. The PDF's cold generation is
timed once by calling the function in a fresh process. The server is stopped at the end,
within a few seconds, whatever happens. No traffic leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from loadgen import read_response  # bench/ is the folder of the script being run

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
SLUG = "innovationsmotet-skelleftea-2021"
TARGETS = [
    ("event page", f"/events/{SLUG}/"),
    ("programme iCal", f"/events/{SLUG}/programme.ics"),
    ("API event detail", f"/api/v1/events/{SLUG}"),
    ("programme PDF (cached)", f"/events/{SLUG}/programme.pdf"),
]

COLD_PDF = """
import os, time
t0 = time.perf_counter()
import django
django.setup()
from django.utils import translation
from samling.events.models import Event
from samling.exports.pdf import render_programme_pdf
event = Event.objects.select_related("network", "venue", "series", "online_meeting").get(slug=%r)
translation.activate(event.language)
t1 = time.perf_counter()
pdf = render_programme_pdf(event)
t2 = time.perf_counter()
render_programme_pdf(event)
t3 = time.perf_counter()
print(f"{t2 - t1:.3f} {t3 - t2:.3f} {len(pdf)}")
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def samling(*args: str) -> list[str]:
    executable = BIN / "samling"
    if executable.exists():
        return [str(executable), *args]
    return [sys.executable, "-m", "samling", *args]


def wait_until_up(base: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("samling serve did not answer within 30 s")


def stop(server: subprocess.Popen) -> None:
    """SIGTERM to the server's own process group (gunicorn and its workers), then SIGKILL."""
    if server.poll() is not None:
        return
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=5)
    except ProcessLookupError:
        pass


async def connection(port: int, path: str, until: float, latencies: list, errors: list) -> None:
    request = (
        f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nUser-Agent: samling-bench\r\n"
        "Accept-Encoding: identity\r\nConnection: keep-alive\r\n\r\n"
    ).encode()
    reader = writer = None
    while time.perf_counter() < until:
        began = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(HOST, port)
            writer.write(request)
            await writer.drain()
            status, keep = await read_response(reader)
        except (OSError, asyncio.IncompleteReadError, ValueError) as error:
            errors.append(repr(error))
            if writer is not None:
                writer.close()
            reader = writer = None
            continue
        latencies.append(time.perf_counter() - began)
        if status != 200:
            errors.append(status)
        if not keep:
            writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def load(port: int, path: str, *, connections: int, duration: float) -> dict:
    latencies: list[float] = []
    errors: list = []
    began = time.perf_counter()
    until = began + duration
    await asyncio.gather(
        *(connection(port, path, until, latencies, errors) for _ in range(connections))
    )
    elapsed = time.perf_counter() - began
    latencies.sort()

    def percentile(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": percentile(0.50) if latencies else float("nan"),
        "p99": percentile(0.99) if latencies else float("nan"),
        "errors": len(errors),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=5.0, help="seconds per address")
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="samling-bench-"))
    port = free_port()
    base = f"http://{HOST}:{port}"
    env = {
        **os.environ,
        "SAMLING_DATA_DIR": str(data_dir),
        "SAMLING_BASE_URL": base,
        "SAMLING_ALLOWED_HOSTS": HOST,
        "DJANGO_SETTINGS_MODULE": "samling.settings",
    }
    env.pop("SAMLING_DEBUG", None)
    server = None
    try:
        subprocess.run(
            samling("demo", "--no-serve"),
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            timeout=300,
        )
        cold = subprocess.run(
            [sys.executable, "-c", COLD_PDF % SLUG],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        ).stdout.split()
        server = subprocess.Popen(
            samling("serve", "--bind", f"{HOST}:{port}", "--workers", "2"),
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group, stopped as one
        )
        wait_until_up(base)
        print(
            f"samling serve --workers 2 on {base}; {args.connections} connections, "
            f"{args.duration:g} s per address; {os.cpu_count()} CPUs shared with the load generator"
        )
        print(
            f"{'address':<24} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6}"
        )
        for name, path in TARGETS:
            # Warm up: fill the caches of both workers (each has its own in-memory cache).
            asyncio.run(load(port, path, connections=4, duration=0.5))
            result = asyncio.run(
                load(port, path, connections=args.connections, duration=args.duration)
            )
            print(
                f"{name:<24} {result['requests']:>8} {result['rps']:>8.0f} "
                f"{result['p50']:>8.1f} {result['p99']:>8.1f} {result['errors']:>6}"
            )
        # One connection: the time a single reader waits, without queueing behind others.
        path = TARGETS[-1][1]
        result = asyncio.run(load(port, path, connections=1, duration=min(args.duration, 3)))
        print(
            f"{'PDF (cached), 1 conn.':<24} {result['requests']:>8} {result['rps']:>8.0f} "
            f"{result['p50']:>8.1f} {result['p99']:>8.1f} {result['errors']:>6}"
        )
        first, second, size = cold
        print(
            f"PDF generation (Skellefteå, {int(size) // 1024} KiB): first in a fresh process "
            f"{float(first) * 1000:.0f} ms (WeasyPrint import and font set-up included), "
            f"then {float(second) * 1000:.0f} ms uncached"
        )
    finally:
        if server is not None:
            stop(server)
        shutil.rmtree(data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
