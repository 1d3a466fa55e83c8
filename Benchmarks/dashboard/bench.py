#!/usr/bin/env python3
"""The dashboard's findings list over 200,000 findings: median latency per query.

Creates a database with `vigil init`, 50 watched people in 5 teams
(`vigil watch add`), 500 feeds and one item and one finding per item written
straight into it (200,000 by default, over the last year, the kinds, severities,
states and labels mixed as a busy foundation's are), an admin and a team
member (`vigil users add`), then starts `vigil serve` on a free loopback port,
signs in as each and asks each list query --runs times over one keep-alive
connection, after a warm-up. The latency is the client's wall time from
sending the request to reading the whole page.

Usage (from the package root, after `swift build -c release --product vigil`):
    python3 Benchmarks/dashboard/bench.py [--vigil .build/release/vigil] [--findings 200000] [--runs 31]
        [--work DIR] [--markdown FILE]
"""
import argparse
import datetime
import http.client
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

TEAMS = ["core", "docs", "infra", "security", "community"]
PASSWORD = "benchmark password 1"


def vigil(binary, config, *arguments, stdin=None):
    subprocess.run([binary, "--config", config, *arguments], input=stdin, text=True, check=True,
                   stdout=subprocess.DEVNULL)


def stamp(moment):
    """A date as GRDB stores it."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.") + f"{moment.microsecond // 1000:03d}"


def populate(database, findings, seed):
    """Feeds, items and findings, written in one transaction."""
    rng = random.Random(seed)
    db = sqlite3.connect(database)
    people = [row[0] for row in db.execute("SELECT id FROM people ORDER BY id")]
    now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    created = stamp(now)
    with db:
        db.executemany(
            "INSERT INTO feeds (url, title, next_poll_at, created_at) VALUES (?, ?, ?, ?)",
            [(f"https://blog{index}.example/feed.xml", f"Blog {index}", created, created) for index in range(500)])
        feeds = [row[0] for row in db.execute("SELECT id FROM feeds ORDER BY id")]
        kinds = ["mention"] * 70 + ["coverage"] * 15 + ["attack"] * 15
        for start in range(0, findings, 10_000):
            items, rows = [], []
            for index in range(start, min(findings, start + 10_000)):
                moment = now - datetime.timedelta(seconds=rng.uniform(0, 365 * 86400))
                seen = stamp(moment)
                items.append((index + 1, rng.choice(feeds), f"item-{index}", f"https://blog.example/post/{index}",
                              f"Post number {index} about a maintainer", f"author{rng.randrange(2000)}",
                              f"hash-{index}", seen, seen))
                kind = rng.choice(kinds)
                severity = rng.choice(["medium", "high"]) if kind == "attack" else rng.choice(["none", "none", "low"])
                rows.append((index + 1, rng.choice(people), rng.random(), rng.random(), rng.random(), severity, kind,
                             "acked" if rng.random() < 0.6 else "new",
                             rng.choice(["hostile", "benign", "agent", "human"]) if rng.random() < 0.05 else None,
                             seen, seen))
            db.executemany(
                "INSERT INTO items (id, feed_id, dedupe_key, url, title, author, content_hash, first_seen_at, last_seen_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", items)
            db.executemany(
                "INSERT INTO findings (item_id, person_id, hostility, agent, attack, severity, kind, model_version, state,"
                " label, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'bench', ?, ?, ?, ?)", rows)
    db.execute("ANALYZE")
    db.close()
    return feeds


class Session:
    """One signed-in user over one keep-alive connection."""

    def __init__(self, port, name):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies = {}
        form = self.get("/login")[1]
        token = re.search(r'name="csrf" value="([^"]*)"', form).group(1)
        body = urllib.parse.urlencode({"csrf": token, "name": name, "password": PASSWORD})
        status, _ = self.request("POST", "/login", body, {"Content-Type": "application/x-www-form-urlencoded"})
        if status != 303 or "vigil_session" not in self.cookies:
            sys.exit(f"signing in as {name} failed: {status}")

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{key}={value}" for key, value in self.cookies.items())
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        page = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";")[0]
        return response.status, page

    def get(self, path):
        return self.request("GET", path)

    def time(self, path, runs):
        status, page = self.get(path)
        if status != 200:
            sys.exit(f"{path} answered {status}")
        rows = page.count("<tr class=\"severity-")
        times = []
        for _ in range(runs):
            begin = time.perf_counter()
            self.get(path)
            times.append((time.perf_counter() - begin) * 1000)
        times.sort()
        return statistics.median(times), times[int(len(times) * 0.9)], rows, len(page)


def main():
    parser = argparse.ArgumentParser(description="the findings list over many findings")
    parser.add_argument("--vigil", default=".build/release/vigil")
    parser.add_argument("--findings", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=31)
    parser.add_argument("--work")
    parser.add_argument("--markdown")
    parser.add_argument("--seed", type=int, default=20)
    args = parser.parse_args()
    binary = os.path.abspath(args.vigil)
    work = args.work or tempfile.mkdtemp(prefix="vigil-dashboard-bench-")
    os.makedirs(work, exist_ok=True)
    config = os.path.join(work, "config.toml")
    try:
        began = time.perf_counter()
        subprocess.run([binary, "init", "--dir", work], check=True, stdout=subprocess.DEVNULL)
        for index in range(50):
            vigil(binary, config, "watch", "add", f"Person {index:02d} Example", "--team", TEAMS[index % len(TEAMS)])
        vigil(binary, config, "users", "add", "root", "--admin", stdin=PASSWORD + "\n")
        vigil(binary, config, "users", "add", "alice", "--team", "core", stdin=PASSWORD + "\n")
        database = os.path.join(work, "vigil.db")
        feeds = populate(database, args.findings, args.seed)
        print(f"database: {args.findings} findings in {time.perf_counter() - began:.0f} s, "
              f"{os.path.getsize(database) / 1e6:.0f} MB", file=sys.stderr)

        server = subprocess.Popen([binary, "--config", config, "serve", "--listen", "127.0.0.1:0"],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            line = server.stdout.readline()
            port = int(re.search(r":(\d+)/$", line.strip()).group(1))
            today = datetime.date.today()
            month_ago = (today - datetime.timedelta(days=30)).isoformat()
            queries = [
                ("root", "/findings"),
                ("root", "/findings?page=100"),
                ("root", "/findings?kind=attack&severity=high&state=new"),
                ("root", "/findings?person=Person+07+Example"),
                ("root", "/findings?label=agent"),
                ("root", f"/findings?feed={feeds[17]}"),
                ("root", f"/findings?since={month_ago}&until={today.isoformat()}"),
                ("root", "/findings?sort=oldest"),
                ("root", "/findings?sort=severity"),
                ("root", "/findings?sort=agent"),
                ("alice", "/findings"),
                ("alice", "/findings?kind=attack&sort=severity"),
            ]
            sessions = {name: Session(port, name) for name in ("root", "alice")}
            results = []
            for name, path in queries:
                median, p90, rows, size = sessions[name].time(path, args.runs)
                results.append({"user": name, "path": path, "median_ms": round(median, 1), "p90_ms": round(p90, 1),
                                "rows": rows, "bytes": size})
                print(f"{name:6} {path:60} median {median:7.1f} ms  p90 {p90:7.1f} ms  {rows} rows, {size} bytes")
        finally:
            server.terminate()
            server.wait(timeout=30)
        if args.markdown:
            with open(args.markdown, "w") as out:
                out.write("| user | query | median | p90 | rows | page |\n|---|---|---|---|---|---|\n")
                for result in results:
                    out.write(f"| {result['user']} | `{result['path']}` | {result['median_ms']} ms | {result['p90_ms']} ms"
                              f" | {result['rows']} | {result['bytes'] // 1024} KB |\n")
        print(json.dumps({"findings": args.findings, "runs": args.runs, "results": results}), file=sys.stderr)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
