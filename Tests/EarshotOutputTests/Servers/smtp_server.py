#!/usr/bin/env python3
"""A real SMTP server for earshot's delivery tests, built on aiosmtpd.

Listens on 127.0.0.1, prints "READY <port>" once it accepts connections, and runs until
terminated. Each accepted message is saved in --dir as N.eml (the bytes received after
DATA, dot-stuffing undone, CRLF kept) and then N.json: the envelope, whether TLS and AUTH
were used, and what Python's email package decodes (subject, each part's text, defects),
so the Swift tests check the message with an independent MIME parser.

  --port N              port to listen on; 0 picks a free one
  --dir PATH            where messages are written
  --mode plain|starttls|implicit|silent   (silent accepts connections and never answers)
  --cert PEM --key PEM  certificate for starttls / implicit
  --auth USER:PASS      offer AUTH and accept only these credentials
  --exclude-mech NAME   hide an AUTH mechanism (e.g. PLAIN, so the client must use LOGIN)
  --reject-rcpt ADDR    answer RCPT TO for ADDR with a 550
"""
import argparse
import asyncio
import email
import json
import os
import signal
import ssl
import sys
from email import policy

from aiosmtpd.smtp import SMTP, AuthResult


class Saver:
    def __init__(self, folder, reject):
        self.folder = folder
        self.reject = set(reject)
        self.count = 0
        self.auth = {}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.reject:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        raw = envelope.original_content
        base = os.path.join(self.folder, str(self.count))
        with open(base + ".eml", "wb") as f:
            f.write(raw)
        msg = email.message_from_bytes(raw, policy=policy.default)
        parts = []
        for part in msg.walk():
            if part.is_multipart():
                continue
            parts.append({
                "contentType": part.get_content_type(),
                "charset": part.get_content_charset(),
                "transferEncoding": part.get("Content-Transfer-Encoding"),
                "content": part.get_content(),
                "defects": [repr(d) for d in part.defects],
            })
        transport = server.transport
        tls = session.ssl is not None or (transport is not None and transport.get_extra_info("ssl_object") is not None)
        meta = {
            "mailFrom": envelope.mail_from,
            "rcptTos": envelope.rcpt_tos,
            "tls": tls,
            "auth": self.auth.get(id(session)),
            "subject": str(msg["subject"]) if msg["subject"] is not None else None,
            "headers": [[k, v] for k, v in msg.raw_items()],
            "contentType": msg.get_content_type(),
            "defects": [repr(d) for d in msg.defects],
            "parts": parts,
        }
        with open(base + ".json.tmp", "w", encoding="utf-8") as f:
            json.dump(meta, f, ensure_ascii=False, indent=1)
        os.replace(base + ".json.tmp", base + ".json")
        return "250 2.0.0 OK: queued as %d" % self.count


def main():
    # A test runner may start us from a thread that blocks signals; take SIGTERM and SIGINT back.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--mode", choices=["plain", "starttls", "implicit", "silent"], default="plain")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--auth")
    parser.add_argument("--exclude-mech", action="append", default=[])
    parser.add_argument("--reject-rcpt", action="append", default=[])
    args = parser.parse_args()

    saver = Saver(args.dir, args.reject_rcpt)
    context = None
    if args.mode in ("starttls", "implicit"):
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)

    authenticator = None
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = auth_data.login == user.encode() and auth_data.password == password.encode()
            if ok:
                saver.auth[id(session)] = {"mechanism": mechanism, "login": auth_data.login.decode()}
            return AuthResult(success=ok, handled=False)

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)

    def factory():
        if args.mode == "silent":
            return asyncio.Protocol()
        return SMTP(
            saver,
            hostname="earshot-test",
            tls_context=context if args.mode == "starttls" else None,
            require_starttls=False,
            authenticator=authenticator,
            auth_required=False,
            auth_require_tls=False,
            auth_exclude_mechanism=args.exclude_mech or None,
            loop=loop,
        )

    server = loop.run_until_complete(loop.create_server(
        factory, host="127.0.0.1", port=args.port, ssl=context if args.mode == "implicit" else None))
    port = server.sockets[0].getsockname()[1]
    loop.add_signal_handler(signal.SIGTERM, loop.stop)
    loop.add_signal_handler(signal.SIGINT, loop.stop)
    print("READY %d" % port, flush=True)
    loop.run_forever()
    server.close()


if __name__ == "__main__":
    sys.exit(main())
