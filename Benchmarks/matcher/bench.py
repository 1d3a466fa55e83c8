#!/usr/bin/env python3
"""Mention-matching throughput: vigil's MentionMatcher next to Python references.

Builds (once, deterministically) a feed-like corpus of at least 100 MB from the
shared datasets' texts, with watched names sprinkled in, and two watchlists (10
and 10,000 people). Then, in one run, for each watchlist: the Swift benchmark
binary, pyahocorasick over case-folded text (with and without NFKC first), and
one compiled `re` alternation. All timings are single-threaded; each tool gets
the best of --repeats runs over the whole corpus. Throughput is reported per
CPU-second of the timing thread (and per wall-second): on a shared machine the
CPU time is the figure that says what one core does.

Usage (from the package root):
    swift build -c release --product MatcherBenchmark
    python3 Benchmarks/matcher/bench.py [--work DIR] [--megabytes 100] [--repeats 3]

Needs pyahocorasick from PyPI (pip install pyahocorasick) and ../shared/datasets.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATASETS = os.path.join(ROOT, "..", "shared", "datasets")

GIVEN = ["Ada", "Grace", "Linus", "Guido", "Margaret", "Dennis", "Barbara", "Ken", "Frances", "Donald",
         "Radia", "Bjarne", "Anita", "Tim", "Hedy", "Alan", "Katherine", "John", "Sophie", "Yukihiro",
         "Jean", "Chloé", "Zoë", "Søren", "Łukasz", "Björn", "Mónica", "Ana", "Hiroshi", "Priya"]
SYLLABLES = ["ka", "lo", "ve", "ran", "mi", "sto", "bel", "dor", "fen", "gri", "hal", "jun", "kor", "lin",
             "mar", "nor", "pel", "quin", "ros", "sel", "tav", "ul", "vin", "wes", "yor", "zel", "bra", "cle"]
KANA = ["カ", "ロ", "ヴ", "ラ", "ミ", "ス", "ベ", "ド", "フ", "グ", "ハ", "ジ", "コ", "リ", "マ", "ノ"]


def make_people(count, rng):
    people, seen = [], set()
    while len(people) < count:
        surname = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        given = rng.choice(GIVEN)
        name = f"{given} {surname}"
        if name in seen:
            continue
        seen.add(name)
        person = {"name": name, "aliases": [], "handles": [f"{given.lower()}{surname.lower()}{rng.randint(0, 99)}"],
                  "projects": [], "contextTerms": [], "surnamePolicy": "with-context"}
        if rng.random() < 0.05:
            person["aliases"].append("".join(rng.choice(KANA) for _ in range(3)) + "・" + "".join(rng.choice(KANA) for _ in range(4)))
        if rng.random() < 0.2:
            person["projects"].append(f"{surname.lower()}-{rng.choice(['engine', 'core', 'kit', 'lib'])}")
        people.append(person)
    return people


def dataset_texts():
    texts = []
    for task in ("agent", "hostility"):
        for split in ("train", "dev"):
            path = os.path.join(DATASETS, task, f"{split}.jsonl")
            if not os.path.exists(path):
                continue
            with open(path, encoding="utf-8") as handle:
                for line in handle:
                    try:
                        texts.append(json.loads(line)["text"])
                    except (ValueError, KeyError):
                        pass
    return texts


def make_corpus(path, megabytes, people_small, rng):
    texts = dataset_texts()
    if not texts:
        sys.exit(f"bench.py: no texts under {DATASETS}; the corpus is built from the shared datasets")
    target = megabytes * 1_000_000
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        while written < target:
            parts = [rng.choice(texts) for _ in range(rng.randint(3, 8))]
            if rng.random() < 0.1:
                person = rng.choice(people_small)
                spelling = rng.choice([person["name"], person["name"].upper(), "@" + person["handles"][0]])
                parts.insert(rng.randrange(len(parts) + 1), f"Yesterday {spelling} closed the pull request.")
            text = "\n\n".join(parts)
            out.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
            written += len(text.encode("utf-8"))


def prepare(work, megabytes):
    os.makedirs(work, exist_ok=True)
    rng = random.Random(20261125)
    people = make_people(10_000, rng)
    lists = {}
    for size in (10, 10_000):
        path = os.path.join(work, f"watchlist-{size}.json")
        with open(path, "w", encoding="utf-8") as out:
            json.dump(people[:size], out, ensure_ascii=False)
        lists[size] = path
    corpus = os.path.join(work, f"corpus-{megabytes}mb.jsonl")
    if not os.path.exists(corpus):
        make_corpus(corpus, megabytes, people[:10], rng)
    return corpus, lists


def load_corpus(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle]


def reference_terms(people):
    terms = set()
    for person in people:
        terms.add(person["name"])
        terms.update(person["aliases"])
        terms.update(person["handles"])
        terms.update(person["projects"])
    return sorted(terms, key=len, reverse=True)


def is_word(char):
    return char.isalnum() or char == "_"


def run_pyahocorasick(texts, people, nfkc, repeats):
    import ahocorasick
    automaton = ahocorasick.Automaton()
    for term in reference_terms(people):
        folded = unicodedata.normalize("NFKC", term).casefold() if nfkc else term.casefold()
        automaton.add_word(folded, len(folded))
    automaton.make_automaton()
    best, best_cpu, found = float("inf"), float("inf"), 0
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.thread_time()
        count = 0
        for text in texts:
            folded = unicodedata.normalize("NFKC", text).casefold() if nfkc else text.casefold()
            for end, length in automaton.iter(folded):
                begin = end - length + 1
                if begin > 0 and is_word(folded[begin - 1]):
                    continue
                if end + 1 < len(folded) and is_word(folded[end + 1]):
                    continue
                count += 1
        best_cpu = min(best_cpu, time.thread_time() - start_cpu)
        best, found = min(best, time.perf_counter() - start), count
    return best, best_cpu, found


def run_regex(texts, people, repeats):
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in reference_terms(people)) + r")(?!\w)", re.IGNORECASE)
    best, best_cpu, found = float("inf"), float("inf"), 0
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.thread_time()
        count = 0
        for text in texts:
            count += sum(1 for _ in pattern.finditer(text))
        best_cpu = min(best_cpu, time.thread_time() - start_cpu)
        best, found = min(best, time.perf_counter() - start), count
    return best, best_cpu, found


def regex_subset(texts, megabytes):
    """The leading documents of the corpus up to `megabytes` (the alternation of
    10,000 names is too slow to run over all of it in a benchmark run)."""
    subset, size = [], 0
    for text in texts:
        if size >= megabytes * 1_000_000:
            break
        subset.append(text)
        size += len(text.encode("utf-8"))
    return subset, size / 1_000_000


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", default="/tmp/vigil-matcher-bench")
    parser.add_argument("--megabytes", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--regex-repeats", type=int, default=1, help="the re alternation is slow; 1 run by default")
    parser.add_argument("--regex-megabytes", type=float, default=10, help="run the re alternation over this much of the corpus")
    parser.add_argument("--regex-megabytes-large", type=float, default=0.5,
                        help="the same for the 10,000-name watchlist, whose alternation is tried name by name")
    parser.add_argument("--skip-regex", action="store_true", help="leave out the re alternation")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "MatcherBenchmark"))
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"bench.py: {args.binary} not found; run `swift build -c release --product MatcherBenchmark` first")

    corpus, lists = prepare(args.work, args.megabytes)
    texts = load_corpus(corpus)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1_000_000
    print(f"corpus: {len(texts)} documents, {megabytes:.1f} MB of UTF-8 ({corpus})")
    rows = []
    for size, path in lists.items():
        with open(path, encoding="utf-8") as handle:
            people = json.load(handle)
        swift = json.loads(subprocess.run([args.binary, "--corpus", corpus, "--watchlist", path, "--repeats", str(args.repeats)],
                                          check=True, capture_output=True, text=True).stdout)
        results = [("vigil MentionMatcher (Swift)", swift["seconds"], swift["cpu_seconds"], swift["mentions"])]
        results.append(("pyahocorasick, casefold", *run_pyahocorasick(texts, people, False, args.repeats)))
        results.append(("pyahocorasick, NFKC + casefold", *run_pyahocorasick(texts, people, True, args.repeats)))
        if not args.skip_regex:
            subset, subset_mb = regex_subset(texts, args.regex_megabytes if size <= 1000 else args.regex_megabytes_large)
            seconds, cpu, found = run_regex(subset, people, args.regex_repeats)
            # Scaled to the whole corpus so that every row's throughput compares; the
            # label says how much the alternation actually ran over.
            scale = megabytes / subset_mb
            results.append((f"re alternation ({subset_mb:.1f} MB run)", seconds * scale, cpu * scale, found))
        vigil_rate = megabytes / swift["cpu_seconds"]
        print(f"\n{size} watched people (vigil: {swift['patterns']} patterns, {swift['states']} states, "
              f"{swift['table_megabytes']:.1f} MB table, built in {swift['build_seconds']:.2f} s)")
        print(f"  {'tool':32} {'wall s':>7} {'cpu s':>7} {'MB/cpu-s':>9} {'MB/wall-s':>9} {'vigil x':>8} {'matches':>8}")
        for tool, seconds, cpu, found in results:
            rate = megabytes / cpu
            print(f"  {tool:32} {seconds:7.2f} {cpu:7.2f} {rate:9.3g} {megabytes / seconds:9.3g} {vigil_rate / rate:8.1f} {found:8d}")
            rows.append({"people": size, "tool": tool, "seconds": seconds, "cpu_seconds": cpu,
                         "mb_per_cpu_second": rate, "matches": found})
    print("\nvigil x: how many times vigil's throughput (MB per CPU-second) the tool's is.")
    with open(os.path.join(args.work, "results.json"), "w") as out:
        json.dump({"megabytes": megabytes, "rows": rows}, out, indent=1)


if __name__ == "__main__":
    main()
