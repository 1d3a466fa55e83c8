#!/usr/bin/env python3
"""A loopback HTTP receiver for alert tests.

Records every request it receives and answers as scripted. Started by the
tests, it runs until its stdin closes; prints one JSON line {"port": N} on stdout once it listens.

Control endpoints (never recorded):
  POST /_control/script   {"secret": "...", "responses": {"/path": [{"status": 500,
                           "headers": {...}, "body": "...", "delay": 2.5}, ...]}}
                          Responses for a path are used in order; once used up,
                          requests get 200 "ok". A secret turns on signature checks.
  GET  /_control/requests JSON list of recorded requests: method, path, headers
                          (list of [name, value]), body (text), signature_ok
                          (true/false, or null without a secret).
  POST /_control/reset    forget requests and scripts.
"""
import hashlib
import hmac
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
STATE = {"requests": [], "responses": {}, "secret": None}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send(self, status, body=b"", headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _control(self, body):
        if self.path == "/_control/requests":
            with LOCK:
                payload = json.dumps(STATE["requests"]).encode()
            return self._send(200, payload, {"Content-Type": "application/json"})
        if self.path == "/_control/reset":
            with LOCK:
                STATE.update({"requests": [], "responses": {}, "secret": None})
            return self._send(200, b"reset")
        if self.path == "/_control/script":
            script = json.loads(body or b"{}")
            with LOCK:
                STATE["secret"] = script.get("secret")
                for path, responses in script.get("responses", {}).items():
                    STATE["responses"].setdefault(path, []).extend(responses)
            return self._send(200, b"scripted")
        return self._send(404, b"unknown control endpoint")

    def _handle(self):
        body = self._body()
        if self.path.startswith("/_control/"):
            return self._control(body)
        with LOCK:
            secret = STATE["secret"]
            signature_ok = None
            if secret is not None:
                expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
                signature_ok = hmac.compare_digest(expected, self.headers.get("X-Vigil-Signature", ""))
            STATE["requests"].append({
                "method": self.command,
                "path": self.path,
                "headers": [[name, value] for name, value in self.headers.items()],
                "body": body.decode("utf-8", "replace"),
                "signature_ok": signature_ok,
            })
            queue = STATE["responses"].get(self.path) or []
            response = queue.pop(0) if queue else {"status": 200, "body": "ok"}
        if response.get("delay"):
            time.sleep(float(response["delay"]))
        try:
            self._send(int(response.get("status", 200)), response.get("body", "").encode(), response.get("headers"))
        except (BrokenPipeError, ConnectionResetError):
            pass

    do_POST = _handle
    do_PUT = _handle
    do_GET = _handle


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(json.dumps({"port": server.server_address[1]}), flush=True)
    # The test holds our stdin open; when it ends (or dies), so do we.
    sys.stdin.read()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
