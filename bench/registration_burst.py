"""Registration burst: N concurrent clients send M registrations for C places through the API.

Starts `samling serve` on PostgreSQL (127.0.0.1:5432, user postgres; a database of its own is
created and dropped) with Redis (127.0.0.1:6379, database 15) as cache and mail queue, and
creates an event with C places and a waiting list. A short warm-up registers a few people for
another event, as a running server would have. The race: N connections (in two asyncio
client processes) post M registrations; it prints registrations/s, p50/p99 latency, confirmed,
waitlisted, errors and duplicates. Then, where wrk is installed, the rate the server sustains:
wrk posts new registrations to a second event for 10 s (wrk costs the 2 cores less than a
Python client does). Traffic goes to 127.0.0.1 only and every loop is bounded.

    .venv/bin/python bench/registration_burst.py [--clients 64] [--registrations 2000]
                                                 [--places 300] [--workers 3] [--threads 2]
"""

import argparse
import asyncio
import json
import multiprocessing
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from loadgen import send_all  # bench/ is the folder of the script being run

ROOT = Path(__file__).resolve().parents[1]
SAMLING = str(ROOT / ".venv" / "bin" / "samling")
PG = "postgres://postgres@127.0.0.1:5432/"
PROCESSES = 2
WRK_SECONDS = 10
WARM_UP_PER_THREAD = 10

SETUP = """
import datetime as dt
from django.utils import timezone
from samling.events.models import Event
from samling.networks.models import Network
from samling.registration.services import open_registration
network, _ = Network.objects.get_or_create(slug="bench", defaults=dict(
    name="Bench", country="DK", language="da"))
start = timezone.now() + dt.timedelta(days=30)
for slug in ("burst", "throughput", "warm-up"):
    event = Event.objects.create(network=network, slug=slug, title=slug, language="da",
        timezone="Europe/Copenhagen", starts_at=start, ends_at=start + dt.timedelta(hours=5),
        mode="online", is_published=True)
    open_registration(event, capacity={places}, waitlist_enabled=True,
        require_organisation=False)
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(command, env, **kwargs):
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True, **kwargs)


def wait_for(port, deadline):
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


def registration_request(n: int, event: str = "burst") -> bytes:
    body = json.dumps(
        {"name": f"Deltager {n}", "email": f"d{n}@example.org", "category": "official"}
    ).encode()
    head = (
        f"POST /api/v1/events/{event}/registrations HTTP/1.1\r\n"
        "Host: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Idempotency-Key: k{n}\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def client_process(port: int, numbers: list[int], connections: int) -> list[tuple]:
    """One load-generating process: its share of the registrations over its connections."""
    requests = [registration_request(n) for n in numbers]
    return asyncio.run(send_all(port, requests, connections=connections))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--registrations", type=int, default=2000)
    parser.add_argument("--places", type=int, default=300)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    database = f"samling_bench_{os.getpid()}"
    data_dir = tempfile.mkdtemp(prefix="samling-bench-")
    env = {
        **os.environ,
        "SAMLING_DATABASE_URL": PG + database,
        "SAMLING_DATA_DIR": data_dir,
        "SAMLING_REGISTRATION_RATE_LIMIT": "0",
    }
    # As in production: mail is queued for a Celery worker through Redis, not sent in the request.
    own_redis = "SAMLING_REDIS_URL" not in env
    env.setdefault("SAMLING_REDIS_URL", "redis://127.0.0.1:6379/15")
    run(["createdb", "-h", "127.0.0.1", "-U", "postgres", database], env)
    server = None
    try:
        run([SAMLING, "migrate", "--verbosity", "0"], env)
        run([SAMLING, "shell", "--no-imports", "-c", SETUP.format(places=args.places)], env)
        port = free_port()
        server = subprocess.Popen(
            [
                SAMLING,
                "serve",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(args.workers),
                "--threads",
                str(args.threads),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_for(port, time.monotonic() + 30)
        warm_up(port, args)
        load = run_python_client(port, args)
        counts = (
            run(
                [
                    SAMLING,
                    "shell",
                    "--no-imports",
                    "-c",
                    "from samling.registration.models import Registration as R;"
                    "B = R.objects.filter(event__slug='burst');"
                    "print(B.filter(status='confirmed').count(),"
                    " B.filter(status='waitlisted').count(), B.count(),"
                    " B.values('email').distinct().count())",
                ],
                env,
            )
            .stdout.strip()
            .splitlines()[-1]
            .split()
        )
        throughput = run_wrk(port, args) if shutil.which("wrk") else None
    finally:
        if server:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", database], env)
        if own_redis:  # the queued mail tasks and cache entries of this run
            import redis

            redis.Redis.from_url(env["SAMLING_REDIS_URL"]).flushdb()

    confirmed, waitlisted, rows, distinct = (int(x) for x in counts)
    print(
        f"registration burst: {args.registrations} registrations, {args.places} places, "
        f"{args.clients} clients ({load['generator']}), {args.workers} workers x "
        f"{args.threads} threads, PostgreSQL"
    )
    print(f"  registrations/s  {load['rate']:8.1f}")
    print(f"  p50 latency      {load['p50']:8.1f} ms")
    print(f"  p99 latency      {load['p99']:8.1f} ms")
    print(f"  confirmed        {confirmed:8d}")
    print(f"  waitlisted       {waitlisted:8d}")
    print(f"  errors           {load['errors']:8d}")
    print(f"  duplicates       {rows - distinct:8d}")
    if throughput:
        print(
            f"throughput with wrk ({args.clients} connections, {WRK_SECONDS} s of new "
            f"registrations, {args.places} places then the waiting list)"
        )
        print(f"  registrations/s  {throughput['rate']:8.1f}")
        print(f"  p50 latency      {throughput['p50']:8.1f} ms")
        print(f"  p99 latency      {throughput['p99']:8.1f} ms")
        print(f"  errors           {throughput['errors']:8d}")
    expected = min(args.places, args.registrations)
    ok = not load["errors"] and confirmed == expected and rows == args.registrations
    return 0 if ok else 1


def warm_up(port, args) -> None:
    """A server that has been running: every worker thread has registered someone before (for
    a third event), so the race does not measure first requests (connections, templates)."""
    requests = [
        registration_request(n, "warm-up")
        for n in range(WARM_UP_PER_THREAD * args.workers * args.threads)
    ]
    results = asyncio.run(send_all(port, requests, connections=args.workers * args.threads))
    if any(status != 201 for status, _elapsed in results):
        raise SystemExit("the warm-up registrations failed")


def run_python_client(port, args) -> dict:
    """Two asyncio client processes, so the generator's own interpreter is not what limits."""
    shares = [list(range(args.registrations))[i::PROCESSES] for i in range(PROCESSES)]
    per_process = max(args.clients // PROCESSES, 1)
    started = time.perf_counter()
    with multiprocessing.Pool(PROCESSES) as pool:
        parts = pool.starmap(client_process, [(port, share, per_process) for share in shares])
    seconds = time.perf_counter() - started
    results = [result for part in parts for result in part]
    latencies = sorted(elapsed for _status, elapsed in results)
    return {
        "generator": "python",
        "rate": len(results) / seconds,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[int(len(latencies) * 0.99) - 1] * 1000,
        "errors": sum(1 for status, _elapsed in results if status not in (200, 201)),
    }


def run_wrk(port, args) -> dict:
    """The rate the server sustains, measured with wrk (C), which takes less of the 2 cores
    than any Python generator: a fixed time of new registrations for a second event."""
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{args.clients}",
            f"-d{WRK_SECONDS}s",
            "--latency",
            "-s",
            str(ROOT / "bench" / "registration_burst.lua"),
            f"http://127.0.0.1:{port}/",
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=WRK_SECONDS + 60,
    ).stdout

    def millis(label: str) -> float:
        value = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        number, unit = float(value.group(1)), value.group(2)
        return number / 1000 if unit == "us" else number * 1000 if unit == "s" else number

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "generator": "wrk",
        "rate": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": millis("50%"),
        "p99": millis("99%"),
        "errors": (int(errors.group(1)) if errors else 0)
        + (sum(int(x) for x in socket_errors.groups()) if socket_errors else 0),
    }


if __name__ == "__main__":
    sys.exit(main())
