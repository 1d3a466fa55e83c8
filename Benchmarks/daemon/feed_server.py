#!/usr/bin/env python3
"""A fast loopback feed server for the daemon benchmark.

Serves N feeds spread over H distinct loopback addresses (127.20.x.y, one
listening socket each, all on one port), so that vigil's per-host politeness
sees H hosts, as it would on the internet. Raw HTTP/1.1 on asyncio protocols,
keep-alive, gzip when asked, ETag validators: a request whose If-None-Match
carries the feed's current ETag gets a 304.

Each feed is a window of 20 entries over an endless, deterministic stream of
posts; its version says where the window stands. POST /_control/advance moves
a random fraction of the feeds (10 % unless the body says otherwise) one post
on: the newest post appears, the oldest drops out, the ETag changes. So the
next poll finds most feeds unchanged (304) and the advanced ones with exactly
one new entry.

Some posts mention a watched person (names come from --people, a JSON list of
strings), a few of those attack them. Post texts come from ../shared/datasets
when present (read at start, never copied anywhere) and are generated from a
small vocabulary otherwise.

Control requests, answered on any of the addresses:
  POST /_control/advance   body: optional fraction, e.g. "0.1"; answers {"changed": n}
  GET  /_control/stats     requests by status, and this process's CPU seconds
  POST /_control/quit      stops the server

Started with --port 0 it prints one JSON line {"port": P, "hosts": [...]}.
It stops by itself after --lifetime seconds (default 3600), whatever happens.
"""
import argparse
import asyncio
import gzip
import json
import os
import random
import resource
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATASETS = os.path.join(HERE, "..", "..", "..", "shared", "datasets")
ENTRIES_PER_FEED = 20
BASE_TIME = 1_763_000_000  # 2025-11-13, a fixed epoch so that feeds are reproducible

WORDS = ("release build patch merge review issue branch module config parser cache thread memory "
         "latency benchmark compiler runtime package registry license docs tutorial roadmap meeting "
         "community maintainer contributor test coverage refactor deprecate migrate upgrade security "
         "advisory fix crash regression feature proposal design discussion feedback performance "
         "network storage database index query schema stream buffer socket protocol client server").split()
HOSTILE_FALLBACK = [
    "{name} is a clueless hack who ruins every project he touches and should quit today.",
    "Nobody wants {name} anywhere near this code, {name} is an incompetent fraud and a liar.",
    "{name}, you are pathetic. Your maintainership is a disgrace and everyone laughs at you.",
    "Stop defending {name}; that arrogant idiot broke everything again and blames us.",
]
MENTION_FRAMES = [
    "{name} shipped the new release of the parser this week. {text}",
    "In the discussion thread, {name} explained the design. {text}",
    "{text} Thanks to {name} for reviewing the patch.",
]


def load_texts(limit_chars=320):
    """Plain and hostile texts from the shared datasets, or generated ones."""
    plain, hostile = [], []
    for name in ("hostility/train.jsonl", "agent/train.jsonl"):
        path = os.path.join(DATASETS, name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                text = " ".join(row["text"].split())[:limit_chars]
                if len(text) < 40:
                    continue
                if name.startswith("hostility") and row["label"] == 1:
                    if row.get("source") in ("gh-incivility", "toxicr"):
                        hostile.append(text)
                else:
                    plain.append(text)
    if not plain:
        rng = random.Random(7)
        for _ in range(5000):
            sentences = []
            for _ in range(rng.randint(2, 5)):
                words = [rng.choice(WORDS) for _ in range(rng.randint(6, 16))]
                sentences.append(" ".join(words).capitalize() + ".")
            plain.append(" ".join(sentences))
    return plain, hostile


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


class FeedSet:
    """The feeds' contents and versions; bodies are built on demand and cached per version."""

    def __init__(self, count, hosts, port, people, seed, mention_rate, hostile_rate):
        self.count = count
        self.hosts = hosts
        self.port = port
        self.people = people
        self.seed = seed
        self.mention_rate = mention_rate
        self.hostile_rate = hostile_rate
        self.versions = [0] * count
        self.cache = {}  # feed -> (version, etag, body, gzipped body)
        self.plain, self.hostile = load_texts()
        self.rng = random.Random(seed)

    def host(self, feed):
        return self.hosts[feed % len(self.hosts)]

    def url(self, feed):
        return f"http://{self.host(feed)}:{self.port}/feeds/{feed}.xml"

    def etag(self, feed):
        return f'"f{feed}v{self.versions[feed]}"'

    def post(self, feed, number):
        """Post `number` of `feed`: (title, text, published) and whether it attacks someone."""
        rng = random.Random((self.seed << 40) ^ (feed << 20) ^ number)
        text = rng.choice(self.plain)
        title_words = [rng.choice(WORDS) for _ in range(rng.randint(3, 7))]
        title = " ".join(title_words).capitalize()
        if self.people and rng.random() < self.mention_rate:
            name = rng.choice(self.people)
            if rng.random() < self.hostile_rate:
                attack = rng.choice(self.hostile) if self.hostile else rng.choice(HOSTILE_FALLBACK).format(name=name)
                text = f"{name}, about your last release: {attack}" if self.hostile else attack
                title = f"About {name}"
            else:
                text = rng.choice(MENTION_FRAMES).format(name=name, text=text)
        return title, text, BASE_TIME + number * 3600 + (feed % 3600)

    def body(self, feed):
        version = self.versions[feed]
        cached = self.cache.get(feed)
        if cached and cached[0] == version:
            return cached
        numbers = range(version + ENTRIES_PER_FEED - 1, version - 1, -1)
        atom = feed % 10 < 3
        base = f"http://{self.host(feed)}:{self.port}"
        parts = []
        if atom:
            updated = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(BASE_TIME + (version + ENTRIES_PER_FEED) * 3600))
            parts.append(f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
                         f"<title>Weblog {feed}</title><id>{base}/blog/{feed}</id><updated>{updated}</updated>"
                         f'<link rel="alternate" href="{base}/blog/{feed}"/>')
            for number in numbers:
                title, text, published = self.post(feed, number)
                stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(published))
                parts.append(f"<entry><title>{escape(title)}</title><id>tag:bench,2025:{feed}/{number}</id>"
                             f'<link href="{base}/blog/{feed}/{number}"/><published>{stamp}</published>'
                             f"<updated>{stamp}</updated><author><name>Author {feed % 97}</name></author>"
                             f'<content type="html">{escape("<p>" + escape(text) + "</p>")}</content></entry>')
            parts.append("</feed>")
        else:
            parts.append(f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
                         f"<title>Weblog {feed}</title><link>{base}/blog/{feed}</link>"
                         f"<description>Notes from project {feed}</description>")
            for number in numbers:
                title, text, published = self.post(feed, number)
                stamp = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(published))
                parts.append(f"<item><title>{escape(title)}</title><link>{base}/blog/{feed}/{number}</link>"
                             f'<guid isPermaLink="false">bench-{feed}-{number}</guid><pubDate>{stamp}</pubDate>'
                             f"<description>{escape('<p>' + escape(text) + '</p>')}</description></item>")
            parts.append("</channel></rss>")
        body = "".join(parts).encode("utf-8")
        entry = (version, self.etag(feed), body, gzip.compress(body, 5))
        self.cache[feed] = entry
        return entry

    def advance(self, fraction):
        changed = self.rng.sample(range(self.count), round(self.count * fraction))
        for feed in changed:
            self.versions[feed] += 1
        return len(changed)


class Stats:
    def __init__(self):
        self.by_status = {}
        self.bytes = 0
        self.connections = 0

    def as_json(self):
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return {"requests": dict(self.by_status), "bytes": self.bytes, "connections": self.connections,
                "cpu_user": usage.ru_utime, "cpu_system": usage.ru_stime, "max_rss_kb": usage.ru_maxrss}


class FeedProtocol(asyncio.Protocol):
    def __init__(self, feeds, stats, stop):
        self.feeds = feeds
        self.stats = stats
        self.stop = stop
        self.buffer = b""
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport
        self.stats.connections += 1

    def data_received(self, data):
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                if len(self.buffer) > 65536:
                    self.transport.close()
                return
            head = self.buffer[:end].decode("latin-1")
            lines = head.split("\r\n")
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            length = int(headers.get("content-length", "0") or 0)
            if len(self.buffer) < end + 4 + length:
                return
            body = self.buffer[end + 4:end + 4 + length]
            self.buffer = self.buffer[end + 4 + length:]
            try:
                method, target, _ = lines[0].split(" ", 2)
            except ValueError:
                self.respond(400, b"bad request", close=True)
                return
            self.handle(method, target, headers, body)

    def respond(self, status, body=b"", headers=(), close=False, content_type="text/plain"):
        reason = {200: "OK", 304: "Not Modified", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed"}[status]
        head = [f"HTTP/1.1 {status} {reason}", f"Content-Length: {len(body)}"]
        if status != 304:
            head.append(f"Content-Type: {content_type}")
        head.extend(headers)
        if close:
            head.append("Connection: close")
        self.transport.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)
        self.stats.by_status[status] = self.stats.by_status.get(status, 0) + 1
        self.stats.bytes += len(body)
        if close:
            self.transport.close()

    def handle(self, method, target, headers, body):
        path = target.split("?", 1)[0]
        if path.startswith("/_control/"):
            if path == "/_control/advance" and method == "POST":
                fraction = float(body.decode() or "0.1")
                answer = {"changed": self.feeds.advance(fraction)}
            elif path == "/_control/stats":
                answer = self.stats.as_json()
            elif path == "/_control/quit" and method == "POST":
                answer = {"stopping": True}
                asyncio.get_running_loop().call_soon(self.stop.set)
            else:
                self.respond(404, b"no such control")
                return
            self.respond(200, json.dumps(answer).encode(), content_type="application/json")
            return
        if method != "GET":
            self.respond(405, b"GET only")
            return
        if not (path.startswith("/feeds/") and path.endswith(".xml")):
            self.respond(404, b"not found")
            return
        try:
            feed = int(path[len("/feeds/"):-len(".xml")])
        except ValueError:
            self.respond(404, b"not found")
            return
        if not 0 <= feed < self.feeds.count:
            self.respond(404, b"not found")
            return
        version, etag, plain, zipped = self.feeds.body(feed)
        if headers.get("if-none-match") == etag:
            self.respond(304, headers=(f"ETag: {etag}",))
            return
        gzipped = "gzip" in headers.get("accept-encoding", "")
        content_type = "application/atom+xml" if feed % 10 < 3 else "application/rss+xml"
        extra = [f"ETag: {etag}", "Cache-Control: max-age=300"]
        if gzipped:
            extra.append("Content-Encoding: gzip")
        self.respond(200, zipped if gzipped else plain, extra, content_type=content_type + "; charset=utf-8")


def host_addresses(count):
    """Distinct loopback addresses, never outside 127.0.0.0/8."""
    addresses = []
    for index in range(count):
        address = f"127.20.{index // 250}.{index % 250 + 1}"
        assert address.startswith("127.")
        addresses.append(address)
    return addresses


async def serve(args):
    hosts = host_addresses(args.hosts)
    people = json.load(open(args.people, encoding="utf-8")) if args.people else []
    stats = Stats()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    port = args.port
    servers = []
    feeds = None
    for attempt in range(20):
        try:
            first = await loop.create_server(lambda: FeedProtocol(feeds, stats, stop), hosts[0], port, backlog=1024)
            port = first.sockets[0].getsockname()[1]
            servers = [first]
            for host in hosts[1:]:
                servers.append(await loop.create_server(lambda: FeedProtocol(feeds, stats, stop), host, port, backlog=256))
            break
        except OSError:
            for server in servers:
                server.close()
            servers = []
            if args.port:
                raise
            port = 0
    else:
        raise SystemExit("could not bind every loopback address on one port")
    feeds = FeedSet(args.feeds, hosts, port, people, args.seed, args.mention_rate, args.hostile_rate)
    # The protocol factories read `feeds` when a connection arrives, after this point.
    print(json.dumps({"port": port, "hosts": len(hosts), "texts": len(feeds.plain), "hostile_texts": len(feeds.hostile)}), flush=True)
    try:
        await asyncio.wait_for(stop.wait(), timeout=args.lifetime)
    except asyncio.TimeoutError:
        print("lifetime over, stopping", file=sys.stderr)
    for server in servers:
        server.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=10_000)
    parser.add_argument("--hosts", type=int, default=2_000)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--people", help="JSON list of watched names to mention")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--mention-rate", type=float, default=0.05, help="share of posts that mention a watched person")
    parser.add_argument("--hostile-rate", type=float, default=0.1, help="share of those mentions that attack")
    parser.add_argument("--lifetime", type=float, default=3600)
    args = parser.parse_args()
    if not 1 <= args.hosts <= 60_000:
        parser.error("--hosts must be between 1 and 60000")
    asyncio.run(serve(args))


if __name__ == "__main__":
    main()
