#!/usr/bin/env python3
"""A small HTTP server for the CLI's end-to-end fetch tests (127.0.0.1 only).

Usage: feed_server.py PORT_FILE LOG_FILE FEED_FILE
Binds an ephemeral port on 127.0.0.1, writes the port to PORT_FILE, appends one line per
request ("GET /path") to LOG_FILE, and answers by path:
  /feed.rss  (any query) 200 with FEED_FILE's bytes, an ETag, and 304 when If-None-Match matches
  /busy.rss  429 Too Many Requests with Retry-After: 3600
  /gone.rss  410 Gone
anything else 404.
"""
import http.server
import os
import sys

PORT_FILE, LOG_FILE, FEED_FILE = sys.argv[1:4]
ETAG = '"feed-v1"'


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        with open(LOG_FILE, "a") as log:
            log.write(f"GET {self.path}\n")
        path = self.path.split("?")[0]
        if path == "/feed.rss":
            if self.headers.get("If-None-Match") == ETAG:
                self.send_response(304)
                self.send_header("ETag", ETAG)
                self.end_headers()
                return
            with open(FEED_FILE, "rb") as feed:
                body = feed.read()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("ETag", ETAG)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif path == "/busy.rss":
            self.send_response(429)
            self.send_header("Retry-After", "3600")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/gone.rss":
            self.send_response(410)
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

    def log_message(self, format, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(PORT_FILE + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.replace(PORT_FILE + ".tmp", PORT_FILE)
server.serve_forever()
