import Testing
import VigilText

@Test func bareAddressesLoseTheirTrailingPunctuation() {
    #expect(TextLinks.urls(in: "See https://example.org/post. And http://example.net/a?b=1, then!")
        == ["https://example.org/post", "http://example.net/a?b=1"])
    #expect(TextLinks.urls(in: "Was it https://example.org/q?... \"https://example.org/quoted\" 'https://example.org/s';")
        == ["https://example.org/q", "https://example.org/quoted", "https://example.org/s"])
    #expect(TextLinks.urls(in: "**https://example.org/bold**") == ["https://example.org/bold"])
}

@Test func markdownLinksAndAutolinksGiveTheirTargets() {
    let text = """
    Read [my post](https://blog.example.org/dana-whitfield) and <https://example.org/auto>.
    [t](https://example.org/titled "Title") [https://example.org/same](https://example.org/same)
    """
    #expect(TextLinks.urls(in: text) == [
        "https://blog.example.org/dana-whitfield", "https://example.org/auto", "https://example.org/titled",
        "https://example.org/same",
    ])
}

@Test func parenthesesStayWhenTheAddressOpenedThem() {
    #expect(TextLinks.urls(in: "[wiki](https://en.example.org/wiki/Fork_(software))")
        == ["https://en.example.org/wiki/Fork_(software)"])
    #expect(TextLinks.urls(in: "(see https://example.org/a)") == ["https://example.org/a"])
    #expect(TextLinks.urls(in: "https://example.org/f(x)).") == ["https://example.org/f(x)"])
}

@Test func onlyHTTPAddressesWithAHostCount() {
    #expect(TextLinks.urls(in: "ftp://example.org mailto:dana@example.org https:// https:///path http://?q").isEmpty)
    #expect(TextLinks.urls(in: "xhttps://example.org/glued 9http://example.org/digit").isEmpty)
    #expect(TextLinks.urls(in: "HTTPS://Example.org/Case") == ["https://Example.org/Case"])
    #expect(TextLinks.urls(in: "").isEmpty)
}

@Test func addressesEndAtSpacesMarkupAndCJKPunctuation() {
    #expect(TextLinks.urls(in: "詳細はhttps://example.jp/記事。次は（https://example.jp/二）") == [
        "https://example.jp/記事", "https://example.jp/二",
    ])
    #expect(TextLinks.urls(in: "a\u{3000}https://example.org/x\u{3000}b <a href=\"https://example.org/y\">")
        == ["https://example.org/x", "https://example.org/y"])
    #expect(TextLinks.urls(in: "|https://example.org/cell|\thttps://example.org/tab\n") == [
        "https://example.org/cell", "https://example.org/tab",
    ])
}

@Test func addressesAreGivenOnceAndAtMostFifty() {
    #expect(TextLinks.urls(in: "https://example.org/a https://example.org/a, https://example.org/b")
        == ["https://example.org/a", "https://example.org/b"])
    let many = (0..<80).map { "https://example.org/\($0)" }.joined(separator: " ")
    let urls = TextLinks.urls(in: many)
    #expect(urls.count == TextLinks.limit)
    #expect(urls.first == "https://example.org/0" && urls.last == "https://example.org/49")
}

@Test func anAddressInsideAnotherIsPartOfIt() {
    #expect(TextLinks.urls(in: "https://example.org/?next=https://example.net/x") == ["https://example.org/?next=https://example.net/x"])
}
