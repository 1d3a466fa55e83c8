#!/usr/bin/env python3
"""The agent score of attacks with and without the source prior, through the real poll.

Each attack of the eval file (lines with "kind": "attack") is published on a feed of
its own, after N earlier ordinary posts of that feed. On an "agent" feed the earlier
posts are agent-written texts (label 1) from the shared agent dev split; on a "human"
feed, human-written ones (label 0). One `vigil poll --once` over all the feeds (file://
URLs) per kind of feed stores the findings; `vigil findings ls --json` gives each attack's agent score
after the prior, and `vigil scan` the text's own score. Prints the means and the share
of attacks at agent >= 0.5, per kind of feed.
Usage: scripts/eval-prior.py path/to/vigil Training/stance/eval.jsonl [../shared/datasets] [N]
"""
import json, os, subprocess, sys, tempfile
from datetime import datetime, timedelta, timezone

vigil, data = sys.argv[1], sys.argv[2]
datasets = sys.argv[3] if len(sys.argv) > 3 else "../shared/datasets"
earlier = int(sys.argv[4]) if len(sys.argv) > 4 else 5
attacks = [json.loads(l) for l in open(data, encoding="utf-8") if l.strip()]
attacks = [a for a in attacks if a.get("kind") == "attack"]
pool = [json.loads(l) for l in open(f"{datasets}/agent/dev.jsonl", encoding="utf-8") if l.strip()]
agent_posts = [p["text"] for p in pool if p["label"] == 1 and p["source"].startswith("aidev-agent-pr")]
human_posts = [p["text"] for p in pool if p["label"] == 0 and p["source"] == "aidev-human-issue"]
people = sorted({a["person"] for a in attacks})
work = tempfile.mkdtemp(prefix="vigil-prior-")
start = datetime(2026, 11, 1, tzinfo=timezone.utc)
feeds = []
for history, posts in (("agent", agent_posts), ("human", human_posts)):
    for i, attack in enumerate(attacks):
        items = []
        for k in range(earlier):
            text = posts[(i * earlier + k) % len(posts)]
            items.append({"id": f"{history}-{i}-{k}", "content_text": text, "title": f"Post {k}",
                          "date_published": (start + timedelta(days=k)).isoformat()})
        items.append({"id": f"{history}-{i}-attack", "content_text": attack["text"], "title": attack.get("title", ""),
                      "date_published": (start + timedelta(days=earlier + 1)).isoformat()})
        path = os.path.join(work, f"{history}-{i}.json")
        json.dump({"version": "https://jsonfeed.org/version/1.1", "title": f"{history} blog {i}",
                   "items": list(reversed(items))}, open(path, "w"))
        feeds.append((history, i, "file://" + path))
def poll(history):
    """One database per kind of feed: the same attack text on two feeds would be
    stored once (repeated content is kept once), so each kind is polled apart."""
    config = os.path.join(work, f"{history}.toml")
    with open(config, "w") as out:
        out.write(f'database = "{history}.db"\n[poll]\nallow_file_urls = true\n')
        for person in people:
            out.write(f'[[people]]\nname = {json.dumps(person)}\n')
        for h, _, url in feeds:
            if h == history:
                out.write(f'[[feeds]]\nurl = {json.dumps(url)}\n')
    run = lambda *args: subprocess.run([vigil, "--config", config, *args], capture_output=True, check=True)
    run("poll", "--once")
    return json.loads(run("findings", "ls", "--json", "--limit", "100000").stdout)
findings = poll("agent") + poll("human")
scan_input = "".join(json.dumps({"id": str(i), "text": a["text"]}) + "\n" for i, a in enumerate(attacks))
scan = [json.loads(l) for l in subprocess.run(
    [vigil, "scan", "--jsonl", *sum((["--watch", p] for p in people), [])], input=scan_input.encode(),
    capture_output=True, check=True).stdout.decode().splitlines()]
text_agent = [s["agent"] for s in scan]
by_feed = {}
for f in findings:
    by_feed.setdefault(f.get("feed_url", ""), []).append(f)
for history in ("agent", "human"):
    after = []
    for h, i, url in feeds:
        if h != history:
            continue
        matches = [f for f in by_feed.get(url, []) if f["person"] == attacks[i]["person"] and f.get("title") == attacks[i].get("title", "")]
        if matches:
            after.append((text_agent[i], matches[0]["agent"]))
    n = len(after)
    mean = lambda xs: sum(xs) / len(xs) if xs else float("nan")
    print(f"{history}-written earlier posts ({earlier} per feed), {n} attacks: agent score mean {mean([a for a, _ in after]):.3f} "
          f"without the prior, {mean([b for _, b in after]):.3f} with it; at >= 0.5: "
          f"{sum(a >= 0.5 for a, _ in after)}/{n} without, {sum(b >= 0.5 for _, b in after)}/{n} with")
