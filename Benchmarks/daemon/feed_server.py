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

With --repos N it also plays GitHub's REST API for N repositories under
/gh-api on the first address (see RepoSet): closed pull requests, issue events
and issue comments, with ETags. POST /_control/advance gives the same fraction
of the repositories one new comment each, so the next poll finds a 200 on
their comments and a 304 everywhere else.

Control requests, answered on any of the addresses:
  POST /_control/advance   body: optional fraction, e.g. "0.1"; answers {"changed": n}
                           (and "repos_changed" with --repos)
  GET  /_control/stats     requests by status (GitHub's also by listing, with
                           their times), and this process's CPU seconds
  POST /_control/quit      stops the server

Started with --port 0 it prints one JSON line {"port": P, "hosts": H, ...,
"repos": [the repositories' OWNER/NAME]}.
It stops by itself after --lifetime seconds (default 3600), whatever happens.
"""
import argparse
import asyncio
import datetime
import gzip
import hashlib
import json
import os
import random
import re
import resource
import sys
import time
import urllib.parse

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


URL_PATTERN = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+", re.IGNORECASE)
COMMENT_FRAMES = [
    "Thanks {who} for the review, I pushed the changes. {text}",
    "{text} cc {who}",
    "{who}: {text}",
]


def iso(seconds):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def parse_iso(text):
    """GitHub's `since` parameter as seconds since 1970; None when it is no ISO 8601 time."""
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


class RepoSet:
    """Watched repositories as GitHub's REST API shows them, under /gh-api.

    Each repository has three closed pull requests (#1 merged by its
    maintainer, #2 closed unmerged by a watched person's handle, #3 closed
    unmerged by the maintainer), their issue events, and comments on those
    pull requests and on three plain issues (#4-#6). `advance` gives a
    fraction of the repositories one new comment each. Comments carry no
    links (their texts lose them), so a poll follows nothing; some mention a
    watched person by name or @handle, and a few of those attack them, from
    the account whose pull request that person closed.

    Listings are built per request. Comments honour `since` (updated at or
    after it, as GitHub reads it), oldest update first; the ETag is a hash of
    the body, so an If-None-Match equal to what the request would get back is
    answered 304, as GitHub does. The rate-limit headers count the 200s
    against 5,000 an hour (a 304 costs nothing) and never reach 0.
    """

    FIRST_COMMENTS = 5

    def __init__(self, count, base, people, handles, seed, mention_rate, hostile_rate, plain, hostile):
        self.names = [f"org{index // 10}/repo{index}" for index in range(count)]
        self.index = {name: index for index, name in enumerate(self.names)}
        self.base = base
        self.api = base + "/gh-api"
        self.people = list(zip(people, handles)) if handles else [(name, None) for name in people]
        self.mention_rate = mention_rate
        self.hostile_rate = hostile_rate
        self.plain = [text for text in (" ".join(URL_PATTERN.sub("", t).split())[:240] for t in plain) if len(text) >= 40]
        self.hostile = [text for text in (" ".join(URL_PATTERN.sub("", t).split()) for t in hostile) if len(text) >= 20]
        # Apart from the feeds' generator, so that the same feeds change with or without repositories.
        self.rng = random.Random(seed * 7919 + 18)
        self.round = 0
        self.next_id = 1_000_000
        self.comments = [[] for _ in range(count)]  # per repository: (updated_at seconds, record), oldest first
        self.used = 0
        self.reset_at = int(time.time()) + 3600
        for repo in range(count):
            for number in range(self.FIRST_COMMENTS):
                self.add_comment(repo, BASE_TIME + number * 600)

    def closer(self, repo):
        """The watched person (name, handle) who closed pull request #2, or None without handles."""
        with_handles = [person for person in self.people if person[1]]
        return with_handles[repo % len(with_handles)] if with_handles else None

    def accounts(self, repo):
        return {"maintainer": f"maint{repo}", "contributor": f"contrib{repo % 37}", "agent": f"agent{repo % 7}",
                "drive-by": f"user{repo}"}

    def account(self, login):
        return {"login": login, "id": int(hashlib.sha1(login.encode()).hexdigest()[:8], 16), "type": "User"}

    def add_comment(self, repo, at):
        name, accounts, rng = self.names[repo], self.accounts(repo), self.rng
        number = rng.randint(1, 6)
        login = rng.choice([accounts["maintainer"], accounts["contributor"], accounts["drive-by"], f"user{rng.randint(0, 999)}"])
        body = rng.choice(self.plain) if self.plain else "Looks good to me, merging after the release."
        if self.people and rng.random() < self.mention_rate:
            person, handle = rng.choice(self.people)
            who = f"@{handle}" if handle and rng.random() < 0.5 else person
            if rng.random() < self.hostile_rate:
                closer = self.closer(repo)
                if closer:
                    person, handle = closer
                    number, login = 2, accounts["agent"]
                attack = rng.choice(self.hostile) if self.hostile else rng.choice(HOSTILE_FALLBACK).format(name=person)
                body = f"{person}, closing my pull request like that: {attack}" if self.hostile else attack
            else:
                body = rng.choice(COMMENT_FRAMES).format(who=who, text=body)
        kind = "pull" if number <= 3 else "issues"
        self.next_id += 1
        record = {
            "id": self.next_id, "node_id": f"IC_bench{self.next_id}",
            "url": f"{self.api}/repos/{name}/issues/comments/{self.next_id}",
            "html_url": f"{self.base}/{name}/{kind}/{number}#issuecomment-{self.next_id}",
            "issue_url": f"{self.api}/repos/{name}/issues/{number}",
            "body": body, "user": self.account(login), "created_at": iso(at), "updated_at": iso(at),
            "author_association": "MEMBER" if login == accounts["maintainer"] else "CONTRIBUTOR",
        }
        self.comments[repo].append((at, record))

    def pulls(self, repo):
        name, accounts = self.names[repo], self.accounts(repo)
        closer = self.closer(repo)
        rows = [(3, "Add a retry to the upload step", accounts["drive-by"], BASE_TIME - 86_400, None),
                (2, "Replace the cache with an adaptive one", accounts["agent"], BASE_TIME - 2 * 86_400, None),
                (1, "Document the configuration keys", accounts["contributor"], BASE_TIME - 3 * 86_400, BASE_TIME - 3 * 86_400)]
        if not closer:
            rows.pop(1)
        return [{
            "url": f"{self.api}/repos/{name}/pulls/{number}", "id": repo * 10 + number, "number": number,
            "html_url": f"{self.base}/{name}/pull/{number}", "state": "closed", "title": title,
            "user": self.account(author), "created_at": iso(closed - 7200), "updated_at": iso(closed),
            "closed_at": iso(closed), "merged_at": iso(merged) if merged else None,
        } for number, title, author, closed, merged in rows]

    def events(self, repo):
        name, accounts = self.names[repo], self.accounts(repo)
        closer = self.closer(repo)
        rows = [(3, "closed", accounts["maintainer"], BASE_TIME - 86_400),
                (2, "closed", closer[1] if closer else None, BASE_TIME - 2 * 86_400),
                (1, "closed", accounts["maintainer"], BASE_TIME - 3 * 86_400),
                (1, "merged", accounts["maintainer"], BASE_TIME - 3 * 86_400)]
        return [{
            "id": repo * 10 + index, "event": event, "actor": self.account(actor), "commit_id": None,
            "created_at": iso(at),
            "issue": {"number": number, "state": "closed", "pull_request": {"url": f"{self.api}/repos/{name}/pulls/{number}"}},
        } for index, (number, event, actor, at) in enumerate(rows) if actor]

    def answer(self, path, query):
        """(endpoint, JSON body) for a listing under /gh-api, or None for any other path."""
        parts = path[len("/gh-api/repos/"):].split("/") if path.startswith("/gh-api/repos/") else []
        repo = self.index.get("/".join(parts[:2])) if len(parts) >= 3 else None
        if repo is None:
            return None
        endpoint = "/".join(parts[2:])
        if endpoint == "pulls":
            records = self.pulls(repo)
        elif endpoint == "issues/events":
            records = self.events(repo)
        elif endpoint == "issues/comments":
            since = parse_iso(urllib.parse.parse_qs(query).get("since", [""])[0])
            records = [record for at, record in self.comments[repo] if since is None or at >= since]
        else:
            return None
        return endpoint, json.dumps(records, separators=(",", ":")).encode("utf-8")

    def rate_headers(self):
        return ("X-RateLimit-Limit: 5000", f"X-RateLimit-Remaining: {max(1, 5000 - self.used)}",
                f"X-RateLimit-Used: {self.used}", f"X-RateLimit-Reset: {self.reset_at}", "X-RateLimit-Resource: core")

    def advance(self, fraction):
        self.round += 1
        changed = self.rng.sample(range(len(self.names)), round(len(self.names) * fraction))
        for repo in changed:
            self.add_comment(repo, BASE_TIME + self.round * 86_400 + repo % 3600)
        return len(changed)


class Stats:
    def __init__(self):
        self.by_status = {}
        self.bytes = 0
        self.connections = 0
        self.github_by_endpoint = {}  # endpoint -> status -> requests
        self.github_times = []  # when each GitHub request was answered (seconds since 1970)

    def count_github(self, endpoint, status):
        by_status = self.github_by_endpoint.setdefault(endpoint, {})
        by_status[status] = by_status.get(status, 0) + 1
        self.github_times.append(time.time())

    def as_json(self):
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return {"requests": dict(self.by_status), "bytes": self.bytes, "connections": self.connections,
                "cpu_user": usage.ru_utime, "cpu_system": usage.ru_stime, "max_rss_kb": usage.ru_maxrss,
                "github": {"by_endpoint": self.github_by_endpoint, "times": self.github_times}}


class FeedProtocol(asyncio.Protocol):
    def __init__(self, feeds, repos, stats, stop):
        self.feeds = feeds
        self.repos = repos
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
                if self.repos:
                    answer["repos_changed"] = self.repos.advance(fraction)
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
        if path.startswith("/gh-api/"):
            self.handle_github(path, target.partition("?")[2], headers)
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

    def handle_github(self, path, query, headers):
        answer = self.repos.answer(path, query) if self.repos else None
        if answer is None:
            self.respond(404, b'{"message":"Not Found"}', content_type="application/json; charset=utf-8")
            self.stats.count_github("other", 404)
            return
        endpoint, plain = answer
        etag = f'W/"{hashlib.sha1(plain).hexdigest()}"'
        extra = [f"ETag: {etag}", "Cache-Control: private, max-age=60, s-maxage=60", *self.repos.rate_headers()]
        if headers.get("if-none-match") == etag:
            self.respond(304, headers=extra)
            self.stats.count_github(endpoint, 304)
            return
        self.repos.used += 1
        gzipped = "gzip" in headers.get("accept-encoding", "")
        if gzipped:
            extra.append("Content-Encoding: gzip")
        self.respond(200, gzip.compress(plain, 5) if gzipped else plain, extra, content_type="application/json; charset=utf-8")
        self.stats.count_github(endpoint, 200)


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
    handles = json.load(open(args.handles, encoding="utf-8")) if args.handles else []
    stats = Stats()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    port = args.port
    servers = []
    feeds = repos = None
    for attempt in range(20):
        try:
            first = await loop.create_server(lambda: FeedProtocol(feeds, repos, stats, stop), hosts[0], port, backlog=1024)
            port = first.sockets[0].getsockname()[1]
            servers = [first]
            for host in hosts[1:]:
                servers.append(await loop.create_server(lambda: FeedProtocol(feeds, repos, stats, stop), host, port, backlog=256))
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
    if args.repos:
        repos = RepoSet(args.repos, f"http://{hosts[0]}:{port}", people, handles, args.seed, args.comment_mention_rate,
                        args.hostile_rate, feeds.plain, feeds.hostile)
    # The protocol factories read `feeds` and `repos` when a connection arrives, after this point.
    print(json.dumps({"port": port, "hosts": len(hosts), "texts": len(feeds.plain), "hostile_texts": len(feeds.hostile),
                      "repos": repos.names if repos else []}), flush=True)
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
    parser.add_argument("--repos", type=int, default=0, help="GitHub repositories served under /gh-api on the first address")
    parser.add_argument("--handles", help="JSON list of the watched people's GitHub handles, in the order of --people")
    parser.add_argument("--comment-mention-rate", type=float, default=0.2,
                        help="share of GitHub comments that mention a watched person")
    parser.add_argument("--lifetime", type=float, default=3600)
    args = parser.parse_args()
    if not 1 <= args.hosts <= 60_000:
        parser.error("--hosts must be between 1 and 60000")
    asyncio.run(serve(args))


if __name__ == "__main__":
    main()
