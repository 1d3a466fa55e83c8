import Foundation
import Testing
import VigilFeeds

private func parse(_ text: String, contentType: String? = nil, url: String? = nil) -> ParsedFeed {
    FeedParser.parse(Array(text.utf8), contentType: contentType, url: url)
}

private let rss = """
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Example &amp; Co</title>
<link>https://example.org/</link>
<description>News</description>
<item>
<title>First post</title>
<link>https://example.org/1</link>
<guid isPermaLink="false">post-1</guid>
<dc:creator>Ada Lovelace</dc:creator>
<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>
<description>Short &lt;b&gt;summary&lt;/b&gt;</description>
<content:encoded><![CDATA[<p>Full <em>text</em> here.</p><script>alert(1)</script>]]></content:encoded>
<enclosure url="https://example.org/a.mp3" length="1234" type="audio/mpeg"/>
</item>
</channel>
</rss>
"""

@Test func readsRSS2WithNamespaces() throws {
    let feed = parse(rss)
    #expect(feed.format == .rss20)
    #expect(!feed.bozo, "\(feed.problems)")
    #expect(feed.title?.value == "Example & Co")
    #expect(feed.link == "https://example.org/")
    let entry = try #require(feed.entries.first)
    #expect(entry.id == "post-1")
    #expect(entry.dedupeKey == "id:post-1")
    #expect(entry.link == "https://example.org/1")
    #expect(entry.author?.name == "Ada Lovelace")
    #expect(entry.published == Date(timeIntervalSince1970: 1_055_217_600))
    #expect(entry.summary?.kind == .html)
    #expect(entry.summary?.value == "Short <b>summary</b>")
    #expect(entry.content.first?.value == "<p>Full <em>text</em> here.</p><script>alert(1)</script>")
    #expect(entry.plainText == "Full text here.")
    #expect(entry.enclosures == [FeedEnclosure(url: "https://example.org/a.mp3", type: "audio/mpeg", length: 1234)])
}

@Test func readsAtomWithBaseAndXHTML() throws {
    let feed = parse("""
    <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/blog/" xml:lang="en">
      <title type="html">A &lt;i&gt;blog&lt;/i&gt;</title>
      <link href="./"/>
      <link rel="self" href="feed.atom"/>
      <entry>
        <id>tag:example.org,2024:1</id>
        <title>Entry</title>
        <link rel="alternate" type="text/html" href="posts/1"/>
        <link rel="enclosure" href="/media/a.ogg" type="audio/ogg" length="99"/>
        <author><name>Grace</name><email>grace@example.org</email><uri>/grace</uri></author>
        <published>2024-03-01T12:30:00+02:00</published>
        <updated>2024-03-02T00:00:00Z</updated>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <b>world</b></p></div></content>
      </entry>
    </feed>
    """)
    #expect(feed.format == .atom10)
    #expect(!feed.bozo, "\(feed.problems)")
    #expect(feed.title?.kind == .html)
    #expect(feed.link == "https://example.org/blog/")
    let entry = try #require(feed.entries.first)
    #expect(entry.link == "https://example.org/blog/posts/1")
    #expect(entry.enclosures.first?.url == "https://example.org/media/a.ogg")
    #expect(entry.author == FeedPerson(name: "Grace", email: "grace@example.org", uri: "https://example.org/grace"))
    #expect(entry.published == Date(timeIntervalSince1970: 1_709_289_000))
    #expect(entry.content.first?.kind == .xhtml)
    #expect(entry.content.first?.value == "<p>Hello <b>world</b></p>")
    #expect(entry.content.first?.language == "en")
    #expect(entry.plainText == "Hello world")
}

@Test func readsRSS1AndDetectsFromContentNotName() throws {
    let feed = parse("""
    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://example.org/"><title>RDF</title><link>https://example.org/</link></channel>
      <item rdf:about="https://example.org/x"><title>X</title><link>https://example.org/x</link><dc:date>2004-01-02</dc:date></item>
    </rdf:RDF>
    """)
    #expect(feed.format == .rss10)
    #expect(feed.entries.count == 1)
    #expect(feed.entries[0].updated == Date(timeIntervalSince1970: 1_073_001_600))
}

@Test func readsJSONFeed() throws {
    let feed = parse("""
    {"version": "https://jsonfeed.org/version/1.1", "title": "J", "home_page_url": "https://example.org/",
     "authors": [{"name": "Ada"}],
     "items": [{"id": 7, "url": "/p/7", "content_html": "<p>Hi &amp; bye</p>", "date_published": "2024-01-01T00:00:00Z",
                "attachments": [{"url": "https://example.org/a.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 5}]}]}
    """)
    #expect(feed.format == .jsonFeed11)
    #expect(!feed.bozo)
    let entry = try #require(feed.entries.first)
    #expect(entry.id == "7")
    #expect(entry.link == "https://example.org/p/7")
    #expect(entry.plainText == "Hi & bye")
    #expect(entry.enclosures.first?.length == 5)
}

// MARK: - Broken feeds: read what is there, set bozo with a reason

@Test func unclosedTagsAreRepaired() throws {
    let feed = parse("<rss version=\"2.0\"><channel><title>T</title><item><title>One<item><title>Two</title></item></channel></rss>")
    #expect(feed.bozo)
    #expect(feed.bozoReason != nil)
    #expect(feed.title?.value == "T")
    #expect(feed.entries.count >= 1)
}

@Test func mismatchedCaseIsRepaired() throws {
    let feed = parse("<rss version=\"2.0\"><channel><Title>T</TITLE><item><title>A</title></ITEM></channel></rss>")
    #expect(feed.bozo)
    #expect(feed.bozoReason?.contains("mismatched") == true)
    #expect(feed.entries.map { $0.title?.value } == ["A"])
}

@Test func bareAmpersandIsKept() throws {
    let feed = parse("<rss version=\"2.0\"><channel><item><title>Q&A with AT&T</title></item></channel></rss>")
    #expect(feed.bozo)
    #expect(feed.bozoReason?.contains("bare '&'") == true)
    #expect(feed.entries.first?.title?.value == "Q&A with AT&T")
}

@Test func garbageAfterRootIsIgnored() throws {
    let feed = parse("<rss version=\"2.0\"><channel><item><title>A</title></item></channel></rss>\n<html>ad server junk</html>")
    #expect(feed.bozo)
    #expect(feed.bozoReason?.contains("after the root") == true)
    #expect(feed.entries.count == 1)
}

@Test func htmlPageServedAsFeedIsNotAFeed() throws {
    let feed = parse("<!DOCTYPE html><html><head><title>Blog</title></head><body><p>Hi<br></body></html>", contentType: "text/html; charset=utf-8")
    #expect(feed.format == .unknown)
    #expect(feed.bozo)
    #expect(feed.problems.contains { $0.contains("not an XML media type") })
    #expect(feed.problems.contains { $0.contains("not RSS, Atom or RDF") })
    #expect(feed.entries.isEmpty)
}

@Test func truncatedDownloadKeepsCompleteEntries() throws {
    let full = Array(rss.utf8)
    let cut = Array(full[0..<(full.count - 60)])
    let feed = FeedParser.parse(cut)
    #expect(feed.bozo)
    #expect(feed.title?.value == "Example & Co")
    #expect(feed.entries.count == 1)
    #expect(feed.entries.first?.title?.value == "First post")
}

@Test func everyPrefixOfAFeedParses() {
    // A download can stop anywhere; none of the cuts may crash or lose the channel title once it arrived.
    let bytes = Array(rss.utf8)
    let titleEnd = bytes.count - (rss.utf8.count - (rss.range(of: "</title>")!.upperBound.utf16Offset(in: rss)))
    for length in stride(from: 0, through: bytes.count, by: 7) {
        let feed = FeedParser.parse(Array(bytes[0..<length]))
        if length >= titleEnd { #expect(feed.title?.value == "Example & Co") }
    }
}

@Test func billionLaughsIsBoundedAndFlagged() throws {
    var xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol \"lol\">"
    for level in 1...9 {
        let previous = level == 1 ? "lol" : "lol\(level - 1)"
        xml += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
    }
    xml += "]><rss version=\"2.0\"><channel><title>&lol9;</title><item><title>kept</title></item></channel></rss>"
    let feed = parse(xml)
    #expect(feed.bozo)
    #expect(feed.problems.contains { $0.contains("entity expansion limit") })
    #expect((feed.title?.value.utf8.count ?? 0) <= 1 << 20)
    #expect(feed.entries.first?.title?.value == "kept")
}

@Test func externalEntitiesAreNeverLoaded() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-xxe-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let secret = directory.appendingPathComponent("secret.txt")
    try "TOP-SECRET".write(to: secret, atomically: true, encoding: .utf8)
    let feed = parse("""
    <?xml version="1.0"?>
    <!DOCTYPE rss [<!ENTITY xxe SYSTEM "\(secret.absoluteString)">]>
    <rss version="2.0"><channel><title>x&xxe;y</title></channel></rss>
    """)
    #expect(feed.title?.value == "xy")
    #expect(feed.bozo)
    #expect(feed.problems.contains { $0.contains("external entity") })
    #expect(!(feed.title?.value.contains("TOP-SECRET") ?? false))
}

@Test func emptyAndNonFeedInputsNeverCrash() {
    for input in ["", "   ", "{", "[1,2]", "<", "<?xml", "\u{FEFF}", "<rss", "not a feed at all", "{\"version\":1}"] {
        let feed = parse(input)
        #expect(feed.bozo, "\(input)")
        #expect(feed.entries.isEmpty)
    }
}

// MARK: - Encodings

@Test func httpCharsetWinsForXMLMediaTypes() {
    // The same bytes: ISO-8859-1 per the header, though the declaration says UTF-8.
    var bytes = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>caf".utf8)
    bytes.append(0xE9)
    bytes += Array("</title></channel></rss>".utf8)
    let feed = FeedParser.parse(bytes, contentType: "application/rss+xml; charset=iso-8859-1")
    #expect(feed.title?.value == "café")
    #expect(feed.encoding == "iso-8859-1")
}

@Test func textXMLWithoutCharsetIsASCIIThenFallsBack() {
    var bytes = Array("<rss version=\"2.0\"><channel><title>caf".utf8)
    bytes += [0xC3, 0xA9]
    bytes += Array("</title></channel></rss>".utf8)
    let feed = FeedParser.parse(bytes, contentType: "text/xml")
    #expect(feed.title?.value == "café")
    #expect(feed.bozo)
    #expect(feed.problems.contains { $0.contains("declared as us-ascii") })
}

@Test func decodesUTF16WithBOMAndLegacyEncodings() {
    let text = "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss version=\"2.0\"><channel><title>Ωmega</title></channel></rss>"
    var utf16: [UInt8] = [0xFF, 0xFE]
    for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    #expect(FeedParser.parse(utf16).title?.value == "Ωmega")

    let shiftJIS: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><rss version=\"2.0\"><channel><title>".utf8)
        + [0x93, 0xFA, 0x96, 0x7B] + Array("</title></channel></rss>".utf8)
    #expect(FeedParser.parse(shiftJIS).title?.value == "日本")

    let koi8: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"KOI8-R\"?><rss version=\"2.0\"><channel><title>".utf8)
        + [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4] + Array("</title></channel></rss>".utf8)
    #expect(FeedParser.parse(koi8).title?.value == "Привет")

    let windows1252: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss version=\"2.0\"><channel><title>".utf8)
        + [0x93, 0x68, 0x69, 0x94] + Array("</title></channel></rss>".utf8)
    #expect(FeedParser.parse(windows1252).title?.value == "\u{201C}hi\u{201D}")
}

@Test func invalidBytesAreReplacedNotFatal() {
    let bytes: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>a".utf8)
        + [0xFF, 0xFE, 0x80] + Array("b</title></channel></rss>".utf8)
    let feed = FeedParser.parse(bytes)
    #expect(feed.bozo)
    #expect(feed.title?.value.hasPrefix("a") == true)
    #expect(feed.title?.value.hasSuffix("b") == true)
}

// MARK: - Dates and keys

@Test(arguments: [
    ("Tue, 10 Jun 2003 04:00:00 GMT", 1_055_217_600.0),
    ("Tue, 10 Jun 2003 04:00:00 +0000", 1_055_217_600.0),
    ("10 Jun 2003 00:00:00 EDT", 1_055_217_600.0),
    ("Tue, 10 Jun 03 04:00 GMT", 1_055_217_600.0),
    ("Tuesday, 10 Jun 2003 04:00:00 Z", 1_055_217_600.0),
    ("Tue, 10 Jun 2003 04:00:00", 1_055_217_600.0),
    ("2003-06-10T04:00:00Z", 1_055_217_600.0),
    ("2003-06-10T06:00:00+02:00", 1_055_217_600.0),
    ("2003-06-10T06:00:00+0200", 1_055_217_600.0),
    ("2003-06-10 04:00:00", 1_055_217_600.0),
    ("2003-06-10T04:00:00.000Z", 1_055_217_600.0),
    ("20030610T040000Z", 1_055_217_600.0),
    ("2003-06-10", 1_055_203_200.0),
    ("2003-06", 1_054_425_600.0),
    ("2003", 1_041_379_200.0),
    ("Tue Jun 10 04:00:00 2003", 1_055_217_600.0),
])
func parsesDates(_ text: String, _ seconds: Double) {
    #expect(FeedDateParser.parse(text) == Date(timeIntervalSince1970: seconds), "\(text)")
}

@Test(arguments: ["", "yesterday", "2003-13-45", "32 Jun 2003", "Tue, 10 Foo 2003 04:00:00 GMT", "2003-06-10T25:99"])
func rejectsNonDates(_ text: String) {
    #expect(FeedDateParser.parse(text) == nil)
}

@Test func dedupeKeyFallsBackFromIdToLinkToHash() {
    #expect(DedupeKey.make(id: " a ", link: "l", title: nil, date: nil, content: nil) == "id:a")
    #expect(DedupeKey.make(id: nil, link: "https://x/1", title: "t", date: nil, content: nil) == "link:https://x/1")
    let first = DedupeKey.make(id: nil, link: nil, title: "t", date: "d", content: "c")
    #expect(first.hasPrefix("hash:"))
    #expect(first == DedupeKey.make(id: nil, link: nil, title: "t", date: "d", content: "c"))
    #expect(first != DedupeKey.make(id: nil, link: nil, title: "td", date: "", content: "c"))
}

// MARK: - Hostile shapes stay bounded

@Test func deepNestingIsBoundedNotFatal() {
    let depth = 200_000
    let xml = "<rss version=\"2.0\"><channel><title>deep</title>" + String(repeating: "<a>", count: depth)
        + "x" + String(repeating: "</a>", count: depth) + "</channel></rss>"
    let feed = parse(xml)
    #expect(feed.title?.value == "deep")
    #expect(feed.bozo)
    #expect(feed.problems.contains { $0.contains("nested deeper") })
}

@Test func unmatchedEndTagsAndManyAttributesStayCheap() {
    let closes = String(repeating: "</nothing>", count: 100_000)
    let attributes = (0..<5_000).map { " a\($0)=\"\($0)\"" }.joined()
    let feed = parse("<rss version=\"2.0\"><channel><title\(attributes)>T</title>\(closes)</channel></rss>")
    #expect(feed.title?.value == "T")
    #expect(feed.problems.count <= XMLTokenizer.maximumProblems * 2 + 1)
    #expect(feed.problems.last?.contains("more problems not listed") == true)
}

@Test func aMillionBareAmpersandsAreCountedNotKept() {
    let feed = parse("<rss version=\"2.0\"><channel><title>" + String(repeating: "& ", count: 1_000_000) + "</title></channel></rss>")
    #expect(feed.title?.value.utf8.count == 2_000_000 - 1)
    #expect(feed.problems.count <= XMLTokenizer.maximumProblems + 1)
}

@Test func randomlyCorruptedFeedsNeverCrash() {
    // A fixed-seed generator, so a failure reproduces.
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
    let original = Array(rss.utf8)
    let alphabet = Array("<>&;/=\"'![]-?#x \n\u{FF}".utf8) + [0x00, 0xC2, 0x80, 0xEF]
    for _ in 0..<2_000 {
        var bytes = original
        for _ in 0..<Int(next() % 12 + 1) {
            let position = Int(next() % UInt64(bytes.count))
            switch next() % 3 {
            case 0: bytes[position] = alphabet[Int(next() % UInt64(alphabet.count))]
            case 1: bytes.remove(at: position)
            default: bytes.insert(alphabet[Int(next() % UInt64(alphabet.count))], at: position)
            }
        }
        let feed = FeedParser.parse(bytes)
        for entry in feed.entries { _ = entry.plainText }
    }
}
