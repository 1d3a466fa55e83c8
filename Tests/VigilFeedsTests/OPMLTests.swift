import Testing
@testable import VigilFeeds

@Suite struct OPMLTests {
    func read(_ text: String) throws -> [OPMLOutline] {
        try OPMLReader.read(Array(text.utf8))
    }

    @Test func nestedOutlinesAndCategoriesBecomeTags() throws {
        let outlines = try read("""
            <?xml version="1.0"?>
            <opml version="2.0"><head><title>t</title></head><body>
              <outline text="aggregators">
                <outline text="hacker-news">
                  <outline type="rss" text="HN" xmlUrl="https://hnrss.org/frontpage" htmlUrl="https://news.ycombinator.com/" category="/news/tech,daily"/>
                </outline>
              </outline>
              <outline type="rss" title="Top level" xmlUrl="https://example.org/feed"/>
            </body></opml>
            """)
        #expect(outlines.count == 2)
        #expect(outlines[0].tags == ["aggregators", "hacker-news", "news", "tech", "daily"])
        #expect(outlines[0].htmlURL == "https://news.ycombinator.com/")
        #expect(outlines[1].tags.isEmpty)
        #expect(outlines[1].title == "Top level")
    }

    @Test func readsOPML1WithEntitiesAndVigilAttributes() throws {
        let outlines = try read("""
            <opml version="1.0" xmlns:vigil="urn:vigil:opml:1"><body>
            <outline title="A &amp; B" xmlUrl="https://example.org/s?q={query}&amp;sort=new" vigil:every="30m" vigil:terms="names,handles" vigil:termPattern="[a-z]+"/>
            </body></opml>
            """)
        #expect(outlines == [OPMLOutline(xmlURL: "https://example.org/s?q={query}&sort=new", title: "A & B", tags: [], every: "30m", queryTerms: ["names", "handles"], queryTermPattern: "[a-z]+")])
    }

    @Test(arguments: [
        ("<opml><body><outline xmlUrl=\"https://a.example/\"></body></opml>", "not well-formed"),
        ("<opml><body><outline xmlUrl=\"https://a.example/\"/>", "not well-formed"),
        ("<rss version=\"2.0\"><channel/></rss>", "not an OPML file"),
        ("<opml version=\"2.0\"><head/></opml>", "no <body>"),
        ("", "not well-formed"),
        ("just text", "not"),
    ])
    func brokenFilesAreRefusedWithAReason(text: String, reason: String) {
        #expect {
            try read(text)
        } throws: { error in
            (error as? OPMLError)?.description.contains(reason) == true
        }
    }

    @Test func aBrokenFileNamesTheLine() {
        #expect {
            try read("<opml>\n<body>\n<outline xmlUrl=\"https://a.example/\">\n</bodyx>\n</opml>")
        } throws: { error in
            (error as? OPMLError)?.line != nil
        }
    }

    @Test func exportReadsBackWithTheSameFeedsAndTags() throws {
        let outlines = [
            OPMLOutline(xmlURL: "https://a.example/feed", title: "A \"quoted\" <title> & more", htmlURL: "https://a.example/", tags: ["news", "tech"]),
            OPMLOutline(xmlURL: "https://b.example/feed?x=1&y=2", tags: []),
            OPMLOutline(xmlURL: "https://c.example/s?q={query}", title: "C", tags: ["search"], every: "1h", queryTerms: ["handles"], queryTermPattern: "[a-z]+"),
        ]
        let text = OPMLWriter.write(outlines, title: "vigil <feeds>")
        let back = try read(text)
        #expect(back.count == 3)
        #expect(Set(back.map(\.xmlURL)) == Set(outlines.map(\.xmlURL)))
        let a = try #require(back.first { $0.xmlURL == "https://a.example/feed" })
        #expect(a.title == outlines[0].title && a.tags == ["news", "tech"])
        let c = try #require(back.first { $0.xmlURL.hasPrefix("https://c.") })
        #expect(c.every == "1h" && c.queryTerms == ["handles"] && c.queryTermPattern == "[a-z]+" && c.tags == ["search"])
    }
}
