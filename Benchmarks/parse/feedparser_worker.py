"""Parses the files named on stdin (one a line) with Python feedparser; prints
{"files", "entries", "bytes", "seconds"} like `vigil parse --stats`."""

import json
import sys
import time

import feedparser

paths = [line.rstrip("\n") for line in sys.stdin if line.strip()]
entries = 0
size = 0
start = time.perf_counter()
for path in paths:
    with open(path, "rb") as handle:
        data = handle.read()
    size += len(data)
    entries += len(feedparser.parse(data).entries)
print(json.dumps({"files": len(paths), "entries": entries, "bytes": size, "seconds": time.perf_counter() - start}))
