import Testing
@testable import VigilFeeds

private func tokens(_ xml: String) -> (tokens: [XMLToken], problems: [XMLProblem]) {
    var tokenizer = XMLTokenizer(utf8: Array(xml.utf8))
    var result: [XMLToken] = []
    while let token = tokenizer.next() { result.append(token) }
    return (result, tokenizer.problems)
}

@Test func tokenizesEveryKindOfMarkup() {
    let xml = #"<?xml version="1.0"?><!DOCTYPE rss><!--c--><rss a="1" b='x &amp; y'><t/><![CDATA[<b>]]>hi</rss>"#
    let (result, problems) = tokens(xml)
    #expect(problems.isEmpty)
    #expect(result == [
        .processingInstruction(target: "xml", data: #"version="1.0""#),
        .doctype("rss"),
        .comment("c"),
        .startTag(name: "rss", attributes: [XMLAttribute(name: "a", value: "1"), XMLAttribute(name: "b", value: "x & y")], selfClosing: false),
        .startTag(name: "t", attributes: [], selfClosing: true),
        .cdata("<b>"),
        .text("hi"),
        .endTag(name: "rss"),
    ])
}

@Test func decodesXMLNumericAndHTMLEntities() {
    let (result, problems) = tokens("<t>&lt;&#233;&#xE9;&eacute;&rsquo;&#147;</t>")
    #expect(problems.isEmpty)
    #expect(result[1] == .text("<éé\u{E9}\u{2019}\u{201C}"))
}

@Test func keepsBareAmpersandAndReportsIt() {
    let (result, problems) = tokens("<t>AT&T & co &nosuch;</t>")
    #expect(result[1] == .text("AT&T & co &nosuch;"))
    #expect(problems.map(\.kind) == [.bareAmpersand, .bareAmpersand, .undefinedEntity])
}

@Test func repairsAttributesWithoutQuotesOrValues() {
    let (result, problems) = tokens("<a href=http://x/y checked>")
    #expect(result == [.startTag(name: "a", attributes: [
        XMLAttribute(name: "href", value: "http://x/y"), XMLAttribute(name: "checked", value: "checked"),
    ], selfClosing: false)])
    #expect(problems.map(\.kind) == [.malformedAttribute, .malformedAttribute])
}

@Test func strayLessThanBecomesText() {
    let (result, problems) = tokens("<t>1 < 2</t>")
    #expect(result == [.startTag(name: "t", attributes: [], selfClosing: false), .text("1 "), .text("<"), .text(" 2"), .endTag(name: "t")])
    #expect(problems.map(\.kind) == [.strayLessThan])
}

@Test func truncatedInputEndsWithAProblem() {
    let (result, problems) = tokens("<rss><title>Hello</ti")
    #expect(result.count == 3)
    #expect(problems.last?.kind == .unexpectedEndOfInput)
}

@Test func expandsDeclaredEntitiesAndRefusesExternalOnes() {
    let xml = #"<!DOCTYPE r [<!ENTITY me "Ada"><!ENTITY file SYSTEM "file:///etc/passwd">]><r>&me; &file;</r>"#
    let (result, problems) = tokens(xml)
    #expect(result.contains(.text("Ada ")))
    #expect(problems.map(\.kind) == [.externalEntity])
}

@Test func billionLaughsIsBounded() {
    var xml = #"<!DOCTYPE lolz [<!ENTITY lol "lol">"#
    for level in 1...9 {
        let previous = level == 1 ? "lol" : "lol\(level - 1)"
        xml += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
    }
    xml += "]><lolz>&lol9;</lolz>"
    let (result, problems) = tokens(xml)
    #expect(problems.map(\.kind).contains(.entityExpansionLimit))
    let textLength = result.reduce(0) { total, token in
        if case .text(let text) = token { return total + text.utf8.count }
        return total
    }
    #expect(textLength <= XMLTokenizer.Limits().maximumExpandedBytes)
}

@Test func documentRepairsNestingAndFlagsGarbageAfterRoot() {
    let document = XMLDocument(utf8: Array("<rss><channel><title>T</TITLE><item><title>A</title></channel></rss>junk<x/>".utf8))
    let channel = document.root?.firstElement("channel")
    #expect(channel?.firstElement("title")?.text == "T")
    let kinds = document.problems.map(\.kind)
    #expect(kinds.contains(.mismatchedTag))
    #expect(kinds.contains(.contentAfterRoot))
}

@Test func documentResolvesNamespaces() {
    let document = XMLDocument(utf8: Array(#"<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>x</dc:creator></feed>"#.utf8))
    #expect(document.root?.namespace == "http://www.w3.org/2005/Atom")
    #expect(document.root?.elements.first?.namespace == "http://purl.org/dc/elements/1.1/")
    #expect(document.root?.elements.first?.localName == "creator")
    #expect(document.problems.isEmpty)
}

@Test func truncatedDocumentKeepsWhatArrived() {
    let document = XMLDocument(utf8: Array("<rss><channel><item><title>First</title></item><item><title>Sec".utf8))
    #expect(document.root?.firstElement("channel")?.elements.count == 2)
    #expect(document.problems.map(\.kind).contains(.unclosedElement))
}
