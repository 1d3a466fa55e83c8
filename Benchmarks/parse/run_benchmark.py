"""Parser throughput, side by side in one run: vigil, sfeed (C) and Python feedparser.

    swift build -c release --product vigil
    python3 make_corpus.py /tmp/vigil-corpus
    python3 run_benchmark.py /tmp/vigil-corpus [--vigil .build/release/vigil] [--feedparser-megabytes 20] [--runs 3]

vigil runs `vigil parse --stats` over every file (decode, parse, and HTML-to-text
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




def run_with_rusage(command, stdin_path=None, stdin_text=None):
    """Runs a command and returns (stdout, wall seconds, peak RSS MB) using wait4 for exact rusage."""
    stdin = open(stdin_path, "rb") if stdin_path else (subprocess.PIPE if stdin_text is not None else subprocess.DEVNULL)
    out = tempfile.TemporaryFile()
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=stdin, stdout=out, stderr=subprocess.PIPE)
    if stdin_text is not None:
        process.stdin.write(stdin_text.encode())
        process.stdin.close()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read()
    if stdin_path:
        stdin.close()
    if process.returncode != 0:
        sys.exit("%s failed (%d): %s" % (command[0], process.returncode, error.decode(errors="replace")[:500]))
    out.seek(0)
    return out.read().decode(errors="replace"), elapsed, usage.ru_maxrss / 1024.0


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
        output, wall, rss = run_with_rusage([args.vigil, "parse", "--stats"] + files)
        stats = json.loads(output.strip().splitlines()[-1])
        if best is None or wall < best[1]:
            best = (stats, wall, rss)
    stats, wall, rss = best
    results["vigil"] = {"bytes": stats["bytes"], "entries": stats["entries"], "seconds": wall, "rss": rss}

    # sfeed: the corpus concatenated on stdin, output lines are entries.
    with tempfile.NamedTemporaryFile(delete=False) as joined:
        for path in files:
            with open(path, "rb") as handle:
                joined.write(handle.read())
        joined_path = joined.name
    try:
        best = None
        for _ in range(args.runs):
            output, wall, rss = run_with_rusage([args.sfeed], stdin_path=joined_path)
            if best is None or wall < best[1]:
                best = (output.count("\n"), wall, rss)
        results["sfeed"] = {"bytes": total_bytes, "entries": best[0], "seconds": best[1], "rss": best[2]}
    finally:
        os.unlink(joined_path)

    # feedparser: whole corpus or an every-k-th-file subset.
    subset = files
    if args.feedparser_megabytes > 0 and total_bytes > args.feedparser_megabytes * 1e6:
        step = max(1, int(round(total_bytes / (args.feedparser_megabytes * 1e6))))
        subset = files[::step]
    output, wall, rss = run_with_rusage([sys.executable, os.path.join(HERE, "feedparser_worker.py")],
                                        stdin_text="\n".join(subset) + "\n")
    stats = json.loads(output.strip().splitlines()[-1])
    results["feedparser"] = {"bytes": stats["bytes"], "entries": stats["entries"], "seconds": wall, "rss": rss}

    print("%-11s %9s %9s %9s %10s %11s %12s" % ("tool", "MB", "seconds", "MB/s", "entries", "entries/s", "peak RSS MB"))
    for tool in ("vigil", "sfeed", "feedparser"):
        r = results[tool]
        r["mbps"] = r["bytes"] / 1e6 / r["seconds"]
        r["eps"] = r["entries"] / r["seconds"]
        print("%-11s %9.1f %9.2f %9.2f %10d %11.0f %12.1f" % (
            tool, r["bytes"] / 1e6, r["seconds"], r["mbps"], r["entries"], r["eps"], r["rss"]))
    for other in ("sfeed", "feedparser"):
        print("vigil / %-10s throughput %.2fx (MB/s), %.2fx (entries/s)" % (
            other, results["vigil"]["mbps"] / results[other]["mbps"], results["vigil"]["eps"] / results[other]["eps"]))
    print(json.dumps(results))


if __name__ == "__main__":
    main()
