import Foundation
import Testing
@testable import VigilFeeds

// The parser reads the common shapes of feed text by faster paths than the general
// readers (escaped markup, RFC 822 dates, ASCII attribute names, Latin-1); these
// tests hold each fast path to the answer the general one gives, at its edges.

private func text(of xml: String) -> (text: String, problems: [XMLProblem]) {
    var tokenizer = XMLTokenizer(utf8: Array(xml.utf8))
    var result = ""
    while let token = tokenizer.next() {
        if case .text(let text) = token { result += text }
    }
    return (result, tokenizer.problems)
}

@Test func escapedMarkupHandsOverToTheGeneralDecoderMidText() {
    let markup = String(repeating: "&lt;b&gt;x&lt;/b&gt; &amp; &quot;q&quot; ", count: 40)
    // After the markup references: a named entity, a CR LF, and a C1 control written
    // as UTF-8 (Windows-1252 punctuation mislabelled), each for the general decoder.
    let (decoded, problems) = text(of: "<t>" + markup + "&eacute;\r\nend\u{85}&lt;</t>")
    #expect(problems.isEmpty)
    #expect(decoded == String(repeating: "<b>x</b> & \"q\" ", count: 40) + "é\nend\u{2026}<")
}

@Test func escapedMarkupCutShortKeepsWhatArrived() {
    let (decoded, problems) = text(of: "<t>" + String(repeating: "&lt;p&gt;", count: 5) + "&lt</t>")
    #expect(decoded == String(repeating: "<p>", count: 5) + "&lt")
    #expect(problems.map(\.kind) == [.bareAmpersand])
}

@Test func attributeValuesDecodeMarkupReferencesAndSpaceOutTabs() {
    var tokenizer = XMLTokenizer(utf8: Array("<a t=\"&lt;&amp;&quot;&gt;\tx&gt;\"/>".utf8))
    #expect(tokenizer.next() == .startTag(name: "a", attributes: [XMLAttribute(name: "t", value: "<&\"> x>")], selfClosing: true))
}

@Test func illFormedInputIsRepairedNotTrusted() {
    // Bytes given directly (not through the decoder) are checked: an invalid byte becomes U+FFFD.
    var tokenizer = XMLTokenizer(utf8: [0x3C, 0x74, 0x3E, 0x61, 0xFF, 0x26, 0x6C, 0x74, 0x3B, 0x3C, 0x2F, 0x74, 0x3E])
    #expect(tokenizer.next() == .startTag(name: "t", attributes: [], selfClosing: false))
    #expect(tokenizer.next() == .text("a\u{FFFD}<"))
}

@Test func commonRFC822DatesAgreeWithTheGeneralReader() {
    // 11:35:30 at -07:30 is 19:05:30 UTC.
    #expect(FeedDateParser.parse("Sat, 06 Feb 2021 11:35:30 -0730") == Date(timeIntervalSince1970: 1_612_638_330))
    #expect(FeedDateParser.parse("  sat, 06 feb 2021 11:35:30 +0000 ") == Date(timeIntervalSince1970: 1_612_611_330))
    // A month name where the day name goes is read as asctime, and fails, as before.
    #expect(FeedDateParser.parse("Mar, 06 Feb 2021 11:35:30 +0200") == nil)
    // Out-of-range parts are refused on either path.
    #expect(FeedDateParser.parse("Sat, 06 Feb 2021 11:35:30 +2400") == nil)
    #expect(FeedDateParser.parse("Sat, 32 Feb 2021 11:35:30 +0000") == nil)
    #expect(FeedDateParser.parse("Sat, 06 Feb 2021 25:35:30 +0000") == nil)
    // Two-digit years and named zones take the general path.
    #expect(FeedDateParser.parse("Sat, 06 Feb 21 11:35:30 +0000") == Date(timeIntervalSince1970: 1_612_611_330))
    #expect(FeedDateParser.parse("Sat, 06 Feb 2021 11:35:30 GMT") == Date(timeIntervalSince1970: 1_612_611_330))
}

@Test func attributesByLocalNameCompareASCIIWithoutCase() {
    let element = XMLElement(qualifiedName: "link", localName: "link", namespace: "", attributes: [
        XMLAttribute(name: "x:HREF", value: "a"),
        XMLAttribute(name: "rel:", value: "b"),
        XMLAttribute(name: "::", value: "c"),
    ])
    #expect(element.attribute(localName: "href") == "a")
    #expect(element.attribute(localName: "REL") == "b")
    #expect(element.attribute(localName: "::") == "c")
    #expect(element.attribute(localName: "type") == nil)
    let accented = XMLElement(qualifiedName: "a", localName: "a", namespace: "", attributes: [XMLAttribute(name: "p:TÍTULO", value: "t")])
    #expect(accented.attribute(localName: "título") == "t")
}

@Test func plainTitlesWithAmpersandsAreNotHTML() {
    #expect(!TextReading.looksLikeHTML("AT&T <3 Q&A"))
    #expect(!TextReading.looksLikeHTML("a < b & c > d"))
    #expect(TextReading.looksLikeHTML("Fish &amp; <b>chips</b>"))
    #expect(TextReading.looksLikeHTML("line<BR>break &"))
    #expect(TextReading.looksLikeHTML("an <IMG src=x> & more"))
    #expect(TextReading.looksLikeHTML("<P>para &"))
    #expect(TextReading.looksLikeHTML("self-closing <x/> &"))
}

@Test func latin1FeedsConvertEveryByte() {
    let ascii = String(repeating: "plain ASCII text ", count: 4)
    var bytes = Array("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><title>".utf8)
    bytes += Array(ascii.utf8) + [0xE9, 0x41, 0xFF] + Array("</title></channel></rss>".utf8)
    let feed = FeedParser.parse(bytes)
    #expect(feed.encoding == "iso-8859-1")
    #expect(feed.title?.value == ascii + "éAÿ")
    #expect(!feed.bozo)
}

@Test func manyNamespacesStillResolveEveryElement() {
    // More namespaces than the readers remember: each is still recognised.
    var declarations = ""
    for index in 0..<20 { declarations += " xmlns:n\(index)=\"http://example.org/ns/\(index)\"" }
    let xml = "<rss version=\"2.0\"\(declarations) xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><item>"
        + (0..<20).map { "<n\($0):x>v</n\($0):x>" }.joined()
        + "<dc:creator>Ada</dc:creator><title>T</title></item></channel></rss>"
    let feed = FeedParser.parse(Array(xml.utf8))
    #expect(feed.entries.first?.author?.name == "Ada")
    #expect(feed.entries.first?.title?.value == "T")
}
