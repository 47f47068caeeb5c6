#!/usr/bin/env python3
"""A loopback feed server that adds a fixed latency to every response, for bench/fetch_many.sh.

Usage: slow_server.py PORT_FILE [DELAY_SECONDS]
Serves /feed/N.rss (N = 0..9999): a small RSS 2.0 feed of three items naming a brand, with an
ETag; answers 304 when If-None-Match matches. Every answer waits DELAY_SECONDS (default 0.1)
first, as a far-away server would. HTTP/1.1 with keep-alive, on 127.0.0.1 only. Writes the port
it bound to PORT_FILE.
"""
import asyncio
import os
import sys

PORT_FILE = sys.argv[1]
DELAY = float(sys.argv[2]) if len(sys.argv) > 2 else 0.1
TEXTS = [
    "Pinvale support never answered my refund request, two weeks now.",
    "Lumio delivery was fast and the product works great.",
    "Tandem app keeps crashing but the price is fair.",
]


def feed(n: int) -> bytes:
    items = "".join(
        f"<item><title>Post {n}-{i}</title><link>http://example.org/{n}/{i}</link>"
        f"<guid>feed-{n}-{i}</guid><pubDate>Fri, 20 Nov 2026 {8 + i:02d}:00:00 GMT</pubDate>"
        f"<description>{TEXTS[(n + i) % 3]}</description></item>"
        for i in range(3)
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed {n}</title>'
            f"<link>http://example.org/{n}</link><description>bench</description>{items}</channel></rss>").encode()


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            path = lines[0].split(" ")[1]
            headers = {k.strip().lower(): v.strip() for k, _, v in (l.partition(":") for l in lines[1:] if l)}
            await asyncio.sleep(DELAY)
            name = path.rsplit("/", 1)[-1]
            if path.startswith("/feed/") and name.endswith(".rss") and name[:-4].isdigit():
                n = int(name[:-4])
                etag = f'"v1-{n}"'
                if headers.get("if-none-match") == etag:
                    writer.write(f"HTTP/1.1 304 Not Modified\r\nETag: {etag}\r\nContent-Length: 0\r\n\r\n".encode())
                else:
                    body = feed(n)
                    writer.write(f"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml; charset=utf-8\r\n"
                                 f"ETag: {etag}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)
            else:
                writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
            await writer.drain()
            if headers.get("connection", "").lower() == "close":
                break
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def main() -> None:
    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    with open(PORT_FILE + ".tmp", "w") as f:
        f.write(str(port))
    os.replace(PORT_FILE + ".tmp", PORT_FILE)
    async with server:
        await server.serve_forever()


asyncio.run(main())
