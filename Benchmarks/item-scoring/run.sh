#!/bin/bash
# What scoring every item for agent authorship costs: one `vigil poll --once`
# into a fresh database over a loopback RSS feed of 1,000 items that mention
# nobody on the sample watchlist, for two vigil binaries, alternately.
#
#   Benchmarks/item-scoring/run.sh BEFORE/vigil AFTER/vigil [runs]
#
# A binary built before the models were compiled in needs its
# vigil_VigilScoring.resources folder beside it (copy it from that build's
# .build/release). Needs python3, sqlite3 and GNU time; reads texts
# from ../shared/datasets/agent/dev.jsonl. Prints one line per run:
# binary, user s, system s, wall s, peak RSS KB, items stored, findings.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
before=$1; after=$2; runs=${3:-10}
work=$(mktemp -d /tmp/vigil-item-scoring.XXXX)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/www"
python3 - "$root/../shared/datasets/agent/dev.jsonl" "$work/www/feed.xml" <<'PY'
import html, json, random, sys
random.seed(7)
names = ['marsh', 'lee', 'okoro', 'quietfox', 'castellan', 'kjær', 'kjaer', 'søren', 'soren', 'ferrule', 'quayside',
         'inkwell', 'saltpan', 'tidewater', 'hannah', 'julian', 'mira', 'nathaniel', 'nate ']
texts = [json.loads(line)['text'] for line in open(sys.argv[1])]
texts = [t for t in texts if not any(n in t.lower() for n in names)]
items = []
for i in range(1000):
    parts, size = [], 0
    while size < 2000:
        text = random.choice(texts)
        parts.append(text)
        size += len(text)
    body = ''.join('<p>' + html.escape(p) + '</p>' for p in parts)
    items.append(f'<item><guid>bench-{i}</guid><title>Post {i}</title><link>https://bench.example.org/{i}</link>'
                 f'<pubDate>Wed, 25 Nov 2026 {i % 24:02d}:{i % 60:02d}:00 GMT</pubDate><description><![CDATA[{body}]]></description></item>')
open(sys.argv[2], 'w').write('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench</title>'
                             '<link>https://bench.example.org/</link>' + ''.join(items) + '</channel></rss>')
PY
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$work/www" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
server=$!
sleep 1
poll() {
    local dir
    dir=$(mktemp -d "$work/run.XXXX")
    { echo 'database = "vigil.db"'; echo '[poll]'; echo 'host_gap = "0s"'; cat "$root/feeds/samples/people.toml"
      echo; echo '[[feeds]]'; echo "url = \"http://127.0.0.1:$port/feed.xml\""; } > "$dir/config.toml"
    /usr/bin/time -f "%U %S %e %M" -o "$dir/time" "$1" --config "$dir/config.toml" poll --once > /dev/null 2>&1
    echo "$1 $(cat "$dir/time") items=$(sqlite3 "$dir/vigil.db" 'SELECT COUNT(*) FROM items') findings=$(sqlite3 "$dir/vigil.db" 'SELECT COUNT(*) FROM findings')"
    rm -rf "$dir"
}
for _ in $(seq "$runs"); do poll "$before"; poll "$after"; done
