#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (the feed parser and the HTML-to-text
# extractor; see docs/fuzzing.md) with the fuzzer and address sanitizers, and runs
# each for a bounded time, seeded from the shared conformance suites.
#
# usage: scripts/fuzz.sh [SECONDS] [TARGET...]
#   SECONDS  how long each target runs (default 60)
#   TARGET   FeedParserFuzzer and/or HTMLTextFuzzer (default both)
# environment: FUZZ_SUITES (default ../shared/testdata/feeds), FUZZ_SANITIZERS
#   (default fuzzer,address), FUZZ_MAX_LEN (the longest input, default 65536).
# exit status: 0 nothing found; 1 a crash, hang or memory blow-up (the reproducer's
#   path is printed); 2 bad usage; 3 the targets could not be built here (a toolchain
#   without libFuzzer, say); 4 a fuzzer stopped without leaving a reproducer.
#
# The build (release, assertions kept, in .build-fuzz) and the corpus each target
# grows (.build-fuzz/corpus/TARGET) persist between runs; the seeds are read where
# they are (HTML bodies are cut into a temporary folder), never copied into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: scripts/fuzz.sh [SECONDS] [FeedParserFuzzer|HTMLTextFuzzer...]" >&2; exit 2; }
seconds=${1:-60}
case "$seconds" in '' | *[!0-9]* | 0) usage ;; esac
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(FeedParserFuzzer HTMLTextFuzzer)
for target in "${targets[@]}"; do
  case "$target" in FeedParserFuzzer | HTMLTextFuzzer) ;; *) usage ;; esac
done

suites=${FUZZ_SUITES:-../shared/testdata/feeds}
sanitizers=${FUZZ_SANITIZERS:-fuzzer,address}
max_len=${FUZZ_MAX_LEN:-65536}
case "$max_len" in '' | *[!0-9]* | 0) usage ;; esac
scratch=.build-fuzz
work=$(mktemp -d "${TMPDIR:-/tmp}/vigil-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$scratch/logs"

# Release code with assertions kept: the speed to run many inputs, and the checks
# (String(wellFormedUTF8:) verifies its claim) that turn a silent error into a finding.
flags=(-c release --scratch-path "$scratch"
  -Xswiftc "-sanitize=$sanitizers" -Xswiftc -assert-config -Xswiftc Debug)
# gold cannot link a Swift executable whose `main` SwiftPM renamed beside libFuzzer's
# runtime; the toolchain's lld can.
if [ -x "$(dirname "$(command -v swift)")/ld.lld" ]; then flags+=(-Xswiftc -use-ld=lld); fi

echo "== building ${targets[*]} (-sanitize=$sanitizers)"
build_start=$(date +%s)
for target in "${targets[@]}"; do
  if ! VIGIL_FUZZ=1 swift build "${flags[@]}" --product "$target" >"$scratch/logs/build-$target.log" 2>&1; then
    tail -n 15 "$scratch/logs/build-$target.log" >&2
    echo "fuzz: $target could not be built on this machine (log: $scratch/logs/build-$target.log)" >&2
    exit 3
  fi
done
echo "   built in $(($(date +%s) - build_start)) s"

# Seeds: the feeds of the suites (and the demo's own feeds, so a clone without
# ../shared still has some), read in place; for the extractor, the HTML bodies cut
# out of them into a temporary folder.
feed_seeds=(Sources/VigilDaemon/Demo/Samples)
if [ -d "$suites" ]; then
  feed_seeds+=("$suites")
else
  echo "   note: $suites is absent; seeding from the demo feeds only"
fi
html_seeds=("$work/html-seeds")
if ! command -v python3 >/dev/null || ! python3 scripts/fuzz-html-seeds.py "$work/html-seeds" "${feed_seeds[@]}" >/dev/null; then
  echo "   note: no python3 to cut the HTML bodies out of the feeds; the extractor is seeded with whole feeds"
  html_seeds=("${feed_seeds[@]}")
fi

status=0
for target in "${targets[@]}"; do
  case "$target" in
    FeedParserFuzzer) seeds=("${feed_seeds[@]}") dictionary=Fuzz/feed.dict ;;
    HTMLTextFuzzer) seeds=("${html_seeds[@]}") dictionary=Fuzz/html.dict ;;
  esac
  corpus="$scratch/corpus/$target"
  artifacts="$scratch/artifacts/$target/$(date +%Y%m%dT%H%M%S)"
  log="$scratch/logs/$target.log"
  mkdir -p "$corpus" "$artifacts"
  echo "== fuzzing $target for $seconds s ($(find "${seeds[@]}" -type f | wc -l) seeds, $(find "$corpus" -type f | wc -l) in its corpus)"
  # -timeout: one input for more than 10 s is a hang. -malloc_limit_mb: a single
  # allocation of 256 MB for an input of 64 KiB or less is a blow-up; -rss_limit_mb
  # bounds the whole process (the address sanitizer alone keeps a few hundred MB).
  set +e
  SWIFT_BACKTRACE=enable=no "$scratch/release/$target" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 \
    -rss_limit_mb=2048 -malloc_limit_mb=256 -print_final_stats=1 -dict="$dictionary" \
    -artifact_prefix="$artifacts/" "$corpus" "${seeds[@]}" >"$log" 2>&1
  result=$?
  set -e
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
  echo "   $target: ${runs:-?} executions (${rate:-?}/s), peak RSS ${rss:-?} MB, corpus $(find "$corpus" -type f | wc -l) inputs"
  reproducers=$(find "$artifacts" -type f 2>/dev/null)
  if [ -n "$reproducers" ]; then
    awk '/ERROR|Fatal error|deadly signal|timeout after|out-of-memory|malloc\(/ { found = 1 } found' "$log" | head -n 40 >&2
    for reproducer in $reproducers; do
      echo "FUZZ FINDING in $target: $reproducer (replay: $scratch/release/$target $reproducer; log: $log)" >&2
    done
    status=1
  elif [ "$result" -ne 0 ]; then
    tail -n 20 "$log" >&2
    echo "fuzz: $target stopped with status $result and left no reproducer (log: $log)" >&2
    [ "$status" -eq 0 ] && status=4
  else
    rmdir "$artifacts" 2>/dev/null || true
  fi
done
exit "$status"
