"""Registration burst: N concurrent clients send M registrations for C places through the API.

Starts `samling serve` on PostgreSQL (127.0.0.1:5432, user postgres; a database of its own is
created and dropped) with Redis (127.0.0.1:6379, database 15) as cache and mail queue, creates one event with C places and a waiting list, then lets N threads
post M registrations with keep-alive connections, and prints registrations/s, p50/p99 latency,
confirmed, waitlisted, errors and duplicates. Traffic goes to 127.0.0.1 only and every loop is
bounded.

    .venv/bin/python bench/registration_burst.py [--clients 64] [--registrations 2000]
                                                 [--places 300] [--workers 4]
"""

import argparse
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMLING = str(ROOT / ".venv" / "bin" / "samling")
PG = "postgres://postgres@127.0.0.1:5432/"

SETUP = """
import datetime as dt
from django.utils import timezone
from samling.events.models import Event
from samling.networks.models import Network
from samling.registration.services import open_registration
network, _ = Network.objects.get_or_create(slug="bench", defaults=dict(
    name="Bench", country="DK", language="da"))
start = timezone.now() + dt.timedelta(days=30)
event = Event.objects.create(network=network, slug="burst", title="Burst", language="da",
    timezone="Europe/Copenhagen", starts_at=start, ends_at=start + dt.timedelta(hours=5),
    mode="online", is_published=True)
open_registration(event, capacity={places}, waitlist_enabled=True, require_organisation=False)
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


def client(port, jobs, results, lock):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while True:
        with lock:
            if not jobs:
                break
            n = jobs.pop()
        body = json.dumps(
            {"name": f"Deltager {n}", "email": f"d{n}@example.org", "category": "official"}
        )
        started = time.perf_counter()
        try:
            connection.request(
                "POST",
                "/api/v1/events/burst/registrations",
                body,
                {"Content-Type": "application/json", "Idempotency-Key": f"k{n}"},
            )
            response = connection.getresponse()
            payload = response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as error:
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            status, payload = 0, str(error).encode()
        elapsed = time.perf_counter() - started
        with lock:
            results.append((status, elapsed, payload))
    connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--registrations", type=int, default=2000)
    parser.add_argument("--places", type=int, default=300)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=1)
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
        jobs = list(range(args.registrations))
        results, lock = [], threading.Lock()
        threads = [
            threading.Thread(target=client, args=(port, jobs, results, lock))
            for _ in range(args.clients)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=600)
        seconds = time.perf_counter() - started
        counts = (
            run(
                [
                    SAMLING,
                    "shell",
                    "--no-imports",
                    "-c",
                    "from samling.registration.models import Registration as R;"
                    "print(R.objects.filter(status='confirmed').count(),"
                    " R.objects.filter(status='waitlisted').count(), R.objects.count(),"
                    " R.objects.values('email').distinct().count())",
                ],
                env,
            )
            .stdout.strip()
            .splitlines()[-1]
            .split()
        )
    finally:
        if server:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", database], env)

    latencies = sorted(elapsed for _status, elapsed, _payload in results)
    errors = [r for r in results if r[0] not in (200, 201)]
    confirmed, waitlisted, rows, distinct = (int(x) for x in counts)
    print(
        f"registration burst: {args.registrations} registrations, {args.places} places, "
        f"{args.clients} clients, {args.workers} workers, PostgreSQL"
    )
    print(f"  registrations/s  {len(results) / seconds:8.1f}")
    print(f"  p50 latency      {statistics.median(latencies) * 1000:8.1f} ms")
    print(f"  p99 latency      {latencies[int(len(latencies) * 0.99) - 1] * 1000:8.1f} ms")
    print(f"  confirmed        {confirmed:8d}")
    print(f"  waitlisted       {waitlisted:8d}")
    print(f"  errors           {len(errors):8d}")
    print(f"  duplicates       {rows - distinct:8d}")
    if errors:
        print("  first error:", errors[0][0], errors[0][2][:200])
    return 0 if not errors and confirmed == min(args.places, args.registrations) else 1


if __name__ == "__main__":
    sys.exit(main())
