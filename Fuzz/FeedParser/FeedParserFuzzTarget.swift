import VigilFeeds

/// One fuzz input through the feed parser: a feed body as a hostile server
/// could send it, read the way the poller reads it.
///
/// The parser promises never to fail, so anything that stops this function (a
/// trap, an overflow, an out-of-bounds access, a false "well-formed UTF-8"
/// claim, which the fuzz build checks with assertions on) is a finding.
enum FeedParserFuzzTarget {
    static func run(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        let feed = FeedParser.parse(
            bytes, contentType: FuzzedContentType.choose(forLength: size), url: "https://feeds.example/blog/feed.xml"
        )
        // What the poller and the scorer read after parsing.
        for entry in feed.entries {
            _ = entry.plainText
            _ = entry.title?.plainText
            _ = entry.summary?.plainText
        }
        _ = feed.title?.plainText
        _ = feed.subtitle?.plainText
        return 0
    }
}
