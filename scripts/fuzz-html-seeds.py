#!/usr/bin/env python3
"""Writes the HTML bodies of feed files as seed inputs for the HTML-to-text fuzzer.

Every file under the given folders that ends in .xml, .rdf or .json is read; the
bodies of its content, description and summary elements (CDATA or escaped
markup, unescaped as a feed reader would) and of a JSON feed's content_html and
summary members become one seed file each, named by their SHA-1 so duplicates
collapse. A regular expression, not an XML parser, finds them: half the suites'
feeds are broken on purpose, and a seed only needs to be plausible HTML.
Usage: scripts/fuzz-html-seeds.py OUT_DIR FOLDER...
Prints the number of seeds written.
"""
import hashlib, html, json, os, re, sys

BODY = re.compile(
    rb"<((?:[\w.-]+:)?(?:description|content|encoded|summary|body|subtitle|title|info|tagline))\b[^>]*>(.*?)</\1\s*>",
    re.S | re.I,
)
CDATA = re.compile(rb"<!\[CDATA\[(.*?)\]\]>", re.S)


def xml_bodies(data):
    for match in BODY.finditer(data):
        inner = match.group(2)
        pieces = CDATA.findall(inner)
        if pieces:
            yield from pieces
        elif b"&lt;" in inner or b"&amp;" in inner:
            yield html.unescape(inner.decode("utf-8", "replace")).encode("utf-8")
        elif b"<" in inner:
            yield inner


def json_bodies(value):
    if isinstance(value, dict):
        for key, member in value.items():
            if key in ("content_html", "summary", "content_text") and isinstance(member, str):
                yield member.encode("utf-8")
            else:
                yield from json_bodies(member)
    elif isinstance(value, list):
        for member in value:
            yield from json_bodies(member)


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: fuzz-html-seeds.py OUT_DIR FOLDER...")
    out, written = sys.argv[1], set()
    os.makedirs(out, exist_ok=True)
    for folder in sys.argv[2:]:
        for root, _, names in os.walk(folder):
            for name in names:
                path = os.path.join(root, name)
                with open(path, "rb") as handle:
                    data = handle.read()
                if name.endswith((".xml", ".rdf")):
                    bodies = xml_bodies(data)
                elif name.endswith(".json"):
                    try:
                        bodies = json_bodies(json.loads(data))
                    except ValueError:
                        continue
                else:
                    continue
                for body in bodies:
                    body = body.strip()
                    digest = hashlib.sha1(body).hexdigest()
                    if body and digest not in written:
                        written.add(digest)
                        with open(os.path.join(out, digest), "wb") as seed:
                            seed.write(body)
    print(len(written))


main()
