#!/usr/bin/env python3
"""Daemon steady state: `vigil poll --once` over 10,000 loopback feeds.

Starts feed_server.py (the feeds spread over distinct 127.20.x.y addresses, so
per-host politeness sees many hosts and runs with its defaults), creates a
database with the feeds and a watchlist of 50 people, runs one cycle where
everything is new, then steady-state cycles where 10 % of the feeds carry one
new entry and the rest answer 304. Each cycle runs under /usr/bin/time -v;
the server's CPU time is read from the server itself, so the two are apart.

With --repos N the config also watches N GitHub repositories, whose API the
same server plays on its first address (so `[poll] allow_private_addresses`
is on); each steady cycle gives the same share of them one new comment. The
server counts the GitHub requests of each cycle and how many it answered 304.
Several values (--repos 0 100) build one world each, with the same feeds, and
run their cycles alternately, so that they are compared under the same load;
then every world has allow_private_addresses on, so that they differ only in
their repositories. --vigil given more than once does the same for binaries:
each runs its own worlds, so that a change is measured against the build
before it, cycle for cycle.

Usage (from the package root, after `swift build -c release --product vigil`):
    python3 Benchmarks/daemon/bench.py [--vigil BINARY ...] [--work DIR] [--feeds 10000] [--hosts 2000]
        [--cycles 4] [--changed 0.1] [--host-gap 1s] [--per-host 2] [--repos N [N ...]]
        [--sql STATEMENT] [--markdown FILE]

Everything listens on and talks to loopback addresses only.
"""
import argparse
import json
import os
import platform
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

GIVEN = ["Amara", "Bruno", "Chiara", "Dmitri", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kalani",
         "Lucia", "Mateus", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Stellan", "Tamsin", "Umar",
         "Vera", "Wendel", "Xenia", "Yusuf", "Zofia"]
SYLLABLES = ["bram", "cor", "dal", "ev", "fin", "gar", "hol", "ist", "jor", "kel", "lund", "mor", "nes",
             "ov", "pra", "quil", "rast", "sund", "tor", "ulv", "vek", "wyn", "yar", "zell"]


def make_people(count, seed):
    rng = random.Random(seed)
    people, seen = [], set()
    while len(people) < count:
        surname = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        name = f"{rng.choice(GIVEN)} {surname}"
        if name in seen:
            continue
        seen.add(name)
        person = {"name": name, "handles": [f"{name.split()[0].lower()}{surname.lower()}"]}
        if rng.random() < 0.3:
            person["projects"] = [f"{surname.lower()}-{rng.choice(['core', 'kit', 'db', 'cli'])}"]
        people.append(person)
    return people


def toml_string(text):
    return json.dumps(text, ensure_ascii=False)


GITHUB_TOKEN_ENV = "VIGIL_BENCH_GITHUB_TOKEN"


def write_config(path, people, args, repos=(), api_url=None, allow_private=False):
    lines = [
        'database = "vigil.db"',
        "",
        "[poll]",
        'interval = "15m"',
        f"max_connections = {args.max_connections}",
        f"max_connections_per_host = {args.per_host}",
        f'host_gap = "{args.host_gap}"',
    ]
    if allow_private:
        # The GitHub API is on loopback, which only this lets vigil reach.
        lines.append("allow_private_addresses = true")
    lines += [
        "",
        "[log]",
        'level = "info"',
        "",
        "[[channels]]",
        'name = "file"',
        'kind = "jsonl"',
        'path = "alerts.jsonl"',
        'min_severity = "low"',
        "",
    ]
    for person in people:
        lines.append("[[people]]")
        lines.append(f"name = {toml_string(person['name'])}")
        lines.append(f"handles = [{', '.join(toml_string(h) for h in person['handles'])}]")
        if person.get("projects"):
            lines.append(f"projects = [{', '.join(toml_string(p) for p in person['projects'])}]")
        lines.append("")
    for repo in repos:
        lines += ["[[github]]", f"repo = {toml_string(repo)}", f"api_url = {toml_string(api_url)}",
                  f"token_env = {toml_string(GITHUB_TOKEN_ENV)}", ""]
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))


def write_opml(path, urls):
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0"><head><title>bench</title></head><body>\n')
        for index, url in enumerate(urls):
            handle.write(f'<outline type="rss" text="Weblog {index}" xmlUrl="{url}"/>\n')
        handle.write("</body></opml>\n")


def control(base, path, body=None):
    request = urllib.request.Request(base + path, data=body, method="POST" if body is not None else "GET")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def stop_server(server, base):
    """Asks the feed server at `base` to quit, and makes sure it has."""
    if base:
        try:
            control(base, "/_control/quit", b"")
        except Exception:
            pass
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


def write_people(work, people):
    """The watched names and handles, as feed_server.py reads them; returns the two paths."""
    names_path, handles_path = os.path.join(work, "names.json"), os.path.join(work, "handles.json")
    with open(names_path, "w", encoding="utf-8") as handle:
        json.dump([p["name"] for p in people], handle)
    with open(handles_path, "w", encoding="utf-8") as handle:
        json.dump([p["handles"][0] for p in people], handle)
    return names_path, handles_path


def server_cpu(base):
    stats = control(base, "/_control/stats")
    return stats["cpu_user"] + stats["cpu_system"], stats


TIME_FIELDS = {
    "wall": re.compile(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)"),
    "user": re.compile(r"User time \(seconds\): ([\d.]+)"),
    "sys": re.compile(r"System time \(seconds\): ([\d.]+)"),
    "rss_kb": re.compile(r"Maximum resident set size \(kbytes\): (\d+)"),
}
SUMMARY = re.compile(r"polled (\d+) feeds in ([\d.]+)s \((\d+) failed\): (\d+) entries, (\d+) new, (\d+) edited; "
                     r"(\d+) new findings, (\d+) updated; (\d+) alerts queued")


def parse_wall(text):
    seconds = 0.0
    for part in text.split(":"):
        seconds = seconds * 60 + float(part)
    return seconds


def github_counts(stats):
    """Requests the server answered as GitHub's API so far: by status, and when each came."""
    by_status = {}
    for statuses in stats["github"]["by_endpoint"].values():
        for status, count in statuses.items():
            by_status[int(status)] = by_status.get(int(status), 0) + count
    return by_status, stats["github"]["times"]


def run_cycle(vigil, config, work, label, base, niceness, timeout=900):
    cpu_before, stats_before = server_cpu(base)
    github_before, times_before = github_counts(stats_before)
    command = ["/usr/bin/time", "-v", vigil, "--config", config, "poll", "--once"]
    started = time.monotonic()
    load_before = os.getloadavg()[0]
    completed = subprocess.run(command, cwd=work, capture_output=True, text=True, timeout=timeout,
                               preexec_fn=lambda: os.nice(niceness))
    wall_outer = time.monotonic() - started
    cpu_after, stats = server_cpu(base)
    if completed.returncode != 0:
        sys.stderr.write(completed.stdout + completed.stderr)
        raise SystemExit(f"{label}: vigil poll exited with {completed.returncode}")
    with open(os.path.join(work, f"{label}.log"), "w", encoding="utf-8") as handle:
        handle.write(completed.stdout + "\n--- stderr ---\n" + completed.stderr)
    measured = {}
    for key, pattern in TIME_FIELDS.items():
        found = pattern.search(completed.stderr)
        if not found:
            raise SystemExit(f"{label}: /usr/bin/time printed no {key}")
        measured[key] = found.group(1)
    summary = SUMMARY.search(completed.stdout)
    if not summary:
        raise SystemExit(f"{label}: no summary line in vigil's output:\n{completed.stdout[:2000]}")
    feeds, cycle_s, failed, entries, new, edited, findings, updated, alerts = summary.groups()
    github_after, times = github_counts(stats)
    github = {status: count - github_before.get(status, 0) for status, count in github_after.items()}
    times = times[len(times_before):]
    result = {
        "cycle": label,
        "wall_s": parse_wall(measured["wall"]),
        "cycle_s": float(cycle_s),
        "user_s": float(measured["user"]),
        "sys_s": float(measured["sys"]),
        "rss_mb": int(measured["rss_kb"]) / 1024,
        "feeds": int(feeds),
        "failed": int(failed),
        "entries": int(entries),
        "items_new": int(new),
        "items_edited": int(edited),
        "findings_new": int(findings),
        "findings_updated": int(updated),
        "alerts": int(alerts),
        "server_cpu_s": cpu_after - cpu_before,
        "server_requests": stats["requests"],
        "github_requests": sum(github.values()),
        "github_304": github.get(304, 0),
        "github_200": github.get(200, 0),
        "github_span_s": times[-1] - times[0] if len(times) > 1 else 0.0,
        "db_mb": os.path.getsize(os.path.join(work, "vigil.db")) / 1e6,
        "wall_outer_s": wall_outer,
        "load": max(load_before, os.getloadavg()[0]),
    }
    result["cpu_s"] = result["user_s"] + result["sys_s"]
    result["cpu_per_1000"] = result["cpu_s"] / max(1, result["feeds"]) * 1000
    return result


def github_cell(r):
    if not r["github_requests"]:
        return "0"
    return f"{r['github_requests']} ({r['github_304']} × 304, {r['github_304'] / r['github_requests']:.0%})"


def table(results, with_github=False):
    head = "| cycle | wall s | in-cycle s | CPU s (user+sys) | CPU s / 1,000 feeds | peak RSS MB | feeds failed | new items | new findings | server CPU s |"
    rule = "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    if with_github:
        head += " GitHub requests | GitHub s |"
        rule += "---:|---:|"
    rows = [head, rule]
    for r in results:
        row = (f"| {r['cycle']} | {r['wall_s']:.1f} | {r['cycle_s']:.1f} | {r['user_s']:.1f}+{r['sys_s']:.1f} = {r['cpu_s']:.1f} | "
               f"{r['cpu_per_1000']:.2f} | {r['rss_mb']:.0f} | {r['failed']} | {r['items_new']} | {r['findings_new']} | {r['server_cpu_s']:.1f} |")
        if with_github:
            row += f" {github_cell(r)} | {r['github_span_s']:.1f} |"
        rows.append(row)
    return "\n".join(rows)


def comparison(worlds):
    """Each world's cycles beside the first world's, with the ratios (this world / the first)."""
    base = worlds[0]
    rows = []
    for world in worlds[1:]:
        rows += [f"{world.name} against {base.name}:", "",
                 "| cycle | wall s | ratio | CPU s / 1,000 feeds | ratio | peak RSS MB | ratio | GitHub requests | GitHub s |",
                 "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        pairs = list(zip(base.results, world.results))
        steady = pairs[1:]
        if steady:
            mean = lambda rs, key: sum(r[key] for r in rs) / len(rs)
            first, other = [b for b, _ in steady], [w for _, w in steady]
            pairs.append(({"cycle": "steady mean", **{k: mean(first, k) for k in ("wall_s", "cpu_per_1000", "rss_mb")}},
                          {"cycle": "steady mean", **{k: mean(other, k) for k in
                                                      ("wall_s", "cpu_per_1000", "rss_mb", "github_span_s")},
                           "github_requests": mean(other, "github_requests"), "github_304": mean(other, "github_304")}))
        for b, w in pairs:
            ratio = lambda key: w[key] / b[key] if b[key] else float("nan")
            requests = (f"{w['github_requests']:.0f} ({w['github_304'] / w['github_requests']:.0%} 304)"
                        if w["github_requests"] else "0")
            rows.append(f"| {w['cycle']} | {b['wall_s']:.1f} → {w['wall_s']:.1f} | {ratio('wall_s'):.2f}x | "
                        f"{b['cpu_per_1000']:.2f} → {w['cpu_per_1000']:.2f} | {ratio('cpu_per_1000'):.2f}x | "
                        f"{b['rss_mb']:.0f} → {w['rss_mb']:.0f} | {ratio('rss_mb'):.2f}x | {requests} | {w['github_span_s']:.1f} |")
        rows.append("")
    return "\n".join(rows).rstrip()


def seconds(duration):
    """A config duration such as "1s", "500ms" or "0s" in seconds."""
    found = re.fullmatch(r"([\d.]+)(ms|s|m)?", duration.strip())
    if not found:
        raise SystemExit(f"--host-gap {duration}: not a duration like 1s or 500ms")
    return float(found.group(1)) * {"ms": 0.001, "s": 1, "m": 60, None: 1}[found.group(2)]


class World:
    """One database, config and feed server: the feeds, and `repos` watched repositories, polled by `vigil`."""

    def __init__(self, args, vigil, repos, work, people, names_path, handles_path, allow_private, lifetime):
        self.args, self.vigil, self.repos, self.work = args, vigil, repos, work
        self.name = f"{repos} repositories" + (f" ({vigil})" if len(args.vigil) > 1 else "")
        self.results = []
        os.makedirs(work, exist_ok=True)
        self.timeout = 900 + 4 * repos * max(seconds(args.host_gap), 0.1)
        self.server = subprocess.Popen(
            [sys.executable, os.path.join(HERE, "feed_server.py"), "--feeds", str(args.feeds), "--hosts", str(args.hosts),
             "--people", names_path, "--handles", handles_path, "--seed", str(args.seed), "--lifetime", str(lifetime),
             "--repos", str(repos)],
            preexec_fn=lambda: os.nice(args.nice),
            stdout=subprocess.PIPE, stderr=open(os.path.join(work, "server.log"), "w"), text=True)
        self.base = None
        try:
            self.start(people, allow_private)
        except BaseException:
            self.close()
            raise

    def start(self, people, allow_private):
        args, repos, work = self.args, self.repos, self.work
        hello = json.loads(self.server.stdout.readline())
        port = hello["port"]
        self.base = f"http://127.20.0.1:{port}"
        print(f"server ({self.name}): pid {self.server.pid}, {hello['hosts']} loopback hosts on port {port}, "
              f"{hello['texts']} texts ({hello['hostile_texts']} hostile)", flush=True)
        self.config = os.path.join(work, "config.toml")
        write_config(self.config, people, args, hello["repos"], f"{self.base}/gh-api", allow_private)
        urls = [f"http://127.20.{(i % args.hosts) // 250}.{(i % args.hosts) % 250 + 1}:{port}/feeds/{i}.xml" for i in range(args.feeds)]
        opml = os.path.join(work, "feeds.opml")
        write_opml(opml, urls)
        started = time.monotonic()
        imported = subprocess.run([self.vigil, "--config", self.config, "feeds", "import", opml], cwd=work,
                                  capture_output=True, text=True, timeout=600)
        if imported.returncode != 0:
            raise SystemExit(f"feeds import failed: {imported.stdout}{imported.stderr}")
        print(f"{imported.stdout.strip()} in {time.monotonic() - started:.1f}s", flush=True)
        for statement in args.sql:
            with sqlite3.connect(os.path.join(work, "vigil.db")) as database:
                database.execute(statement)
            print(f"ran on the database: {statement}", flush=True)

    def cycle(self, number):
        label = "first (all new)" if number == 0 else f"steady {number}"
        changed, repos_changed = self.args.feeds, self.repos
        if number > 0:
            answer = control(self.base, "/_control/advance", str(self.args.changed).encode())
            changed, repos_changed = answer["changed"], answer.get("repos_changed", 0)
        result = run_cycle(self.vigil, self.config, self.work, label, self.base, self.args.nice, self.timeout)
        result["changed"] = changed
        result["repos_changed"] = repos_changed
        self.results.append(result)
        github = f", GitHub {github_cell(result)} over {result['github_span_s']:.1f}s" if self.repos else ""
        print(f"{self.name}, {label}: {result['wall_s']:.1f}s wall, {result['cpu_s']:.1f} CPU s "
              f"({result['cpu_per_1000']:.2f} per 1,000 feeds), {result['rss_mb']:.0f} MB peak RSS, "
              f"{result['failed']} failed, {result['items_new']} new items, {result['findings_new']} new findings, "
              f"server {result['server_cpu_s']:.1f} CPU s{github}", flush=True)

    def close(self):
        stop_server(self.server, self.base)

    def summary(self):
        results, steady = self.results, self.results[1:]
        lines = [table(results, with_github=any(r["github_requests"] for r in results))]
        if steady:
            worst = max(steady, key=lambda r: r["wall_s"])
            lines += ["", f"steady state: mean {sum(r['wall_s'] for r in steady) / len(steady):.1f}s wall "
                          f"(worst {worst['wall_s']:.1f}s), mean {sum(r['cpu_per_1000'] for r in steady) / len(steady):.2f} CPU s per 1,000 feeds, "
                          f"peak RSS {max(r['rss_mb'] for r in steady):.0f} MB; database {results[-1]['db_mb']:.0f} MB"]
            if self.repos:
                requests = sum(r["github_requests"] for r in steady)
                not_modified = sum(r["github_304"] for r in steady)
                lines[-1] += (f"; GitHub {requests / len(steady):.0f} requests a cycle, "
                              f"{not_modified / max(1, requests):.0%} of them 304")
        return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", default="/tmp/vigil-daemon-bench")
    parser.add_argument("--vigil", action="append",
                        help="the binary to run (default .build/release/vigil); given more than once, each runs its "
                             "own worlds, side by side with the first")
    parser.add_argument("--feeds", type=int, default=10_000)
    parser.add_argument("--hosts", type=int, default=2_000, help="distinct loopback addresses the feeds are spread over")
    parser.add_argument("--people", type=int, default=50)
    parser.add_argument("--cycles", type=int, default=4, help="steady-state cycles after the first")
    parser.add_argument("--changed", type=float, default=0.1,
                        help="share of feeds with a new entry per cycle, and of repositories with a new comment")
    parser.add_argument("--repos", type=int, nargs="+", default=[0],
                        help="GitHub repositories to watch; several values run one world each, side by side")
    parser.add_argument("--max-connections", type=int, default=32)
    parser.add_argument("--per-host", type=int, default=2)
    parser.add_argument("--host-gap", default="1s")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sql", action="append", default=[],
                        help="SQL run on each database after the import, before the first cycle: to measure a store "
                             "change such as an index without a rebuild (repeatable)")
    parser.add_argument("--markdown", help="also write the table to this file")
    parser.add_argument("--nice", type=int, default=0,
                        help="niceness of vigil and the server; a negative one (root only) keeps other work on a "
                             "shared machine from stretching the wall times")
    args = parser.parse_args()
    args.vigil = [os.path.abspath(v) for v in args.vigil or [os.path.join(ROOT, ".build", "release", "vigil")]]

    for vigil in args.vigil:
        if not os.access(vigil, os.X_OK):
            raise SystemExit(f"no vigil binary at {vigil}: run `swift build -c release --product vigil` first")
    if len(set(args.vigil)) != len(args.vigil):
        parser.error("--vigil takes distinct binaries")
    if not os.access("/usr/bin/time", os.X_OK):
        raise SystemExit("/usr/bin/time is missing: apt-get install time")
    if len(set(args.repos)) != len(args.repos) or min(args.repos) < 0:
        parser.error("--repos takes distinct counts, 0 or more")
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    people = make_people(args.people, args.seed)
    names_path, handles_path = write_people(args.work, people)
    # The API token is fake: the loopback server reads none, vigil only needs one to send.
    os.environ[GITHUB_TOKEN_ENV] = "bench-token-for-the-loopback-api"
    allow_private = max(args.repos) > 0
    # Every server lives until the last world's last cycle, and no longer than that could take.
    lifetime = len(args.vigil) * (1800 * len(args.repos) + (args.cycles + 1) * sum(
        4 * r * max(seconds(args.host_gap), 0.1) for r in args.repos))

    worlds = []
    try:
        for number, vigil in enumerate(args.vigil):
            for repos in args.repos:
                work = args.work
                if len(args.vigil) > 1:
                    work = os.path.join(work, f"vigil-{number + 1}")
                if len(args.repos) > 1:
                    work = os.path.join(work, f"repos-{repos}")
                worlds.append(World(args, vigil, repos, work, people, names_path, handles_path, allow_private, lifetime))
        for number in range(args.cycles + 1):
            # Alternately first, so that neither world always runs after the other.
            for world in (worlds if number % 2 == 0 else worlds[::-1]):
                world.cycle(number)
    finally:
        for world in worlds:
            world.close()

    results = [r for world in worlds for r in world.results]
    lines = [
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}",
        f"feeds: {args.feeds} over {args.hosts} loopback hosts; people: {args.people}; "
        f"changed per cycle: {args.changed:.0%}; max_connections {args.max_connections}, "
        f"max_connections_per_host {args.per_host}, host_gap {args.host_gap}; niceness {os.nice(0) + args.nice}; "
        f"load average during the cycles {min(r['load'] for r in results):.1f} to {max(r['load'] for r in results):.1f}",
    ]
    if allow_private:
        lines[-1] += "; allow_private_addresses on"
    for statement in args.sql:
        lines[-1] += f"; before the first cycle: {statement}"
    for world in worlds:
        if len(worlds) > 1:
            lines += ["", f"{world.name}:"]
        lines += ["", world.summary()]
    if len(worlds) > 1:
        lines += ["", comparison(worlds)]
    text = "\n".join(lines)
    print("\n" + text)
    with open(os.path.join(args.work, "results.json"), "w", encoding="utf-8") as handle:
        json.dump(results if len(worlds) == 1 else {(w.name if len(args.vigil) > 1 else str(w.repos)): w.results for w in worlds}, handle, indent=2)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")


if __name__ == "__main__":
    main()
