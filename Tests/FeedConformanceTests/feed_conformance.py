"""Maps the feedparser and gofeed conformance expectations onto vigil's parsed model.

Run by FeedConformanceTests (Swift), which parses every fixture with vigil and
writes one JSON record per fixture: {"path", "feed": <ParsedFeed as JSON>, and
either "expect" (feedparser) or "expected" (gofeed)}.

Python standard library only. Prints, per suite, "N passed, M failed, K skipped",
the skip reasons grouped by field, the failures, and last a JSON summary line.

A case is skipped only when it refers to a field vigil's model does not carry
(the lists below, documented in docs/parser.md); every other case is run.
"""

import ast
import collections
import datetime
import html.parser
import json
import re
import sys
import time

# --------------------------------------------------------------------------
# Text as a reader sees it. feedparser sanitises HTML values and rewrites their
# relative URIs; vigil keeps the markup as sent and extracts its text. HTML
# values are therefore compared as the text they show (same function on both
# sides); plain-text values are compared exactly.


class _TextExtractor(html.parser.HTMLParser):
    DROPPED = {"script", "style", "nav", "noscript", "template", "head", "svg"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.DROPPED:
            self.skipping += 1
        else:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self.DROPPED:
            self.skipping = max(0, self.skipping - 1)
        else:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def visible_text(markup):
    parser = _TextExtractor()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:
        return " ".join(markup.split())
    return " ".join("".join(parser.parts).replace("\xa0", " ").split())


class HTMLValue(str):
    """An HTML value: equal to another string when both show the same text."""

    def __eq__(self, other):
        if isinstance(other, str):
            return visible_text(str(self)) == visible_text(other)
        return NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = str.__hash__


# --------------------------------------------------------------------------
# feedparser


class FeedParserDict(dict):
    """The subset of feedparser's result dict behaviour the expectations use."""

    KEYMAP = {
        "channel": "feed", "items": "entries", "guid": "id", "date": "updated",
        "date_parsed": "updated_parsed", "description": ["summary", "subtitle"],
        "description_detail": ["summary_detail", "subtitle_detail"], "url": ["href"],
        "modified": "updated", "modified_parsed": "updated_parsed", "issued": "published",
        "issued_parsed": "published_parsed", "copyright": "rights", "copyright_detail": "rights_detail",
        "tagline": "subtitle", "tagline_detail": "subtitle_detail",
    }

    def __getitem__(self, key):
        if key == "category":
            try:
                return dict.__getitem__(self, "tags")[0]["term"]
            except (KeyError, IndexError):
                raise KeyError("category")
        if key == "enclosures":
            links = dict.get(self, "links", [])
            return [FeedParserDict((k, v) for k, v in link.items() if k != "rel") for link in links if link.get("rel") == "enclosure"]
        if key == "license":
            for link in dict.get(self, "links", []):
                if link.get("rel") == "license" and "href" in link:
                    return link["href"]
        if key == "updated" and not dict.__contains__(self, "updated") and dict.__contains__(self, "published"):
            return dict.__getitem__(self, "published")
        if key == "updated_parsed" and not dict.__contains__(self, "updated_parsed") and dict.__contains__(self, "published_parsed"):
            return dict.__getitem__(self, "published_parsed")
        try:
            return dict.__getitem__(self, key)
        except KeyError:
            pass
        real = self.KEYMAP.get(key)
        if isinstance(real, list):
            for k in real:
                if dict.__contains__(self, k):
                    return dict.__getitem__(self, k)
        elif real is not None and dict.__contains__(self, real):
            return dict.__getitem__(self, real)
        raise KeyError(key)

    def __contains__(self, key):
        if key in ("category", "enclosures", "license"):
            try:
                self[key]
                return True
            except KeyError:
                return False
        try:
            self[key]
            return True
        except KeyError:
            return False

    has_key = __contains__

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __getattr__(self, key):
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key)


FEED_KEYS = {
    "title", "title_detail", "subtitle", "subtitle_detail", "tagline", "tagline_detail", "description",
    "description_detail", "info", "link", "links", "id", "guid", "language", "author", "author_detail",
    "authors", "updated", "updated_parsed", "modified", "modified_parsed", "date", "date_parsed", "rights",
    "rights_detail", "copyright", "copyright_detail", "generator", "tags", "category",
}
ENTRY_KEYS = {
    "id", "guid", "title", "title_detail", "link", "links", "author", "author_detail", "authors",
    "contributors", "published", "published_parsed", "issued", "issued_parsed", "updated", "updated_parsed",
    "modified", "modified_parsed", "date", "date_parsed", "summary", "summary_detail", "description",
    "description_detail", "content", "enclosures", "tags", "category", "comments",
}
DETAIL_KEYS = {"type", "value", "language", "base", "href", "url", "rel", "title", "length", "name", "email",
               "term", "scheme", "label"}
TOP_NAMES = {"bozo", "feed", "entries", "encoding", "version", "channel", "items"}
BUILTINS = {"len", "True", "False", "None", "str", "int", "tuple", "list", "dict", "isinstance", "type", "ord", "chr",
            "datetime", "time"}
METHODS = {"get", "keys", "has_key", "values", "items", "startswith", "endswith", "lower", "upper", "count", "index", "strip", "find"}
# feedparser result members vigil's model has no counterpart for, named in skip reasons as-is.

VERSIONS = {
    "rss090": "rss090", "rss091": "rss091u", "rss092": "rss092", "rss093": "rss093", "rss094": "rss094",
    "rss20": "rss20", "rss10": "rss10", "atom03": "atom03", "atom10": "atom10",
    "jsonFeed10": "json1", "jsonFeed11": "json11", "unknown": "",
}


def struct_time(seconds):
    if seconds is None:
        return None
    return time.gmtime(seconds)


def text_value(text):
    if text is None:
        return None
    value = text["value"]
    return HTMLValue(value) if text["kind"] in ("html", "xhtml") else value


def detail(text):
    if text is None:
        return None
    return FeedParserDict(type=text["mediaType"], value=text_value(text), language=text.get("language"),
                          base=text.get("base") or "")


def person(p):
    result = FeedParserDict()
    if p.get("name") is not None:
        result["name"] = p["name"]
    if p.get("email") is not None:
        result["email"] = p["email"]
    if p.get("uri") is not None:
        result["href"] = p["uri"]
    return result


def display(p):
    name, email = p.get("name"), p.get("email")
    if name and email:
        return "%s (%s)" % (name, email)
    return name or email or ""


def links(raw):
    result = []
    for link in raw:
        item = FeedParserDict(href=link["href"], rel=link["rel"])
        item["type"] = link.get("type") or ("application/atom+xml" if link["rel"] == "self" else "text/html")
        if link.get("title") is not None:
            item["title"] = link["title"]
        if link.get("length") is not None:
            item["length"] = str(link["length"])
        if link.get("hreflang") is not None:
            item["hreflang"] = link["hreflang"]
        result.append(item)
    return result


def tags(raw):
    return [FeedParserDict(term=c["term"], scheme=c.get("scheme"), label=c.get("label")) for c in raw]


def put_text(target, key, text):
    if text is not None:
        target[key] = text_value(text)
        target[key + "_detail"] = detail(text)


def put_people(target, people):
    if people:
        target["author"] = display(people[0])
        target["author_detail"] = person(people[0])
        target["authors"] = [person(p) for p in people]


def feedparser_view(feed):
    f = FeedParserDict()
    put_text(f, "title", feed.get("title"))
    put_text(f, "subtitle", feed.get("subtitle"))
    put_text(f, "rights", feed.get("rights"))
    if feed.get("link") is not None:
        f["link"] = feed["link"]
    if feed.get("links"):
        f["links"] = links(feed["links"])
    for key in ("id", "language", "generator"):
        if feed.get(key) is not None:
            f[key] = feed[key]
    put_people(f, feed.get("authors", []))
    if feed.get("updatedText") is not None:
        f["updated"] = feed["updatedText"]
        f["updated_parsed"] = struct_time(feed.get("updated"))
    if feed.get("categories"):
        f["tags"] = tags(feed["categories"])
    entries = []
    for entry in feed.get("entries", []):
        e = FeedParserDict()
        if entry.get("id") is not None:
            e["id"] = entry["id"]
        put_text(e, "title", entry.get("title"))
        put_text(e, "summary", entry.get("summary"))
        if entry.get("summary") is None and entry.get("content"):
            # feedparser's dict offers the first content as the summary when there is none.
            put_text(e, "summary", entry["content"][0])
        if entry.get("link") is not None:
            e["link"] = entry["link"]
        if entry.get("links"):
            e["links"] = links(entry["links"])
        put_people(e, entry.get("authors", []))
        if entry.get("contributors"):
            e["contributors"] = [person(p) for p in entry["contributors"]]
        if entry.get("publishedText") is not None:
            e["published"] = entry["publishedText"]
            e["published_parsed"] = struct_time(entry.get("published"))
        if entry.get("updatedText") is not None:
            e["updated"] = entry["updatedText"]
            e["updated_parsed"] = struct_time(entry.get("updated"))
        if entry.get("content"):
            e["content"] = [detail(c) for c in entry["content"]]
        if entry.get("categories"):
            e["tags"] = tags(entry["categories"])
        if entry.get("commentsURL") is not None:
            e["comments"] = entry["commentsURL"]
        entries.append(e)
    return {
        "bozo": 1 if feed["bozo"] else 0, "feed": f, "channel": f, "entries": entries, "items": entries,
        "encoding": feed["encoding"], "version": VERSIONS.get(feed["format"], ""),
    }


def referenced_fields(expression):
    """The (level, key) pairs an expectation reads, and the top-level names it uses."""
    tree = ast.parse(expression, mode="eval")
    fields, names = [], set()

    def level_of(node):
        # feed[...] / entries[i][...] / deeper (detail dicts, lists)
        if isinstance(node, ast.Name):
            return {"feed": "feed", "channel": "feed", "entries": "entries", "items": "entries"}.get(node.id, "other")
        if isinstance(node, ast.Subscript):
            inner = node.value
            if isinstance(inner, ast.Name) and inner.id in ("entries", "items"):
                return "entry"
            return "detail"
        if isinstance(node, ast.Call):
            return "detail"
        return "detail"

    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.Subscript):
            key = node.slice
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                fields.append((level_of(node.value), key.value))
        elif isinstance(node, ast.Attribute):
            if node.attr in METHODS:
                call_parent = node
                continue
            fields.append((level_of(node.value), node.attr))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("get", "has_key"):
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                fields.append((level_of(node.func.value), node.args[0].value))
    return fields, names


def uncarried_field(expression):
    fields, names = referenced_fields(expression)
    for name in sorted(names):
        if name not in TOP_NAMES and name not in BUILTINS:
            return name
    for level, key in fields:
        if level == "feed" and key not in FEED_KEYS:
            return "feed." + key
        if level == "entry" and key not in ENTRY_KEYS:
            return "entries[]." + key
        if level in ("detail", "other") and key not in DETAIL_KEYS and key not in FEED_KEYS and key not in ENTRY_KEYS:
            return key
        if level == "feed" and key in ("info",):
            return "feed." + key
    return None


def run_feedparser(records):
    passed, failed, skipped = 0, 0, collections.Counter()
    failures = []
    for record in records:
        if "error" in record:
            skipped["fixture without an Expect: line"] += 1
            continue
        if record.get("skip_unless"):
            try:
                available = bool(eval(record["skip_unless"]))
            except Exception:
                available = False
            if not available:
                skipped["SkipUnless not met (needs %s)" % record["skip_unless"]] += 1
                continue
        expression = record["expect"]
        try:
            field = uncarried_field(expression)
        except SyntaxError:
            skipped["expectation is not a Python expression"] += 1
            continue
        if field is not None:
            skipped["field not in vigil's model: " + field] += 1
            continue
        view = feedparser_view(record["feed"])
        view["datetime"] = datetime
        view["time"] = time
        try:
            ok = bool(eval(expression, {"__builtins__": __builtins__}, view))
        except Exception as error:  # a missing key is a failed expectation
            ok = False
            note = "%s: %s" % (type(error).__name__, error)
        else:
            note = ""
        if ok:
            passed += 1
        else:
            failed += 1
            failures.append((record["path"], expression, note))
    return passed, failed, skipped, failures


# --------------------------------------------------------------------------
# gofeed

# Expected-JSON paths (list indexes as []) vigil's model carries, per model.
UNIVERSAL_CARRIED = {
    "feedType", "feedVersion", "title", "description", "link", "feedLink", "links[]", "updated", "updatedParsed",
    "author.name", "author.email", "authors[].name", "authors[].email", "language", "copyright", "generator",
    "categories[]", "items[]", "items[].title", "items[].description", "items[].content", "items[].link",
    "items[].links[]", "items[].updated", "items[].updatedParsed", "items[].published", "items[].publishedParsed",
    "items[].author.name", "items[].author.email", "items[].authors[].name", "items[].authors[].email",
    "items[].guid", "items[].enclosures[].url", "items[].enclosures[].type", "items[].enclosures[].length",
    "items[].categories[]",
}
ATOM_CARRIED = {
    "version", "title", "subtitle", "rights", "id", "updated", "updatedParsed", "language",
    "authors[].name", "authors[].email", "authors[].uri",
    "links[].href", "links[].rel", "links[].type", "links[].title", "links[].length", "links[].hreflang",
    "generator.value", "categories[].term", "categories[].scheme", "categories[].label",
    "entries[]", "entries[].title", "entries[].id", "entries[].updated", "entries[].updatedParsed",
    "entries[].published", "entries[].publishedParsed", "entries[].summary", "entries[].content.value",
    "entries[].content.type", "entries[].links[].href", "entries[].links[].rel", "entries[].links[].type",
    "entries[].links[].title", "entries[].links[].length", "entries[].links[].hreflang",
    "entries[].authors[].name", "entries[].authors[].email", "entries[].authors[].uri",
    "entries[].contributors[].name", "entries[].contributors[].email", "entries[].contributors[].uri",
    "entries[].categories[].term", "entries[].categories[].scheme", "entries[].categories[].label",
}
RSS_CARRIED = {
    "version", "title", "link", "links[]", "description", "language", "copyright", "generator",
    "managingEditor", "lastBuildDate", "lastBuildDateParsed", "categories[].value", "categories[].domain",
    "items[]", "items[].title", "items[].link", "items[].links[]", "items[].description", "items[].content",
    "items[].author", "items[].pubDate", "items[].pubDateParsed", "items[].comments",
    "items[].guid.value", "items[].categories[].value", "items[].categories[].domain",
    "items[].enclosure.url", "items[].enclosure.type", "items[].enclosure.length",
    "items[].enclosures[].url", "items[].enclosures[].type", "items[].enclosures[].length",
}
JSON_CARRIED = {
    "version", "title", "home_page_url", "feed_url", "description", "language",
    "author.name", "author.url", "authors[].name", "authors[].url",
    "items[]", "items[].id", "items[].url", "items[].external_url", "items[].title", "items[].content_html",
    "items[].content_text", "items[].summary", "items[].date_published", "items[].date_modified",
    "items[].author.name", "items[].author.url", "items[].authors[].name", "items[].authors[].url",
    "items[].tags[]", "items[].attachments[].url", "items[].attachments[].mime_type",
    "items[].attachments[].size_in_bytes", "items[].attachments[].title",
}


def leaf_paths(value, prefix=""):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from leaf_paths(inner, prefix + "." + key if prefix else key)
    elif isinstance(value, list):
        if not value:
            yield prefix + "[]"
        for inner in value:
            yield from leaf_paths(inner, prefix + "[]")
    else:
        yield prefix


def restrict(value, carried, prefix=""):
    """Only the carried paths of value, empties dropped (gofeed: absent means empty)."""
    if isinstance(value, dict):
        result = {}
        for key, inner in value.items():
            path = prefix + "." + key if prefix else key
            if not any(c == path or c.startswith(path + ".") or c.startswith(path + "[]") for c in carried):
                continue
            restricted = restrict(inner, carried, path)
            if restricted not in (None, "", [], {}):
                result[key] = restricted
        return result
    if isinstance(value, list):
        items = [restrict(inner, carried, prefix + "[]") for inner in value]
        return items
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value
    return value


def instant(text):
    if not text:
        return None
    text = text.replace("Z", "+00:00")
    try:
        return datetime.datetime.fromisoformat(text).timestamp()
    except ValueError:
        return text


def rfc3339(seconds):
    if seconds is None:
        return None
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).isoformat()


def plain(text):
    """A text construct's value; HTML values compare as the text they show (see HTMLValue)."""
    return text_value(text)


def gofeed_universal(feed):
    family = {"rss2": "rss", "rss1": "rss", "atom": "atom", "json": "json"}
    fmt = feed["format"]
    feed_type = "rss" if fmt.startswith("rss") else "atom" if fmt.startswith("atom") else "json" if fmt.startswith("json") else ""
    versions = {"rss090": "0.9", "rss091": "0.91", "rss092": "0.92", "rss093": "0.93", "rss094": "0.94", "rss20": "2.0",
                "rss10": "1.0", "atom03": "0.3", "atom10": "1.0", "jsonFeed10": "1.0", "jsonFeed11": "1.1"}
    out = {"feedType": feed_type, "feedVersion": versions.get(fmt, "")}
    out["title"] = plain(feed.get("title"))
    out["description"] = plain(feed.get("subtitle"))
    out["link"] = feed.get("link")
    self_links = [l["href"] for l in feed.get("links", []) if l["rel"] == "self"]
    out["feedLink"] = self_links[0] if self_links else None
    out["links"] = [l["href"] for l in feed.get("links", []) if l["rel"] in ("alternate", "self", "related")]
    out["updated"] = feed.get("updatedText")
    out["updatedParsed"] = rfc3339(feed.get("updated"))
    authors = [{"name": a.get("name"), "email": a.get("email")} for a in feed.get("authors", [])]
    out["authors"] = authors
    out["author"] = authors[0] if authors else None
    out["language"] = feed.get("language")
    out["copyright"] = plain(feed.get("rights"))
    out["generator"] = feed.get("generator")
    # gofeed's universal model names a category by its label when it has one.
    out["categories"] = [c.get("label") or c["term"] for c in feed.get("categories", [])]
    items = []
    for entry in feed.get("entries", []):
        item = {
            "title": plain(entry.get("title")),
            "description": plain(entry.get("summary")),
            "content": plain(entry["content"][0]) if entry.get("content") else None,
            "link": entry.get("link"),
            "links": [l["href"] for l in entry.get("links", []) if l["rel"] in ("alternate", "related")],
            "updated": entry.get("updatedText"), "updatedParsed": rfc3339(entry.get("updated")),
            "published": entry.get("publishedText"), "publishedParsed": rfc3339(entry.get("published")),
            "guid": entry.get("id"),
            "enclosures": [{"url": e["url"], "type": e.get("type"), "length": str(e["length"]) if e.get("length") is not None else None}
                           for e in entry.get("enclosures", [])],
            "categories": [c.get("label") or c["term"] for c in entry.get("categories", [])],
        }
        people = [{"name": a.get("name"), "email": a.get("email")} for a in entry.get("authors", [])]
        item["authors"] = people
        item["author"] = people[0] if people else None
        items.append(item)
    out["items"] = items
    return out


def gofeed_atom(feed):
    def person(p):
        return {"name": p.get("name"), "email": p.get("email"), "uri": p.get("uri")}

    def link(l):
        return {"href": l["href"], "rel": l["rel"], "type": l.get("type"), "title": l.get("title"),
                "length": str(l["length"]) if l.get("length") is not None else None, "hreflang": l.get("hreflang")}

    def category(c):
        return {"term": c["term"], "scheme": c.get("scheme"), "label": c.get("label")}

    version = {"atom03": "0.3", "atom10": "1.0"}.get(feed["format"], "")
    out = {"version": version, "title": plain(feed.get("title")), "subtitle": plain(feed.get("subtitle")),
           "rights": plain(feed.get("rights")), "id": feed.get("id"), "updated": feed.get("updatedText"),
           "updatedParsed": rfc3339(feed.get("updated")), "language": feed.get("language"),
           "authors": [person(p) for p in feed.get("authors", [])], "links": [link(l) for l in feed.get("links", [])],
           "generator": {"value": feed.get("generator")}, "categories": [category(c) for c in feed.get("categories", [])]}
    entries = []
    for entry in feed.get("entries", []):
        content = entry["content"][0] if entry.get("content") else None
        entries.append({
            "title": plain(entry.get("title")), "id": entry.get("id"),
            "updated": entry.get("updatedText"), "updatedParsed": rfc3339(entry.get("updated")),
            "published": entry.get("publishedText"), "publishedParsed": rfc3339(entry.get("published")),
            "summary": plain(entry.get("summary")),
            "content": {"value": text_value(content), "type": content_type(content)} if content else None,
            "links": [link(l) for l in entry.get("links", [])],
            "authors": [person(p) for p in entry.get("authors", [])],
            "contributors": [person(p) for p in entry.get("contributors", [])],
            "categories": [category(c) for c in entry.get("categories", [])],
        })
    out["entries"] = entries
    return out


def content_type(text):
    return {"text": "text", "html": "html", "xhtml": "xhtml"}.get(text["kind"], text["mediaType"])


def gofeed_rss(feed):
    versions = {"rss090": "0.9", "rss091": "0.91", "rss092": "0.92", "rss093": "0.93", "rss094": "0.94",
                "rss20": "2.0", "rss10": "1.0"}
    authors = feed.get("authors", [])
    out = {"version": versions.get(feed["format"], ""), "title": plain(feed.get("title")), "link": feed.get("link"),
           "links": [l["href"] for l in feed.get("links", [])],
           "description": plain(feed.get("subtitle")), "language": feed.get("language"),
           "copyright": plain(feed.get("rights")), "generator": feed.get("generator"),
           "managingEditor": display(authors[0]) if authors else None,
           "lastBuildDate": feed.get("updatedText"), "lastBuildDateParsed": rfc3339(feed.get("updated")),
           "categories": [{"value": c["term"], "domain": c.get("scheme")} for c in feed.get("categories", [])]}
    items = []
    for entry in feed.get("entries", []):
        enclosures = [{"url": e["url"], "type": e.get("type"), "length": str(e["length"]) if e.get("length") is not None else None}
                      for e in entry.get("enclosures", [])]
        people = entry.get("authors", [])
        items.append({
            "title": plain(entry.get("title")), "link": entry.get("link"),
            "links": [l["href"] for l in entry.get("links", []) if l["rel"] == "alternate"],
            "description": plain(entry.get("summary")),
            "content": plain(entry["content"][0]) if entry.get("content") else None,
            "author": display(people[0]) if people else None,
            "pubDate": entry.get("publishedText"), "pubDateParsed": rfc3339(entry.get("published")),
            "comments": entry.get("commentsURL"),
            "guid": {"value": entry.get("id")},
            "categories": [{"value": c["term"], "domain": c.get("scheme")} for c in entry.get("categories", [])],
            "enclosure": enclosures[0] if enclosures else None,
            "enclosures": enclosures,
        })
    out["items"] = items
    return out


def gofeed_json(feed):
    version = {"jsonFeed10": "https://jsonfeed.org/version/1", "jsonFeed11": "https://jsonfeed.org/version/1.1"}
    self_links = [l["href"] for l in feed.get("links", []) if l["rel"] == "self"]
    people = [{"name": a.get("name"), "url": a.get("uri")} for a in feed.get("authors", [])]
    out = {"version": version.get(feed["format"], ""), "title": plain(feed.get("title")),
           "home_page_url": feed.get("link"), "feed_url": self_links[0] if self_links else None,
           "description": plain(feed.get("subtitle")), "language": feed.get("language"),
           "author": people[0] if people else None, "authors": people}
    items = []
    for entry in feed.get("entries", []):
        html_content = [c["value"] for c in entry.get("content", []) if c["kind"] == "html"]
        text_content = [c["value"] for c in entry.get("content", []) if c["kind"] == "text"]
        related = [l["href"] for l in entry.get("links", []) if l["rel"] == "related"]
        attachments = [l for l in entry.get("links", []) if l["rel"] == "enclosure"]
        authors = [{"name": a.get("name"), "url": a.get("uri")} for a in entry.get("authors", [])]
        items.append({
            "id": entry.get("id"), "url": entry.get("link"), "external_url": related[0] if related else None,
            "title": plain(entry.get("title")), "content_html": html_content[0] if html_content else None,
            "content_text": text_content[0] if text_content else None, "summary": plain(entry.get("summary")),
            "date_published": entry.get("publishedText"), "date_modified": entry.get("updatedText"),
            "author": authors[0] if authors else None, "authors": authors,
            "tags": [c["term"] for c in entry.get("categories", [])],
            "attachments": [{"url": a["href"], "mime_type": a.get("type"), "size_in_bytes": a.get("length"),
                             "title": a.get("title")} for a in attachments],
        })
    out["items"] = items
    return out


def normalise(value, key=""):
    """Equal-when-gofeed-means-equal: empties dropped, dates compared as instants."""
    if isinstance(value, dict):
        result = {}
        for k, v in value.items():
            n = normalise(v, k)
            if n not in (None, "", [], {}):
                result[k] = n
        return result
    if isinstance(value, list):
        return [normalise(v, key) for v in value]
    if isinstance(value, str) and key.endswith("Parsed"):
        return instant(value)
    if isinstance(value, HTMLValue):
        return HTMLValue(value.strip())
    if isinstance(value, str):
        return value.strip()
    return value


def model_for(path, expected):
    if path.startswith("gofeed/parser/atom/"):
        return "atom", ATOM_CARRIED, gofeed_atom
    if path.startswith("gofeed/parser/rss/"):
        return "rss", RSS_CARRIED, gofeed_rss
    if path.startswith("gofeed/parser/json/"):
        return "json", JSON_CARRIED, gofeed_json
    return "universal", UNIVERSAL_CARRIED, gofeed_universal


UNIVERSAL_DETECTION = {
    "atom03_feed.xml": "atom", "atom10_feed.xml": "atom", "rss_feed.xml": "rss", "rss_feed_bom.xml": "rss",
    "rss_feed_leading_spaces.xml": "rss", "rdf_feed.xml": "rss", "sample.json": "json", "json10_feed.json": "json",
    "json11_feed.json": "json", "unknown_feed.xml": None, "empty_feed.xml": None, "invalid.json": None,
}


def run_gofeed(records):
    passed, failed, skipped = 0, 0, collections.Counter()
    failures = []
    for record in records:
        path, feed = record["path"], record["feed"]
        name = path.rsplit("/", 1)[-1]
        if path.startswith("gofeed/parser/universal/") or path.endswith("invalid/invalid.json"):
            expected_type = UNIVERSAL_DETECTION.get(name)
            got = feed["format"]
            family = "rss" if got.startswith("rss") else "atom" if got.startswith("atom") else "json" if got.startswith("json") else None
            title = (feed.get("title") or {}).get("value")
            ok = family == expected_type and (expected_type is None or title in ("Feed Title", "title"))
            (passed, failed) = (passed + 1, failed) if ok else (passed, failed + 1)
            if not ok:
                failures.append((path, "detected %s, title %r" % (family, title), "expected %s" % expected_type))
            continue
        if "expected" not in record:
            skipped["input without an expectation file"] += 1
            continue
        expected = record["expected"]
        model, carried, view = model_for(path, expected)
        uncarried = sorted({p for p in leaf_paths(expected) if p and p not in carried})
        if uncarried:
            skipped["field not in vigil's model: %s (%s)" % (uncarried[0], model)] += 1
            continue
        ours = normalise(restrict(view(feed), carried))
        theirs = normalise(restrict(expected, carried))
        if ours == theirs:
            passed += 1
        else:
            failed += 1
            diff = {k: (theirs.get(k), ours.get(k)) for k in set(ours) | set(theirs) if ours.get(k) != theirs.get(k)}
            failures.append((path, "expected vs vigil", json.dumps(diff, default=str)[:600]))
    return passed, failed, skipped, failures


def main():
    suite, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    runner = run_feedparser if suite == "feedparser" else run_gofeed
    passed, failed, skipped, failures = runner(records)
    total_skipped = sum(skipped.values())
    print("%s: %d passed, %d failed, %d skipped" % (suite, passed, failed, total_skipped))
    applicable = passed + failed
    if applicable:
        print("%s: %.1f %% of applicable cases pass" % (suite, 100.0 * passed / applicable))
    print("skipped, by field:")
    for reason, count in sorted(skipped.items(), key=lambda item: (-item[1], item[0])):
        print("  %5d  %s" % (count, reason))
    if failures:
        print("failed:")
        for failure_path, expression, note in failures:
            print("  %s\n      %s\n      %s" % (failure_path, expression, note))
    print(json.dumps({"passed": passed, "failed": failed, "skipped": total_skipped}))


if __name__ == "__main__":
    main()
