"""A small HTTP/1.1 load generator for the benchmarks: standard library only, asyncio with
keep-alive connections (reconnecting when the server closes them), loopback only."""

import asyncio
import time


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """Read one response; return its status and whether the server keeps the connection."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    else:
        await reader.read()
        return status, False
    keep = headers.get("connection", "").lower() != "close" and not lines[0].startswith("HTTP/1.0")
    return status, keep


async def send_all(port: int, requests: list[bytes], *, connections: int) -> list[tuple]:
    """Send each raw request once over `connections` connections; (status, seconds) for each.

    Status 0 is a request that got no answer (the connection failed).
    """
    pending = list(reversed(requests))
    results = []

    async def connection():
        reader = writer = None
        while pending:
            request = pending.pop()
            started = time.perf_counter()
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                writer.write(request)
                await writer.drain()
                status, keep = await read_response(reader)
            except (OSError, asyncio.IncompleteReadError, ValueError):
                status, keep = 0, False
            results.append((status, time.perf_counter() - started))
            if not keep and writer is not None:
                writer.close()
                writer = None

    await asyncio.gather(*(connection() for _ in range(connections)))
    return results
