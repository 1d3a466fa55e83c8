#!/usr/bin/env python3
"""Daemon steady state: `vigil poll --once` over 10,000 loopback feeds.

Starts feed_server.py (the feeds spread over distinct 127.20.x.y addresses, so
per-host politeness sees many hosts and runs with its defaults), creates a
database with the feeds and a watchlist of 50 people, runs one cycle where
everything is new, then steady-state cycles where 10 % of the feeds carry one
new entry and the rest answer 304. Each cycle runs under /usr/bin/time -v;
the server's CPU time is read from the server itself, so the two are apart.

Usage (from the package root, after `swift build -c release --product vigil`):
    python3 Benchmarks/daemon/bench.py [--work DIR] [--feeds 10000] [--hosts 2000]
        [--cycles 4] [--changed 0.1] [--host-gap 1s] [--per-host 2] [--markdown FILE]

Everything listens on and talks to loopback addresses only.
"""
import argparse
import json
import os
import platform
import random
import re
import shutil
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


def write_config(path, people, args):
    lines = [
        'database = "vigil.db"',
        "",
        "[poll]",
        'interval = "15m"',
        f"max_connections = {args.max_connections}",
        f"max_connections_per_host = {args.per_host}",
        f'host_gap = "{args.host_gap}"',
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


def run_cycle(vigil, config, work, label, base, niceness):
    cpu_before, _ = server_cpu(base)
    command = ["/usr/bin/time", "-v", vigil, "--config", config, "poll", "--once"]
    started = time.monotonic()
    load_before = os.getloadavg()[0]
    completed = subprocess.run(command, cwd=work, capture_output=True, text=True, timeout=900,
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
        "db_mb": os.path.getsize(os.path.join(work, "vigil.db")) / 1e6,
        "wall_outer_s": wall_outer,
        "load": max(load_before, os.getloadavg()[0]),
    }
    result["cpu_s"] = result["user_s"] + result["sys_s"]
    result["cpu_per_1000"] = result["cpu_s"] / max(1, result["feeds"]) * 1000
    return result


def table(results):
    rows = ["| cycle | wall s | in-cycle s | CPU s (user+sys) | CPU s / 1,000 feeds | peak RSS MB | feeds failed | new items | new findings | server CPU s |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        rows.append(f"| {r['cycle']} | {r['wall_s']:.1f} | {r['cycle_s']:.1f} | {r['user_s']:.1f}+{r['sys_s']:.1f} = {r['cpu_s']:.1f} | "
                    f"{r['cpu_per_1000']:.2f} | {r['rss_mb']:.0f} | {r['failed']} | {r['items_new']} | {r['findings_new']} | {r['server_cpu_s']:.1f} |")
    return "\n".join(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", default="/tmp/vigil-daemon-bench")
    parser.add_argument("--vigil", default=os.path.join(ROOT, ".build", "release", "vigil"))
    parser.add_argument("--feeds", type=int, default=10_000)
    parser.add_argument("--hosts", type=int, default=2_000, help="distinct loopback addresses the feeds are spread over")
    parser.add_argument("--people", type=int, default=50)
    parser.add_argument("--cycles", type=int, default=4, help="steady-state cycles after the first")
    parser.add_argument("--changed", type=float, default=0.1, help="share of feeds with a new entry per cycle")
    parser.add_argument("--max-connections", type=int, default=32)
    parser.add_argument("--per-host", type=int, default=2)
    parser.add_argument("--host-gap", default="1s")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--markdown", help="also write the table to this file")
    parser.add_argument("--nice", type=int, default=0,
                        help="niceness of vigil and the server; a negative one (root only) keeps other work on a "
                             "shared machine from stretching the wall times")
    args = parser.parse_args()
    args.vigil = os.path.abspath(args.vigil)

    if not os.access(args.vigil, os.X_OK):
        raise SystemExit(f"no vigil binary at {args.vigil}: run `swift build -c release --product vigil` first")
    if not os.access("/usr/bin/time", os.X_OK):
        raise SystemExit("/usr/bin/time is missing: apt-get install time")
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    people = make_people(args.people, args.seed)
    names_path = os.path.join(args.work, "names.json")
    with open(names_path, "w", encoding="utf-8") as handle:
        json.dump([p["name"] for p in people], handle)
    config = os.path.join(args.work, "config.toml")
    write_config(config, people, args)

    server = subprocess.Popen(
        [sys.executable, os.path.join(HERE, "feed_server.py"), "--feeds", str(args.feeds), "--hosts", str(args.hosts),
         "--people", names_path, "--seed", str(args.seed), "--lifetime", "1800"],
        preexec_fn=lambda: os.nice(args.nice),
        stdout=subprocess.PIPE, stderr=open(os.path.join(args.work, "server.log"), "w"), text=True)
    try:
        hello = json.loads(server.stdout.readline())
        port = hello["port"]
        base = f"http://127.20.0.1:{port}"
        print(f"server: pid {server.pid}, {hello['hosts']} loopback hosts on port {port}, "
              f"{hello['texts']} texts ({hello['hostile_texts']} hostile)", flush=True)
        urls = [f"http://127.20.{(i % args.hosts) // 250}.{(i % args.hosts) % 250 + 1}:{port}/feeds/{i}.xml" for i in range(args.feeds)]
        opml = os.path.join(args.work, "feeds.opml")
        write_opml(opml, urls)
        started = time.monotonic()
        imported = subprocess.run([args.vigil, "--config", config, "feeds", "import", opml], cwd=args.work,
                                  capture_output=True, text=True, timeout=600)
        if imported.returncode != 0:
            raise SystemExit(f"feeds import failed: {imported.stdout}{imported.stderr}")
        print(f"{imported.stdout.strip()} in {time.monotonic() - started:.1f}s", flush=True)

        results = []
        for cycle in range(args.cycles + 1):
            label = "first (all new)" if cycle == 0 else f"steady {cycle}"
            if cycle > 0:
                changed = control(base, "/_control/advance", str(args.changed).encode())["changed"]
            result = run_cycle(args.vigil, config, args.work, label, base, args.nice)
            result["changed"] = args.feeds if cycle == 0 else changed
            results.append(result)
            print(f"{label}: {result['wall_s']:.1f}s wall, {result['cpu_s']:.1f} CPU s "
                  f"({result['cpu_per_1000']:.2f} per 1,000 feeds), {result['rss_mb']:.0f} MB peak RSS, "
                  f"{result['failed']} failed, {result['items_new']} new items, {result['findings_new']} new findings, "
                  f"server {result['server_cpu_s']:.1f} CPU s, requests so far {result['server_requests']}", flush=True)
    finally:
        try:
            control(f"http://127.20.0.1:{port}", "/_control/quit", b"")
        except Exception:
            pass
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()

    steady = results[1:]
    lines = [
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}",
        f"feeds: {args.feeds} over {args.hosts} loopback hosts; people: {args.people}; "
        f"changed per cycle: {args.changed:.0%}; max_connections {args.max_connections}, "
        f"max_connections_per_host {args.per_host}, host_gap {args.host_gap}; niceness {args.nice}; "
        f"load average during the cycles {min(r['load'] for r in results):.1f} to {max(r['load'] for r in results):.1f}",
        "",
        table(results),
    ]
    if steady:
        worst = max(steady, key=lambda r: r["wall_s"])
        lines += ["", f"steady state: mean {sum(r['wall_s'] for r in steady) / len(steady):.1f}s wall "
                      f"(worst {worst['wall_s']:.1f}s), mean {sum(r['cpu_per_1000'] for r in steady) / len(steady):.2f} CPU s per 1,000 feeds, "
                      f"peak RSS {max(r['rss_mb'] for r in steady):.0f} MB; database {results[-1]['db_mb']:.0f} MB"]
    text = "\n".join(lines)
    print("\n" + text)
    with open(os.path.join(args.work, "results.json"), "w", encoding="utf-8") as handle:
        json.dump(results, handle, indent=2)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")


if __name__ == "__main__":
    main()
