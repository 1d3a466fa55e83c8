import Testing
import VigilText

// The extractor finds plain runs sixteen bytes at a time and knows the common
// entities without a table; these tests cross those paths at their edges.

private let extractor = HTMLTextExtractor()

@Test func typographicEntitiesAreDecodedWithoutTheTable() {
    let text = extractor.text(fromHTML: "a&mdash;b&ndash;c&hellip; &lsquo;d&rsquo; &ldquo;e&rdquo; &mdashx &HELLIP;")
    // Without ";" only the legacy names count, and names are case-sensitive.
    #expect(text == "a\u{2014}b\u{2013}c\u{2026} \u{2018}d\u{2019} \u{201C}e\u{201D} &mdashx &HELLIP;")
}

@Test func longPlainRunsStopAtEveryKindOfBreak() {
    let words = "sixteen-byte-plus words run on"
    let html = "<p>\(words)  \(words)\t\(words)&amp;\(words)<br>\(words)\u{A0}\(words)\n\(words) </p>"
    let text = extractor.text(fromHTML: html)
    #expect(text == "\(words) \(words) \(words)&\(words)\n\(words) \(words) \(words)")
}

@Test func tagsWithAndWithoutAttributesEndWhereTheyShould() {
    let text = extractor.text(fromHTML: #"<div class="a>b">one</div><td>two</td><th title='x'>three</th><br/>four"#)
    #expect(text == "one\ntwo three\nfour")
}
