#!/usr/bin/env bash
# Daemon steady-state benchmark: builds vigil in release, then runs bench.py
# (10,000 loopback feeds, 50 watched people, one all-new cycle and four
# steady-state cycles with 10 % of the feeds changed). Extra arguments go to
# bench.py, e.g. `Benchmarks/daemon/run.sh --cycles 2 --hosts 10000`, or
# `--repos 0 100` to run the feeds alone and beside 100 watched GitHub
# repositories, cycle for cycle; `--vigil OTHER/vigil` also runs a previous
# build's worlds beside this one's.
# Loopback only; takes a few minutes on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ ! -x /usr/bin/time ]; then
    echo "installing GNU time (/usr/bin/time) for peak RSS figures" >&2
    apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
fi

swift build -c release --product vigil
exec python3 Benchmarks/daemon/bench.py --vigil "$(swift build -c release --show-bin-path)/vigil" "$@"
