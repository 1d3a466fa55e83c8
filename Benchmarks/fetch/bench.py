#!/usr/bin/env python3
"""One poll cycle over N feeds on loopback: vigil's fetcher next to curl and Python.

Writes N small RSS files (sizes spread from 2 KiB to 40 KiB), serves them with
nginx from Debian (static files, ETag and 304 handled by nginx) on 64 loopback
addresses (127.0.0.1 to 127.0.0.64, as if the feeds lived on 64 sites), and
fetches every one of them once with each client, half of them with the ETag
nginx gave, so half the answers are 304:

  vigil     the FetchBenchmark binary (FeedFetcher: 32 transfers, 2 per host, gzip
            and conditional GET as in the daemon; only the per-host gap is off)
  curl      curl --parallel --parallel-max 32 over the same URLs and ETags, to /dev/null
  python    32 threads of http.client with keep-alive connections (the standard library)
  baseline  with --baseline BINARY: another FetchBenchmark build, to compare two versions
            of the fetcher side by side in one run

Each client runs as a child process; wall time, CPU seconds (user + system) and
peak RSS come from wait4. Ratios are against vigil. With no nginx it falls back to
Tests/Servers/loopback_server.py, which is then the bottleneck (said in the output).

Usage (from the package root):
    apt-get install nginx-light   # or nginx
    swift build -c release --product FetchBenchmark
    python3 Benchmarks/fetch/bench.py [--feeds 5000] [--repeats 3] [--work DIR] [--baseline BINARY]
"""
import argparse
import concurrent.futures
import http.client
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from urllib.parse import urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
HOSTS = [f"127.0.0.{i}" for i in range(1, 65)]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_feeds(directory, count):
    random.seed(7)
    os.makedirs(directory, exist_ok=True)
    words = "maintainer release patch review merge agent gatekeeping project thanks issue".split()
    for index in range(count):
        path = os.path.join(directory, f"{index}.xml")
        if os.path.exists(path):
            continue
        items = []
        for item in range(random.randint(3, 60)):
            text = " ".join(random.choice(words) for _ in range(random.randint(20, 90)))
            items.append(f"<item><title>Post {item}</title><link>https://site{index}.example/{item}</link>"
                         f"<guid>{index}-{item}</guid><description>{text}</description></item>")
        with open(path, "w") as handle:
            handle.write(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {index}</title>'
                         f'{"".join(items)}</channel></rss>\n')


def nginx_etag(path):
    st = os.stat(path)
    return '"%x-%x"' % (int(st.st_mtime), st.st_size)


def start_nginx(work, feeds_dir, port):
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
    if not nginx:
        return None
    conf = os.path.join(work, "nginx.conf")
    listens = "\n".join(f"    listen {host}:{port} reuseport;" for host in HOSTS)
    with open(conf, "w") as handle:
        handle.write(f"""
worker_processes 1;
daemon off;
error_log {work}/nginx-error.log warn;
pid {work}/nginx.pid;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {work}/tmp;
  proxy_temp_path {work}/tmp;
  fastcgi_temp_path {work}/tmp;
  uwsgi_temp_path {work}/tmp;
  scgi_temp_path {work}/tmp;
  types {{ application/rss+xml xml; }}
  keepalive_requests 100000;
  gzip on;
  gzip_types application/rss+xml;
  gzip_min_length 256;
  server {{
{listens}
    root {feeds_dir};
  }}
}}
""")
    os.makedirs(os.path.join(work, "tmp"), exist_ok=True)
    process = subprocess.Popen([nginx, "-c", conf, "-p", work], stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    return None


def start_python_server(work, feeds_dir, port_holder):
    routes = [{"path": f"/{name}", "body_file": os.path.join(feeds_dir, name), "etag": f'"{name}"'}
              for name in os.listdir(feeds_dir)]
    routes_file = os.path.join(work, "routes.json")
    with open(routes_file, "w") as handle:
        json.dump(routes, handle)
    process = subprocess.Popen([sys.executable, os.path.join(ROOT, "Tests/Servers/loopback_server.py"),
                                "--routes", routes_file], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    port_holder.append(json.loads(process.stdout.readline())["port"])
    return process


def run_child(command, stdout=subprocess.PIPE):
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE)
    out = process.stdout.read() if stdout == subprocess.PIPE else b""
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    err = process.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{command[0]} failed: {err.decode(errors='replace')[-500:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024, "out": out}


def python_client(list_file, threads):
    """The Python reference: a pool of threads, each with keep-alive connections per host."""
    with open(list_file) as handle:
        jobs = [line.rstrip("\n").split("\t") for line in handle if line.strip()]
    local = threading.local()
    counts = {"fetched": 0, "not_modified": 0, "failed": 0}
    lock = threading.Lock()

    def fetch(job):
        url, etag = job[0], (job[1] if len(job) > 1 else "")
        parts = urlsplit(url)
        connections = getattr(local, "connections", None)
        if connections is None:
            connections = local.connections = {}
        headers = {"Accept-Encoding": "gzip", "User-Agent": "python-reference"}
        if etag:
            headers["If-None-Match"] = etag
        for attempt in range(2):
            connection = connections.get(parts.netloc)
            if connection is None:
                connection = connections[parts.netloc] = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            try:
                connection.request("GET", parts.path, headers=headers)
                response = connection.getresponse()
                body = response.read()
                if response.getheader("Content-Encoding") == "gzip":
                    import gzip
                    body = gzip.decompress(body)
                key = "not_modified" if response.status == 304 else "fetched" if response.status == 200 else "failed"
                break
            except (http.client.HTTPException, OSError):
                connection.close()
                connections.pop(parts.netloc, None)
                key = "failed"
        with lock:
            counts[key] += 1

    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        list(pool.map(fetch, jobs))
    counts["seconds"] = time.perf_counter() - start
    print(json.dumps(counts))


def main():
    parser = argparse.ArgumentParser(description="fetch benchmark: vigil, curl, Python")
    parser.add_argument("--feeds", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "vigil-fetch-bench"))
    parser.add_argument("--baseline", metavar="BINARY",
                        help="another FetchBenchmark build (say, of the previous main) run alongside, as 'baseline'")
    parser.add_argument("--python-client", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.python_client:
        return python_client(args.python_client, 32)

    binary = os.path.join(ROOT, ".build/release/FetchBenchmark")
    if not os.path.exists(binary):
        raise SystemExit("build it first: swift build -c release --product FetchBenchmark")
    work = args.work
    feeds_dir = os.path.join(work, "feeds")
    write_feeds(feeds_dir, args.feeds)

    port = free_port()
    server = start_nginx(work, feeds_dir, port)
    server_name = "nginx"
    hosts = HOSTS
    if server is None:
        holder = []
        server = start_python_server(work, feeds_dir, holder)
        port = holder[0]
        server_name = "python loopback server (no nginx: the server is the bottleneck)"
        hosts = ["127.0.0.1"]
    try:
        lines, curl_config = [], []
        for index in range(args.feeds):
            url = f"http://{hosts[index % len(hosts)]}:{port}/{index}.xml"
            etag = (nginx_etag(os.path.join(feeds_dir, f"{index}.xml")) if server_name == "nginx" else f'"{index}.xml"') \
                if index % 2 == 0 else ""
            lines.append(f"{url}\t{etag}")
            curl_config.append(f'url = "{url}"\noutput = "/dev/null"\ncompressed\nwrite-out = "%{{http_code}}\\n"\n'
                               + (f"header = \"If-None-Match: {etag.replace(chr(34), chr(92) + chr(34))}\"\n" if etag else ""))
        list_file = os.path.join(work, "feeds.tsv")
        with open(list_file, "w") as handle:
            handle.write("\n".join(lines) + "\n")
        curl_file = os.path.join(work, "curl.conf")
        with open(curl_file, "w") as handle:
            handle.write("next\n".join(curl_config))

        # A check that the setup answers as described: one 200 and one 304.
        probe = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H",
                                f"If-None-Match: {lines[0].split(chr(9))[1]}", lines[0].split("\t")[0]],
                               capture_output=True, text=True).stdout
        if server_name == "nginx" and probe != "304":
            raise SystemExit(f"expected a 304 from nginx for a matching ETag, got {probe}")

        clients = {
            "vigil": [binary, list_file],
            "curl": ["curl", "--parallel", "--parallel-max", "32", "-s", "-K", curl_file],
            "python": [sys.executable, os.path.abspath(__file__), "--python-client", list_file],
        }
        if args.baseline:
            # Runs interleaved with the others, so both builds see the same machine.
            clients = {"vigil": clients["vigil"], "baseline": [args.baseline, list_file],
                       **{name: command for name, command in clients.items() if name != "vigil"}}
        results = {name: [] for name in clients}
        for repeat in range(args.repeats):
            order = list(clients.items())
            if args.baseline and repeat % 2 == 1:
                # Each build goes first every other time, so neither inherits the other's sockets.
                order[0], order[1] = order[1], order[0]
            for name, command in order:
                run = run_child(command, stdout=subprocess.PIPE)
                if name == "curl":
                    codes = run["out"].decode().split()
                    run["report"] = {"fetched": codes.count("200"), "not_modified": codes.count("304"),
                                     "failed": len(codes) - codes.count("200") - codes.count("304")}
                else:
                    run["report"] = json.loads(run["out"])
                results[name].append(run)

        print(f"{args.feeds} feeds over {len(hosts)} loopback host(s), half answering 304, served by {server_name}; "
              f"best of {args.repeats} runs (by wall time)\n")
        print(f"{'client':<8} {'wall s':>8} {'feeds/s':>9} {'CPU s':>7} {'peak RSS MB':>12} {'wall vs vigil':>14}  outcome")
        best = {name: min(runs, key=lambda r: r["wall"]) for name, runs in results.items()}
        for name, run in best.items():
            report = run.get("report", {})
            outcome = (f"{report.get('fetched')} fetched, {report.get('not_modified')} not modified, "
                       f"{report.get('failed')} failed")
            print(f"{name:<8} {run['wall']:>8.3f} {args.feeds / run['wall']:>9.0f} {run['cpu']:>7.2f} "
                  f"{run['rss_mb']:>12.1f} {run['wall'] / best['vigil']['wall']:>13.2f}x  {outcome}")
        summary = {name: {"wall": round(run["wall"], 4), "cpu": round(run["cpu"], 3), "rss_mb": round(run["rss_mb"], 1),
                          "feeds_per_s": round(args.feeds / run["wall"])} for name, run in best.items()}
        print("\n" + json.dumps(summary, sort_keys=True))
    finally:
        if isinstance(server, subprocess.Popen):
            if server.stdin:
                server.stdin.close()
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
