#!/usr/bin/env python3
"""One SQLite worker against one, two and three PostgreSQL workers on the same feeds.

Each world is the daemon benchmark's (bench.py): its own feed_server.py with the
same seed, so the same loopback feeds and the same changes per cycle, and its
own database: a SQLite file, or a database of one throwaway PostgreSQL cluster
this script starts (initdb in the work folder, loopback only, with
pg_stat_statements loaded to count the statements vigil sends). Before each steady
cycle every feed is made due again (workers on PostgreSQL poll due feeds only).
A cycle of a world with N workers starts N `vigil poll --once` processes at once and ends
when the last exits; its CPU time is theirs summed, the database server's CPU
is read from /proc (PostgreSQL's backends are children of its postmaster), and
"statements per feed" is pg_stat_statements' count over the feeds polled. The
worlds run their cycles alternately, so that they share the machine's load.

Usage (after `swift build -c release --product vigil`):
    python3 Benchmarks/daemon/workers.py [--vigil BINARY] [--feeds 10000] [--cycles 3] [--workers 1 2 3]

Needs PostgreSQL's server binaries (Debian's postgresql) and GNU time.
"""
import argparse
import glob
import json
import os
import platform
import pwd
import shutil
import sqlite3
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench  # noqa: E402  (the daemon benchmark's world, config and parsing)

TICKS = os.sysconf("SC_CLK_TCK")


class Cluster:
    """A PostgreSQL server in `folder`, on a free loopback port, run as `postgres` when this runs as root."""

    def __init__(self, folder):
        versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
        if not versions:
            raise SystemExit("PostgreSQL is not installed: apt-get install postgresql")
        self.bin = os.path.dirname(versions[-1])
        self.folder = folder
        os.makedirs(folder, exist_ok=True)
        self.as_user = []
        if os.geteuid() == 0:
            self.as_user = ["/usr/sbin/runuser", "-u", "postgres", "--"]
            postgres = pwd.getpwnam("postgres")
            os.chown(folder, postgres.pw_uid, postgres.pw_gid)
        with __import__("socket").socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        data = os.path.join(folder, "data")
        self.run("initdb", "-D", data, "-A", "trust", "-U", "vigil", "--no-sync")
        self.run("pg_ctl", "-D", data, "-l", os.path.join(folder, "server.log"), "-w", "start", "-o",
                 f"-p {self.port} -k {folder} -c listen_addresses=127.0.0.1 -c shared_preload_libraries=pg_stat_statements "
                 f"-c max_connections=200 -c fsync=on")
        with open(os.path.join(data, "postmaster.pid")) as handle:
            self.pid = int(handle.readline())

    def run(self, name, *arguments, capture=False):
        return subprocess.run(self.as_user + [os.path.join(self.bin, name), *arguments], check=True,
                              capture_output=True, text=True).stdout

    def sql(self, database, statement):
        return self.run("psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "vigil", "-d", database, "-At", "-c", statement).strip()

    def url(self, database):
        return f"postgresql://vigil@127.0.0.1:{self.port}/{database}?sslmode=disable"

    def cpu(self):
        """The server's CPU seconds so far: the postmaster, its reaped backends and those alive."""
        total = 0
        for pid in [self.pid] + [int(p) for p in open(f"/proc/{self.pid}/task/{self.pid}/children").read().split()]:
            try:
                fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            except FileNotFoundError:
                continue
            total += sum(int(v) for v in fields[11:13])
            if pid == self.pid:
                total += sum(int(v) for v in fields[13:15])
        return total / TICKS

    def stop(self):
        subprocess.run(self.as_user + [os.path.join(self.bin, "pg_ctl"), "-D", os.path.join(self.folder, "data"),
                                       "-m", "fast", "-w", "stop"], capture_output=True)


class Workers:
    """A feed world polled by `count` workers, on PostgreSQL (a `cluster`) or, with none, SQLite."""

    def __init__(self, args, count, cluster, work, people, names_path, handles_path):
        self.args, self.count, self.cluster, self.work = args, count, cluster, work
        self.name = f"{count} PostgreSQL worker{'s' if count > 1 else ''}" if cluster else "1 SQLite worker"
        self.results = []
        os.makedirs(work, exist_ok=True)
        self.database = f"bench_{count}" if cluster else None
        if cluster:
            cluster.run("createdb", "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "vigil", self.database)
            cluster.sql(self.database, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
        self.server = subprocess.Popen(
            [sys.executable, os.path.join(HERE, "feed_server.py"), "--feeds", str(args.feeds), "--hosts", str(args.hosts),
             "--people", names_path, "--handles", handles_path, "--seed", str(args.seed), "--lifetime", "7200", "--repos", "0"],
            stdout=subprocess.PIPE, stderr=open(os.path.join(work, "server.log"), "w"), text=True)
        hello = json.loads(self.server.stdout.readline())
        port = hello["port"]
        self.base = f"http://127.20.0.1:{port}"
        self.config = os.path.join(work, "config.toml")
        bench.write_config(self.config, people, args)
        if cluster:
            with open(self.config, encoding="utf-8") as handle:
                text = handle.read().replace('database = "vigil.db"', f'database = "{cluster.url(self.database)}"', 1)
            with open(self.config, "w", encoding="utf-8") as handle:
                handle.write(text)
        urls = [f"http://127.20.{(i % args.hosts) // 250}.{(i % args.hosts) % 250 + 1}:{port}/feeds/{i}.xml" for i in range(args.feeds)]
        opml = os.path.join(work, "feeds.opml")
        bench.write_opml(opml, urls)
        imported = subprocess.run([args.vigil, "--config", self.config, "feeds", "import", opml], cwd=work,
                                  capture_output=True, text=True, timeout=900)
        if imported.returncode != 0:
            raise SystemExit(f"{self.name}: feeds import failed: {imported.stdout}{imported.stderr}")
        print(f"{self.name}: {imported.stdout.strip()}", flush=True)

    def statements(self):
        if not self.cluster:
            return 0
        return int(self.cluster.sql(self.database, "SELECT COALESCE(SUM(calls), 0) FROM pg_stat_statements "
                                                   "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())") or 0)

    def cycle(self, number):
        label = "first (all new)" if number == 0 else f"steady {number}"
        if number > 0:
            bench.control(self.base, "/_control/advance", str(self.args.changed).encode())
            # Every feed due again, in every world: workers on PostgreSQL poll
            # due feeds only (they share one schedule), and a cycle here is a
            # pass over all of them.
            due = "UPDATE feeds SET next_poll_at = '2000-01-01 00:00:00.000'"
            if self.cluster:
                self.cluster.sql(self.database, due)
            else:
                with sqlite3.connect(os.path.join(self.work, "vigil.db")) as database:
                    database.execute(due)
        server_before = self.cluster.cpu() if self.cluster else 0.0
        statements_before = self.statements()
        started = time.monotonic()
        processes = [subprocess.Popen(["/usr/bin/time", "-v", self.args.vigil, "--config", self.config, "poll", "--once"],
                                      cwd=self.work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for _ in range(self.count)]
        outputs = [process.communicate(timeout=1800) for process in processes]
        wall = time.monotonic() - started
        result = {"cycle": label, "wall_s": wall, "cpu_s": 0.0, "rss_mb": 0.0, "feeds": 0, "failed": 0, "items_new": 0,
                  "findings_new": 0, "shares": []}
        for process, (out, err) in zip(processes, outputs):
            if process.returncode != 0:
                raise SystemExit(f"{self.name}, {label}: a worker exited with {process.returncode}:\n{out}{err[-3000:]}")
            summary = bench.SUMMARY.search(out)
            if not summary:
                raise SystemExit(f"{self.name}, {label}: no summary line:\n{out[:2000]}")
            feeds, _, failed, _, new, _, findings, _, _ = summary.groups()
            user = float(bench.TIME_FIELDS["user"].search(err).group(1))
            system = float(bench.TIME_FIELDS["sys"].search(err).group(1))
            result["cpu_s"] += user + system
            result["rss_mb"] = max(result["rss_mb"], int(bench.TIME_FIELDS["rss_kb"].search(err).group(1)) / 1024)
            result["feeds"] += int(feeds)
            result["failed"] += int(failed)
            result["items_new"] += int(new)
            result["findings_new"] += int(findings)
            result["shares"].append(int(feeds))
        result["server_cpu_s"] = (self.cluster.cpu() - server_before) if self.cluster else 0.0
        result["statements"] = self.statements() - statements_before
        result["cpu_per_1000"] = result["cpu_s"] / max(1, result["feeds"]) * 1000
        result["total_cpu_per_1000"] = (result["cpu_s"] + result["server_cpu_s"]) / max(1, result["feeds"]) * 1000
        result["statements_per_feed"] = result["statements"] / max(1, result["feeds"])
        self.results.append(result)
        print(f"{self.name}, {label}: {wall:.1f}s wall, {result['feeds']} feeds {result['shares']}, "
              f"{result['cpu_per_1000']:.2f} vigil CPU s + {result['server_cpu_s']:.1f} database CPU s, "
              f"{result['statements_per_feed']:.1f} statements per feed, {result['findings_new']} new findings", flush=True)

    def close(self):
        bench.stop_server(self.server, self.base)


def table(worlds):
    rows = ["| world | cycle | wall s | feeds per worker | vigil CPU s / 1,000 feeds | database CPU s | all CPU s / 1,000 feeds | "
            "statements / feed | peak RSS MB (one worker) | new findings |",
            "|---|---|---:|---|---:|---:|---:|---:|---:|---:|"]
    for world in worlds:
        for r in world.results:
            statements = f"{r['statements_per_feed']:.1f}" if world.cluster else "in process"
            rows.append(f"| {world.name} | {r['cycle']} | {r['wall_s']:.1f} | {' + '.join(map(str, r['shares']))} | "
                        f"{r['cpu_per_1000']:.2f} | {r['server_cpu_s']:.1f} | {r['total_cpu_per_1000']:.2f} | {statements} | "
                        f"{r['rss_mb']:.0f} | {r['findings_new']} |")
    base = worlds[0]
    rows += ["", "| world | steady wall s (mean) | against SQLite | all CPU s / 1,000 feeds (steady mean) | against SQLite |",
             "|---|---:|---:|---:|---:|"]
    mean = lambda world, key: sum(r[key] for r in world.results[1:]) / max(1, len(world.results) - 1)
    for world in worlds:
        rows.append(f"| {world.name} | {mean(world, 'wall_s'):.1f} | {mean(world, 'wall_s') / mean(base, 'wall_s'):.2f}x | "
                    f"{mean(world, 'total_cpu_per_1000'):.2f} | "
                    f"{mean(world, 'total_cpu_per_1000') / mean(base, 'total_cpu_per_1000'):.2f}x |")
    return "\n".join(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vigil", default=os.path.join(bench.ROOT, ".build", "release", "vigil"))
    parser.add_argument("--work", default="/tmp/vigil-workers-bench")
    parser.add_argument("--feeds", type=int, default=10_000)
    parser.add_argument("--hosts", type=int, default=2_000)
    parser.add_argument("--people", type=int, default=50)
    parser.add_argument("--cycles", type=int, default=3, help="steady-state cycles after the first")
    parser.add_argument("--changed", type=float, default=0.1)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 3], help="PostgreSQL worlds, by workers")
    parser.add_argument("--max-connections", type=int, default=32)
    parser.add_argument("--per-host", type=int, default=2)
    parser.add_argument("--host-gap", default="1s")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--markdown")
    args = parser.parse_args()
    args.vigil = os.path.abspath(args.vigil)
    if not os.access(args.vigil, os.X_OK):
        raise SystemExit(f"no vigil binary at {args.vigil}: run `swift build -c release --product vigil` first")
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    people = bench.make_people(args.people, args.seed)
    names_path, handles_path = bench.write_people(args.work, people)

    cluster = Cluster(os.path.join(args.work, "postgresql"))
    worlds = []
    try:
        worlds.append(Workers(args, 1, None, os.path.join(args.work, "sqlite"), people, names_path, handles_path))
        for count in args.workers:
            worlds.append(Workers(args, count, cluster, os.path.join(args.work, f"pg-{count}"), people, names_path, handles_path))
        for number in range(args.cycles + 1):
            for world in (worlds if number % 2 == 0 else worlds[::-1]):
                world.cycle(number)
    finally:
        for world in worlds:
            world.close()
        cluster.stop()
    text = "\n".join([
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}",
        f"feeds: {args.feeds} over {args.hosts} loopback hosts; people: {args.people}; changed per cycle: {args.changed:.0%}; "
        f"max_connections {args.max_connections}, max_connections_per_host {args.per_host}, host_gap {args.host_gap}",
        "", table(worlds)])
    print("\n" + text)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")


if __name__ == "__main__":
    main()
