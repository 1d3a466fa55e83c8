import Testing
import VigilText

private let extractor = HTMLTextExtractor()

@Test func blockElementsBecomeLineBreaks() {
    let text = extractor.text(fromHTML: "<h1>Title</h1><p>First para.</p><p>Second<br>line</p><ul><li>a</li><li>b</li></ul>")
    #expect(text == "Title\n\nFirst para.\n\nSecond\nline\n\na\nb")
}

@Test func scriptStyleAndNavAreRemoved() {
    let text = extractor.text(fromHTML: """
    <nav><a href="/">Home</a> | <a href="/about">About</a></nav>
    <style>p { color: red }</style><script>var x = "<p>not text</p>";</script>
    <p>Body</p><noscript>enable js</noscript>
    """)
    #expect(text == "Body")
}

@Test func entitiesAreDecoded() {
    #expect(extractor.text(fromHTML: "Q&amp;A &eacute;t&eacute; &#8217; &#x2014; &copy 2024 &nbsp;x &bogus; AT&T") == "Q&A été \u{2019} \u{2014} © 2024 x &bogus; AT&T")
    #expect(extractor.text(fromHTML: "&#147;quoted&#148;") == "\u{201C}quoted\u{201D}")
}

@Test func whitespaceIsNormalised() {
    #expect(extractor.text(fromHTML: "  a \n\t b   <span> c </span>\n\n\n d  ") == "a b c d")
    #expect(extractor.text(fromHTML: "<div>\n  <div>x</div>\n\n <div>y</div></div>") == "x\ny")
    #expect(extractor.text(fromHTML: "<pre>line 1\nline 2</pre>") == "line 1\nline 2")
}

@Test func inlineElementsDoNotSplitWords() {
    #expect(extractor.text(fromHTML: "un<b>break</b>able <a href=\"x\">link</a>.") == "unbreakable link.")
}

@Test func commentsCDATAAndStrayMarkupAreHandled() {
    #expect(extractor.text(fromHTML: "a<!-- hidden -->b <![CDATA[c]]> 1 < 2 > 0") == "ab c 1 < 2 > 0")
    #expect(extractor.text(fromHTML: "<p title='a > b'>x</p>") == "x")
}

@Test func brokenMarkupNeverFails() {
    for html in ["<", "<p", "<!--", "&", "&#", "&#x;", "<script>unclosed", "</p></p>", "<<>>", "\u{0}"] {
        _ = extractor.text(fromHTML: html)
    }
    #expect(extractor.text(fromHTML: "text<script>never closed") == "text")
}

@Test func plainTextWhitespaceKeepsParagraphs() {
    #expect(HTMLTextExtractor.normalizeWhitespace("  one  two \n\n\n\nthree\r\nfour ") == "one two\n\nthree\nfour")
}

@Test func randomMarkupNeverBreaksTheExtractor() {
    var state: UInt64 = 42
    let pieces = ["<p>", "</p>", "<script>", "</script>", "<br/>", "&amp;", "&", "&#", "&#x1F600;", "<!--", "-->",
                  "<pre>", "</pre>", "text ", "\u{A0}", "<", ">", "\"", "<a href='x>y'>", "<NAV>", "</nav>", "\n"]
    for _ in 0..<2_000 {
        var html = ""
        for _ in 0..<20 {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            html += pieces[Int((state >> 33) % UInt64(pieces.count))]
        }
        let text = extractor.text(fromHTML: html)
        #expect(!text.hasPrefix(" ") && !text.hasSuffix(" ") && !text.contains("  "))
    }
}

@Test func blockquotesKeepTheirQuotationMarkers() {
    let text = extractor.text(fromHTML: """
    <p>From the thread:</p><blockquote><p>He is protecting his fiefdom.</p><p>Second line<br>wraps</p></blockquote>
    <p>That is a smear.</p>
    """)
    #expect(text == "From the thread:\n\n> He is protecting his fiefdom.\n\n> Second line\n> wraps\n\nThat is a smear.")
    let nested = extractor.text(fromHTML: "<blockquote>a<blockquote>b</blockquote>c</blockquote>d")
    #expect(nested == "> a\n\n> > b\n\n> c\n\nd")
    // Nesting past the bound adds no more markers.
    let deep = extractor.text(fromHTML: String(repeating: "<blockquote>", count: 50) + "x")
    #expect(deep == "> > > > x")
}
