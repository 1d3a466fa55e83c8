#!/usr/bin/env python3
"""A scriptable HTTP(S) server for vigil's tests, bound to loopback only.

Start it with a port of 0 and read the first line it prints, a JSON object
{"port": N}. Routes come from --routes FILE (a JSON list) and can be added or
replaced while it runs with POST /_control/routes (a JSON list or one object).
Every request that is not a control request is recorded; GET /_control/requests
returns them, GET /_control/stats counts them and the most answered at once,
POST /_control/reset forgets requests, sequence positions and that peak.

A route is a JSON object:
  path            exact path to match (the query string is ignored unless "query" is given)
  query           exact query string to match, optional
  status          default 200
  headers         {"Name": "value"} sent as they are
  body | body_base64 | body_file   the body (text, base64 or a file's bytes)
  encoding        "gzip", "deflate" or "br": compress the body and say so in Content-Encoding
  etag            answer 304 when If-None-Match carries it; sent as ETag
  last_modified   answer 304 when If-Modified-Since equals it; sent as Last-Modified
  delay           seconds to wait before answering
  trickle         {"chunk": bytes, "interval": seconds, "total": bytes}: a slow body
  size            a generated body of this many bytes, streamed (may be huge)
  infinite        true: a body that never ends (chunked)
  gzip_bomb       a gzip body that decompresses to this many zero bytes, streamed
  never_answer    true: read the request, then say nothing until the client leaves
  close           true: read the request, then close the connection without a word
  redirect        a Location; status defaults to 302
  responses       a list of route objects answered in turn (the last one repeats);
                  each inherits "path" from the outer route

The brotli encoding uses the `brotli` module from PyPI when installed; without it the
body is sent as valid brotli made of uncompressed meta-blocks, which every decoder reads.
"""
import argparse
import base64
import gzip
import json
import os
import ssl
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

try:
    import brotli  # type: ignore
except ImportError:  # pragma: no cover - depends on the machine
    brotli = None

CHUNK = 64 * 1024


def brotli_stored(data: bytes) -> bytes:
    """Brotli stream (RFC 7932) of uncompressed meta-blocks: valid, just not smaller."""
    bits = []

    def put(value, count):
        for i in range(count):
            bits.append((value >> i) & 1)

    def pad():
        while len(bits) % 8:
            bits.append(0)

    def flush_bits(out):
        for i in range(0, len(bits), 8):
            byte = 0
            for j, bit in enumerate(bits[i:i + 8]):
                byte |= bit << j
            out.append(byte)
        bits.clear()

    out = bytearray()
    put(0, 1)  # WBITS = 16
    for start in range(0, len(data), 65536):
        block = data[start:start + 65536]
        put(0, 1)  # ISLAST = 0
        put(0, 2)  # MNIBBLES = 4
        put(len(block) - 1, 16)  # MLEN - 1
        put(1, 1)  # ISUNCOMPRESSED
        pad()
        flush_bits(out)
        out += block
    put(1, 1)  # ISLAST
    put(1, 1)  # ISLASTEMPTY
    pad()
    flush_bits(out)
    return bytes(out)


def encode(body: bytes, encoding):
    if encoding == "gzip":
        return gzip.compress(body)
    if encoding == "deflate":
        return zlib.compress(body)
    if encoding == "br":
        return brotli.compress(body) if brotli else brotli_stored(body)
    return body


class State:
    def __init__(self, root):
        self.lock = threading.Lock()
        self.routes = {}
        self.positions = {}
        self.requests = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.root = root
        self.stopping = threading.Event()

    def add_routes(self, routes):
        if isinstance(routes, dict):
            routes = [routes]
        with self.lock:
            for route in routes:
                self.routes[route["path"]] = route
                self.positions.pop(route["path"], None)

    def pick(self, path, query):
        with self.lock:
            route = self.routes.get(path)
            if route is None or ("query" in route and route["query"] != query):
                return None
            responses = route.get("responses")
            if not responses:
                return route
            index = self.positions.get(path, 0)
            self.positions[path] = index + 1
            return dict(responses[min(index, len(responses) - 1)], path=path)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "vigil-test-server"

    def log_message(self, *args):  # quiet: tests read /_control/requests instead
        pass

    @property
    def state(self) -> State:
        return self.server.state  # type: ignore[attr-defined]

    def do_GET(self):
        self.handle_any()

    def do_HEAD(self):
        self.handle_any()

    def do_POST(self):
        self.handle_any()

    def do_PUT(self):
        self.handle_any()

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def handle_any(self):
        parts = urlsplit(self.path)
        path, query = parts.path, parts.query
        body = self.read_body()
        if path.startswith("/_control/"):
            return self.control(path, body)
        with self.state.lock:
            self.state.requests.append({
                "method": self.command,
                "target": self.path,
                "path": path,
                "query": query,
                "headers": [[k, v] for k, v in self.headers.items()],
                "body_base64": base64.b64encode(body).decode(),
                "time": time.time(),
            })
        route = self.state.pick(path, query)
        if route is None:
            return self.send_simple(404, b"no such route\n")
        with self.state.lock:
            self.state.in_flight += 1
            self.state.max_in_flight = max(self.state.max_in_flight, self.state.in_flight)
        try:
            self.answer(route)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            self.close_connection = True
        finally:
            with self.state.lock:
                self.state.in_flight -= 1

    def control(self, path, body):
        if path == "/_control/routes" and self.command == "POST":
            self.state.add_routes(json.loads(body or b"[]"))
            return self.send_simple(204, b"")
        if path == "/_control/requests":
            with self.state.lock:
                payload = json.dumps(self.state.requests).encode()
            return self.send_simple(200, payload, "application/json")
        if path == "/_control/stats":
            with self.state.lock:
                payload = json.dumps({"requests": len(self.state.requests), "in_flight": self.state.in_flight,
                                      "max_in_flight": self.state.max_in_flight}).encode()
            return self.send_simple(200, payload, "application/json")
        if path == "/_control/reset" and self.command == "POST":
            with self.state.lock:
                self.state.requests.clear()
                self.state.positions.clear()
                self.state.max_in_flight = self.state.in_flight
            return self.send_simple(204, b"")
        return self.send_simple(404, b"unknown control path\n")

    def send_simple(self, status, payload, content_type="text/plain"):
        self.send_response(status)
        if status != 204:
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if payload and self.command != "HEAD":
            self.wfile.write(payload)

    def route_body(self, route):
        if "body_base64" in route:
            return base64.b64decode(route["body_base64"])
        if "body_file" in route:
            name = route["body_file"]
            full = name if os.path.isabs(name) or not self.state.root else os.path.join(self.state.root, name)
            with open(full, "rb") as handle:
                return handle.read()
        return route.get("body", "").encode()

    def wait(self, seconds):
        self.state.stopping.wait(seconds)

    def answer(self, route):
        if route.get("delay"):
            self.wait(float(route["delay"]))
        if route.get("never_answer"):
            while not self.state.stopping.is_set():
                self.wait(0.2)
            self.close_connection = True
            return
        if route.get("close"):
            self.close_connection = True
            return
        etag = route.get("etag")
        last_modified = route.get("last_modified")
        validators = {}
        if etag:
            validators["ETag"] = etag
        if last_modified:
            validators["Last-Modified"] = last_modified
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        if (etag and inm and etag in [v.strip() for v in inm.split(",")]) or (
                last_modified and ims and ims == last_modified and not (etag and inm)):
            self.send_response(304)
            for name, value in {**route.get("headers", {}), **validators}.items():
                if name.lower() not in ("content-length", "content-type"):
                    self.send_header(name, value)
            self.end_headers()
            return

        status = int(route.get("status", 302 if "redirect" in route else 200))
        headers = dict(route.get("headers", {}))
        headers.update(validators)
        if "redirect" in route:
            headers["Location"] = route["redirect"]

        if "trickle" in route:
            return self.stream_trickle(status, headers, route["trickle"])
        if "size" in route:
            return self.stream_generated(status, headers, int(route["size"]))
        if route.get("infinite"):
            return self.stream_generated(status, headers, None)
        if "gzip_bomb" in route:
            return self.stream_gzip_bomb(status, headers, int(route["gzip_bomb"]))

        body = self.route_body(route)
        encoding = route.get("encoding")
        if encoding:
            body = encode(body, encoding)
            headers["Content-Encoding"] = encoding
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def start(self, status, headers, length):
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if length is None:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(length))
        self.end_headers()

    def write_chunk(self, data, chunked):
        if chunked:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        else:
            self.wfile.write(data)

    def stream_trickle(self, status, headers, spec):
        chunk = int(spec.get("chunk", 1))
        interval = float(spec.get("interval", 1.0))
        total = int(spec.get("total", 1024))
        self.start(status, headers, total)
        sent = 0
        while sent < total and not self.state.stopping.is_set():
            piece = b"x" * min(chunk, total - sent)
            self.wfile.write(piece)
            self.wfile.flush()
            sent += len(piece)
            self.wait(interval)
        self.close_connection = True

    def stream_generated(self, status, headers, length):
        block = (b"<!-- vigil test filler -->\n" * (CHUNK // 27 + 1))[:CHUNK]
        self.start(status, headers, length)
        sent = 0
        while (length is None or sent < length) and not self.state.stopping.is_set():
            piece = block if length is None else block[:min(CHUNK, length - sent)]
            self.write_chunk(piece, length is None)
            sent += len(piece)
        if length is None:
            self.wfile.write(b"0\r\n\r\n")
        self.close_connection = True

    def stream_gzip_bomb(self, status, headers, inflated):
        headers = dict(headers, **{"Content-Encoding": "gzip"})
        self.start(status, headers, None)
        compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
        zeros = bytes(1024 * 1024)
        produced = 0
        while produced < inflated and not self.state.stopping.is_set():
            piece = zeros[:min(len(zeros), inflated - produced)]
            produced += len(piece)
            out = compressor.compress(piece)
            if out:
                self.write_chunk(out, True)
        self.write_chunk(compressor.flush(), True)
        self.wfile.write(b"0\r\n\r\n")
        self.close_connection = True


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--routes", help="a JSON file with a list of routes")
    parser.add_argument("--root", help="directory that relative body_file names are read from")
    parser.add_argument("--tls-cert", help="PEM certificate: serve HTTPS")
    parser.add_argument("--tls-key", help="PEM private key for --tls-cert")
    args = parser.parse_args()
    if not args.host.startswith("127.") and args.host not in ("::1", "localhost"):
        parser.error("the test server listens on loopback addresses only")

    server = Server((args.host, args.port), Handler)
    server.state = State(args.root)  # type: ignore[attr-defined]
    if args.routes:
        with open(args.routes) as handle:
            server.state.add_routes(json.load(handle))  # type: ignore[attr-defined]
    if args.tls_cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        server.socket = context.wrap_socket(server.socket, server_side=True)

    print(json.dumps({"port": server.server_address[1], "tls": bool(args.tls_cert),
                      "brotli": "module" if brotli else "stored"}), flush=True)
    # Stop when the parent closes our stdin (the test ended, even if it crashed).
    def watch_stdin():
        try:
            sys.stdin.read()
        finally:
            server.state.stopping.set()  # type: ignore[attr-defined]
            server.shutdown()
    threading.Thread(target=watch_stdin, daemon=True).start()
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.state.stopping.set()  # type: ignore[attr-defined]
        server.server_close()


if __name__ == "__main__":
    main()
