#!/usr/bin/env python3
"""A loopback SMTP receiver for alert tests, on aiosmtpd (PyPI).

  smtp_receiver.py --out FILE [--tls starttls|implicit] [--user U --password P]

Prints one JSON line {"port": N, "ca": PATH|null} once it listens. With --tls
it makes a self-signed certificate for 127.0.0.1 (with the openssl command)
and PATH is the certificate to trust. Each message received is appended to
FILE as one JSON line: mail_from, rcpt_tos, tls, login (the authenticated
user or null), headers ([name, value] pairs), parts ([content type, decoded
text] for each leaf part) and raw (the message as received).
"""
import argparse
import email
import email.policy
import json
import os
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import warnings

warnings.filterwarnings("ignore")

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_certificate():
    folder = tempfile.mkdtemp(prefix="vigil-smtp-")
    cert, key = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
         "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context, cert


class Recorder:
    def __init__(self, out, implicit_tls):
        self.out = out
        self.implicit_tls = implicit_tls
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default)
        parts = []
        for part in message.walk():
            if part.is_multipart():
                continue
            parts.append([part.get_content_type(), part.get_content()])
        login = None
        if session.authenticated and isinstance(session.auth_data, LoginPassword):
            login = session.auth_data.login.decode()
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            # With implicit TLS the whole connection is TLS; aiosmtpd sets
            # session.ssl only after STARTTLS.
            "tls": session.ssl is not None or self.implicit_tls,
            "login": login,
            "headers": [[name, str(value)] for name, value in message.items()],
            "parts": parts,
            "raw": (envelope.original_content or envelope.content).decode("utf-8", "replace"),
        }
        with self.lock, open(self.out, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(record) + "\n")
        return "250 Message accepted"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--tls", choices=["starttls", "implicit"])
    parser.add_argument("--user")
    parser.add_argument("--password")
    args = parser.parse_args()

    options = {}
    ca = None
    if args.tls:
        context, ca = make_certificate()
        if args.tls == "starttls":
            options.update(tls_context=context, require_starttls=True)
        else:
            options.update(ssl_context=context)
    if args.user:
        def authenticate(server, session, envelope, mechanism, auth_data):
            ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user
                  and auth_data.password.decode() == args.password)
            return AuthResult(success=ok, handled=False, auth_data=auth_data)
        options.update(authenticator=authenticate, auth_required=True,
                       auth_require_tls=args.tls == "starttls")
    port = free_port()
    controller = Controller(Recorder(args.out, args.tls == "implicit"), hostname="127.0.0.1", port=port, **options)
    if args.tls == "implicit":
        # Controller's readiness probe would wrap its socket with the server's
        # context; probe as a client that trusts the certificate instead.
        def probe():
            client = ssl.create_default_context(cafile=ca)
            with socket.create_connection(("127.0.0.1", port), 2.0) as raw:
                with client.wrap_socket(raw, server_hostname="127.0.0.1") as wrapped:
                    wrapped.recv(1024)
        controller._trigger_server = probe
    controller.start()
    print(json.dumps({"port": port, "ca": ca}), flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    sys.exit(main())
