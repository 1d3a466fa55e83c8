"""Parser throughput, side by side in one run: vigil, sfeed (C) and Python feedparser.

    swift build -c release --product vigil
    python3 make_corpus.py /tmp/vigil-corpus
    python3 run_benchmark.py /tmp/vigil-corpus [--vigil .build/release/vigil] [--feedparser-megabytes 20] [--runs 3]

vigil runs `vigil parse --stats CORPUS_DIR` over every file (decode, parse, and HTML-to-text
of every entry, one process, one feed in memory at a time). sfeed reads the
corpus concatenated on stdin (one process; it does not decode encodings or
strip HTML). feedparser parses each file in one Python process; on a large
corpus it can be limited to a deterministic subset (every k-th file), since
its throughput, not its total time, is what is compared.

Reports MB/s, entries/s and peak resident memory of each, and vigil's ratios.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))




def run_measured(command, stdin_path=None, stdin_text=None):
    """Runs a command under /usr/bin/time; returns (stdout path, wall s, peak RSS MB, CPU s).

    /usr/bin/time reports the command's own peak resident set; a child forked straight
    from this Python process would report the parent's memory as its own.
    """
    stdin = open(stdin_path, "rb") if stdin_path else (subprocess.PIPE if stdin_text is not None else subprocess.DEVNULL)
    out = tempfile.NamedTemporaryFile(delete=False)
    report = tempfile.NamedTemporaryFile(delete=False)
    report.close()
    start = time.perf_counter()
    process = subprocess.Popen(["/usr/bin/time", "-f", "%M %U %S", "-o", report.name] + command,
                               stdin=stdin, stdout=out, stderr=subprocess.PIPE)
    if stdin_text is not None:
        process.stdin.write(stdin_text.encode())
        process.stdin.close()
    error = process.stderr.read()
    process.wait()
    elapsed = time.perf_counter() - start
    out.close()
    if stdin_path:
        stdin.close()
    with open(report.name) as handle:
        fields = handle.read().split()
    os.unlink(report.name)
    if process.returncode != 0:
        sys.exit("%s failed (%d): %s" % (command[0], process.returncode, error.decode(errors="replace")[:500]))
    peak_kb, user, system = float(fields[-3]), float(fields[-2]), float(fields[-1])
    return out.name, elapsed, peak_kb / 1024.0, user + system


def last_line(path):
    with open(path, "rb") as handle:
        lines = handle.read().decode().strip().splitlines()
    os.unlink(path)
    return lines[-1]


def count_lines(path):
    count = 0
    with open(path, "rb") as handle:
        while True:
            chunk = handle.read(1 << 20)
            if not chunk:
                break
            count += chunk.count(b"\n")
    os.unlink(path)
    return count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--vigil", default=os.path.join(HERE, "..", "..", ".build", "release", "vigil"))
    parser.add_argument("--sfeed", default="sfeed")
    parser.add_argument("--feedparser-megabytes", type=float, default=0, help="0: the whole corpus")
    parser.add_argument("--runs", type=int, default=3, help="best of N for vigil and sfeed")
    args = parser.parse_args()

    files = sorted(os.path.join(args.corpus, name) for name in os.listdir(args.corpus))
    total_bytes = sum(os.path.getsize(path) for path in files)
    largest = max(os.path.getsize(path) for path in files)
    print("corpus: %d files, %.1f MB, largest feed %.1f MB" % (len(files), total_bytes / 1e6, largest / 1e6))

    results = {}

    # vigil: whole process, wall time (its own "seconds" excludes process start).
    best = None
    for _ in range(args.runs):
        output, wall, rss, cpu = run_measured([args.vigil, "parse", "--stats", args.corpus])
        stats = json.loads(last_line(output))
        if best is None or cpu < best[3]:
            best = (stats, wall, rss, cpu)
    stats, wall, rss, cpu = best
    results["vigil"] = {"bytes": stats["bytes"], "entries": stats["entries"], "seconds": wall, "cpu": cpu, "rss": rss}

    # sfeed: the corpus concatenated on stdin, output lines are entries.
    with tempfile.NamedTemporaryFile(delete=False) as joined:
        for path in files:
            with open(path, "rb") as handle:
                joined.write(handle.read())
        joined_path = joined.name
    try:
        best = None
        for _ in range(args.runs):
            output, wall, rss, cpu = run_measured([args.sfeed], stdin_path=joined_path)
            entries = count_lines(output)
            if best is None or cpu < best[3]:
                best = (entries, wall, rss, cpu)
        results["sfeed"] = {"bytes": total_bytes, "entries": best[0], "seconds": best[1], "cpu": best[3], "rss": best[2]}
    finally:
        os.unlink(joined_path)

    # feedparser: whole corpus or an every-k-th-file subset.
    subset = files
    if args.feedparser_megabytes > 0 and total_bytes > args.feedparser_megabytes * 1e6:
        step = max(1, int(round(total_bytes / (args.feedparser_megabytes * 1e6))))
        subset = files[::step]
    output, wall, rss, cpu = run_measured([sys.executable, os.path.join(HERE, "feedparser_worker.py")],
                                          stdin_text="\n".join(subset) + "\n")
    stats = json.loads(last_line(output))
    results["feedparser"] = {"bytes": stats["bytes"], "entries": stats["entries"], "seconds": wall, "cpu": cpu, "rss": rss}

    # Throughput per CPU second is the fair figure on a shared machine; wall time is shown too.
    print("%-11s %7s %8s %8s %9s %9s %8s %10s %11s" % (
        "tool", "MB", "wall s", "CPU s", "MB/s wall", "MB/s CPU", "entries", "entries/s", "peak RSS MB"))
    for tool in ("vigil", "sfeed", "feedparser"):
        r = results[tool]
        r["mbps_wall"] = r["bytes"] / 1e6 / r["seconds"]
        r["mbps"] = r["bytes"] / 1e6 / r["cpu"]
        r["eps"] = r["entries"] / r["cpu"]
        print("%-11s %7.1f %8.2f %8.2f %9.2f %9.2f %8d %10.0f %11.1f" % (
            tool, r["bytes"] / 1e6, r["seconds"], r["cpu"], r["mbps_wall"], r["mbps"], r["entries"], r["eps"], r["rss"]))
    for other in ("sfeed", "feedparser"):
        print("vigil / %-10s throughput %.2fx (MB per CPU second), %.2fx (entries per CPU second), %.2fx (MB/s wall)" % (
            other, results["vigil"]["mbps"] / results[other]["mbps"], results["vigil"]["eps"] / results[other]["eps"],
            results["vigil"]["mbps_wall"] / results[other]["mbps_wall"]))
    print(json.dumps(results))


if __name__ == "__main__":
    main()
