import Testing
import VigilText

private let extractor = ArticleExtractor()
private let url = "https://tern.example.org/post"

@Test func brokenMarkupStillGivesText() {
    let unclosed = #"<html><body><article><p>Unclosed <b>bold <div class="share">Share</div><p>Second"#
    #expect(extractor.article(fromHTML: unclosed, pageURL: url).text == "Unclosed bold\n\nSecond")
    // No end tags at all, and an unclosed head: the body is still found.
    let noEnds = "<html><head><meta charset=utf-8><link rel=icon href=/i.png><body><p>Body text"
    #expect(extractor.article(fromHTML: noEnds, pageURL: url).text == "Body text")
    let noBody = "<head><meta name=author content=Ines><p>Only a paragraph"
    let headless = extractor.article(fromHTML: noBody, pageURL: url)
    #expect(headless.text == "Only a paragraph")
    #expect(headless.author == "Ines")
    // Stray end tags are ignored; an unclosed nav ends with its parent.
    let stray = "<body></div></article><div><nav>Menu</div><p>After the menu.</p></p></body>"
    #expect(extractor.article(fromHTML: stray, pageURL: url).text == "After the menu.")
    for html in ["", "<", "<article", "<a href='", "&", "<!--", "<![CDATA[", "</", "<meta content=", "<title>", "<base href=>"] {
        #expect(extractor.article(fromHTML: html, pageURL: url).links.isEmpty)
    }
}

@Test func everyCutOfAPageIsRead() {
    let page = """
    <html><head><title>A &amp; B</title><meta property="og:title" content="Cut"></head><body>
    <nav><a href="/">Home</a></nav><article class="post"><h1>Heading</h1><p>Text with <a href="/l">a link</a>.</p>
    <!-- note --><script>if (a < b) {}</script><time datetime="2024-05-02T10:00:00Z">May</time></article>
    <footer>Foot</footer></body></html>
    """
    let bytes = Array(page.utf8)
    for end in 0...bytes.count {
        let article = extractor.article(fromHTML: Array(bytes[..<end]), pageURL: url)
        #expect(!article.text.hasPrefix(" ") && !article.text.hasSuffix("\n") && !article.text.contains("  "))
    }
}

@Test func randomMarkupNeverBreaksTheArticleExtractor() {
    var state: UInt64 = 7
    let pieces = [
        "<article>", "</article>", "<main>", "</main>", "<div class='nav'>", "<div role=main>", "</div>", "<p>", "</p>",
        "<a href='/x'>", "<a rel=author>", "</a>", "<header>", "</header>", "<aside>", "</aside>", "<script>",
        "</script>", "<title>", "</title>", "<meta name=author content=x>", "<base href=//h/>", "<time datetime=2024-01-01>",
        "text ", "&amp;", "&", "<", ">", "\"", "'", "<!--", "-->", "<br/>", "<body>", "</body>", "<li>", "<ul>", "\u{FF}",
    ]
    for _ in 0..<2_000 {
        var html = ""
        for _ in 0..<24 {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            html += pieces[Int((state >> 33) % UInt64(pieces.count))]
        }
        let article = extractor.article(fromHTML: html, pageURL: url)
        #expect(!article.text.hasPrefix(" ") && !article.text.hasSuffix(" ") && !article.text.contains("  "))
        #expect(article.links.allSatisfy { $0.hasPrefix("http") && !$0.contains("#") })
    }
}

@Test func illFormedUTF8IsReplaced() {
    let bytes = Array("<article><p>caf".utf8) + [0xE9, 0xFF] + Array(" ok</p></article>".utf8)
    #expect(extractor.article(fromHTML: bytes, pageURL: url).text == "caf\u{FFFD}\u{FFFD} ok")
}

@Test func deepNestingIsReadInBoundedTime() {
    let deep = String(repeating: "<div>", count: 20_000) + "<p>deep</p>" + String(repeating: "</span>", count: 20_000)
    #expect(extractor.article(fromHTML: deep, pageURL: url).text == "deep")
}

@Test func aPageOfThousandsOfLinksGivesTheFirstOnes() {
    let anchors = (0..<800).map { "<a href=\"/p/\($0)\">post \($0)</a> <a href=\"/p/\($0)\">again</a>" }.joined(separator: " ")
    let links = extractor.article(fromHTML: "<article><p>\(anchors)</p></article>", pageURL: url).links
    #expect(links.count == ArticleExtractor.linkLimit)
    #expect(links.first == "https://tern.example.org/p/0" && links.last == "https://tern.example.org/p/499")
}
