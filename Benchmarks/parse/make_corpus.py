"""Builds the parser benchmark corpus: the conformance suites' feeds plus large,
realistic generated feeds (RSS 2.0 with content:encoded, Atom with HTML and
XHTML, RSS 1.0, legacy encodings), at least 100 MB in all.

    python3 make_corpus.py OUT_DIR [--megabytes 110] [--fixtures ../../../shared/testdata/feeds]

Deterministic (fixed seed): the same corpus on every machine.
"""

import argparse
import os
import random
import shutil
from xml.sax.saxutils import escape

WORDS = """the a maintainer release patch review merge branch commit issue project community open source
library compiler build test failure performance memory thread network feed parser update security
contributor license documentation design proposal change request discussion version support stable
feature bug fix regression benchmark platform kernel module package dependency upstream downstream
we they it this that with from about because however although therefore meanwhile today yesterday
quickly slowly carefully finally really very more less most least new old small large simple complex
is are was were has have had will would could should might must can may does did make made take took
""".split()

NAMES = ["Ada Lovelace", "Grace Hopper", "Linus Torvalds", "Guido van Rossum", "Margaret Hamilton",
         "Ken Thompson", "Barbara Liskov", "Donald Knuth", "Radia Perlman", "Frances Allen"]

TAGS = ["release", "security", "community", "python", "rust", "swift", "linux", "opinion", "news", "tutorial"]


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 22))]
    if rng.random() < 0.3:
        words.insert(rng.randint(0, len(words)), rng.choice(NAMES))
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", "!", "?"])


def html_body(rng, paragraphs):
    parts = []
    for _ in range(paragraphs):
        kind = rng.random()
        sentences = " ".join(sentence(rng) for _ in range(rng.randint(2, 7)))
        if kind < 0.08:
            parts.append("<h2>%s</h2>" % escape(sentence(rng)))
        if kind < 0.15:
            parts.append("<ul>%s</ul>" % "".join("<li>%s</li>" % escape(sentence(rng)) for _ in range(rng.randint(2, 5))))
        elif kind < 0.22:
            parts.append("<blockquote><p>%s</p></blockquote>" % escape(sentences))
        elif kind < 0.27:
            parts.append("<pre><code>fn main() {\n    println!(\"%s\");\n}</code></pre>" % escape(rng.choice(WORDS)))
        else:
            link = '<a href="https://example.org/%s">%s</a>' % (rng.choice(WORDS), rng.choice(WORDS))
            parts.append("<p>%s %s &mdash; <em>%s</em></p>" % (escape(sentences), link, escape(rng.choice(WORDS))))
    if rng.random() < 0.2:
        parts.append("<script>var tracking = {id: %d};</script>" % rng.randint(1, 10**6))
    return "\n".join(parts)


def rfc822(rng):
    day = rng.randint(1, 28)
    return "%s, %02d %s 20%02d %02d:%02d:%02d %s" % (
        rng.choice(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]), day,
        rng.choice(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]),
        rng.randint(10, 25), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59),
        rng.choice(["GMT", "+0000", "-0500", "+0200", "PST"]))


def rfc3339(rng):
    return "20%02d-%02d-%02dT%02d:%02d:%02d%s" % (
        rng.randint(10, 25), rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59),
        rng.randint(0, 59), rng.choice(["Z", "+02:00", "-07:00"]))


def rss2(rng, index, items):
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
           "<channel>", "<title>Blog %d &amp; friends</title>" % index,
           "<link>https://blog%d.example.org/</link>" % index,
           '<atom:link rel="self" href="https://blog%d.example.org/feed.xml"/>' % index,
           "<description>%s</description>" % escape(sentence(rng))]
    for item in range(items):
        body = html_body(rng, rng.randint(3, 25))
        out.append("<item>")
        out.append("<title>%s</title>" % escape(sentence(rng)))
        out.append("<link>https://blog%d.example.org/posts/%d</link>" % (index, item))
        out.append('<guid isPermaLink="false">blog%d-post-%d</guid>' % (index, item))
        out.append("<dc:creator>%s</dc:creator>" % rng.choice(NAMES))
        out.append("<pubDate>%s</pubDate>" % rfc822(rng))
        for _ in range(rng.randint(0, 3)):
            out.append("<category>%s</category>" % rng.choice(TAGS))
        out.append("<description>%s</description>" % escape(sentence(rng) + " " + sentence(rng)))
        if rng.random() < 0.5:
            out.append("<content:encoded><![CDATA[%s]]></content:encoded>" % body)
        else:
            out.append("<content:encoded>%s</content:encoded>" % escape(body))
        if rng.random() < 0.1:
            out.append('<enclosure url="https://cdn.example.org/%d.mp3" length="%d" type="audio/mpeg"/>' % (item, rng.randint(10**5, 10**8)))
        out.append("</item>")
    out += ["</channel>", "</rss>"]
    return "\n".join(out)


def atom(rng, index, entries):
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en" xml:base="https://news%d.example.org/">' % index,
           "<title>News %d</title>" % index, '<link href="/"/>', '<link rel="self" href="/atom.xml"/>',
           "<id>tag:news%d.example.org,2024:feed</id>" % index, "<updated>%s</updated>" % rfc3339(rng)]
    for entry in range(entries):
        body = html_body(rng, rng.randint(3, 25))
        out.append("<entry>")
        out.append("<id>tag:news%d.example.org,2024:%d</id>" % (index, entry))
        out.append('<title type="html">%s</title>' % escape(escape(sentence(rng))))
        out.append('<link rel="alternate" type="text/html" href="/articles/%d"/>' % entry)
        out.append("<author><name>%s</name><uri>/people/%d</uri></author>" % (rng.choice(NAMES), entry % 7))
        out.append("<published>%s</published><updated>%s</updated>" % (rfc3339(rng), rfc3339(rng)))
        out.append("<summary>%s</summary>" % escape(sentence(rng)))
        if rng.random() < 0.5:
            out.append('<content type="html">%s</content>' % escape(body))
        else:
            xhtml = body.replace("&mdash;", "&#8212;")
            out.append('<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">%s</div></content>' % xhtml)
        out.append("</entry>")
    out.append("</feed>")
    return "\n".join(out)


def rss1(rng, index, items):
    out = ['<?xml version="1.0" encoding="iso-8859-1"?>',
           '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/">',
           '<channel rdf:about="https://planet%d.example.org/"><title>Planet caf\u00e9 %d</title>'
           "<link>https://planet%d.example.org/</link><description>Aggregated</description></channel>" % (index, index, index)]
    for item in range(items):
        out.append('<item rdf:about="https://planet%d.example.org/%d">' % (index, item))
        out.append("<title>%s \u00e9t\u00e9</title>" % escape(sentence(rng)))
        out.append("<link>https://planet%d.example.org/%d</link>" % (index, item))
        out.append("<dc:creator>%s</dc:creator><dc:date>%s</dc:date>" % (rng.choice(NAMES), rfc3339(rng)))
        out.append("<description>%s</description>" % escape(html_body(rng, rng.randint(2, 12))))
        out.append("</item>")
    out.append("</rdf:RDF>")
    return "\n".join(out)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--megabytes", type=float, default=110)
    parser.add_argument("--fixtures", default=os.path.join(here, "..", "..", "..", "shared", "testdata", "feeds"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(20241125)
    total = 0
    count = 0
    if os.path.isdir(args.fixtures):
        for root, _, files in os.walk(args.fixtures):
            for name in sorted(files):
                if name.endswith((".xml", ".rdf")) or (name.endswith(".json") and "expected" not in name):
                    source = os.path.join(root, name)
                    target = os.path.join(args.out, "suite-%05d-%s" % (count, name))
                    shutil.copyfile(source, target)
                    total += os.path.getsize(target)
                    count += 1
    else:
        print("note: %s not found; corpus is generated feeds only" % args.fixtures)
    index = 0
    while total < args.megabytes * 1e6:
        kind = index % 3
        items = rng.choice([20, 50, 100, 200, 400])
        if kind == 0:
            text, encoding, ext = rss2(rng, index, items), "utf-8", "xml"
        elif kind == 1:
            text, encoding, ext = atom(rng, index, items), "utf-8", "atom"
        else:
            text, encoding, ext = rss1(rng, index, items), "iso-8859-1", "rdf"
        path = os.path.join(args.out, "gen-%04d.%s" % (index, ext))
        with open(path, "wb") as handle:
            handle.write(text.encode(encoding, "xmlcharrefreplace"))
        total += os.path.getsize(path)
        index += 1
        count += 1
    print("corpus: %d files, %.1f MB in %s" % (count, total / 1e6, args.out))


if __name__ == "__main__":
    main()
