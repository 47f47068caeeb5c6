#!/usr/bin/env python3
"""An HTTP receiver for earshot's webhook tests.

Listens on 127.0.0.1, prints "READY <port>", and runs until terminated. Every POST is saved
in --dir as N.json (the body, byte for byte) and N.meta.json (path, headers, the status
answered). The first --fail requests are answered with --fail-status (500 by default); the
rest with --status (200 by default).
"""
import argparse
import json
import os
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    # A test runner may start us from a thread that blocks signals; take SIGTERM and SIGINT back.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--fail", type=int, default=0)
    parser.add_argument("--fail-status", type=int, default=500)
    parser.add_argument("--status", type=int, default=200)
    args = parser.parse_args()
    lock = threading.Lock()
    state = {"count": 0}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            with lock:
                state["count"] += 1
                n = state["count"]
            status = args.fail_status if n <= args.fail else args.status
            base = os.path.join(args.dir, str(n))
            with open(base + ".json", "wb") as f:
                f.write(body)
            meta = {"path": self.path, "headers": dict(self.headers.items()), "status": status}
            with open(base + ".meta.json.tmp", "w") as f:
                json.dump(meta, f)
            os.replace(base + ".meta.json.tmp", base + ".meta.json")
            reply = b"ok" if status < 400 else b"invalid_payload: test receiver says no"
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, format, *a):
            pass

    # Keep-alive connections hold a handler thread each: never wait for them on exit.
    ThreadingHTTPServer.daemon_threads = True
    ThreadingHTTPServer.block_on_close = False
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)

    def stop(signum, frame):
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    print("READY %d" % server.server_address[1], flush=True)
    server.serve_forever()
    server.server_close()


if __name__ == "__main__":
    sys.exit(main())
