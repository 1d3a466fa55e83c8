#!/usr/bin/env python3
"""Writes Sources/VigilBytes/HTMLEntities.txt, the named character references of
HTML that the feed tokenizer and the HTML-to-text extractor decode.

The source is WHATWG's list, https://html.spec.whatwg.org/entities.json, when its
path is given; otherwise CPython's html.entities.html5, which is the same list
(so the script runs offline). Either gives the same file: one entity a line,
sorted by name, the name without its "&" (with ";" when standard), then each
code point in upper-case hex, separated by single spaces.
Usage: scripts/generate-entities.py [ENTITIES_JSON] [--out PATH]
Prints the number of entities written.
"""
import argparse, json, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(ROOT, "Sources", "VigilBytes", "HTMLEntities.txt")


def from_whatwg(path):
    """Names and code points from entities.json, whose keys start with "&"."""
    with open(path, encoding="utf-8") as handle:
        listing = json.load(handle)
    return {name.lstrip("&"): entry["codepoints"] for name, entry in listing.items()}


def from_python():
    import html.entities
    return {name: [ord(c) for c in text] for name, text in html.entities.html5.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("entities_json", nargs="?", help="WHATWG entities.json (default: Python's copy)")
    parser.add_argument("--out", default=DEFAULT_OUT, help="file to write (default: %(default)s)")
    args = parser.parse_args()
    entities = from_whatwg(args.entities_json) if args.entities_json else from_python()
    lines = ["# The named character references of HTML (WHATWG), written by scripts/generate-entities.py; do not edit."]
    for name in sorted(entities):
        lines.append(" ".join([name] + ["%X" % point for point in entities[name]]))
    with open(args.out, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(lines) + "\n")
    print(len(entities))


if __name__ == "__main__":
    sys.exit(main())
