import Testing
@testable import VigilFeeds

@Suite struct FeedURLRedactionTests {
    @Test func secretQueryValuesAreMaskedAndOthersKept() {
        #expect(FeedURLRedaction.redacted("https://github.com/ada.private.atom?token=AB12cd34EF56")
            == "https://github.com/ada.private.atom?token=***")
        #expect(FeedURLRedaction.redacted("https://api.example.org/search.rss?q=ada+lovelace&api_key=k1&page=2&X-Access-Token=t")
            == "https://api.example.org/search.rss?q=ada+lovelace&api_key=***&page=2&X-Access-Token=***")
        #expect(FeedURLRedaction.redacted("https://example.org/feed.xml?format=rss#top") == "https://example.org/feed.xml?format=rss#top")
    }

    @Test func passwordsInUserinfoAndTokenLikePathSegmentsAreMasked() {
        #expect(FeedURLRedaction.redacted("https://ada:hunter2@example.org/feed") == "https://ada:***@example.org/feed")
        #expect(FeedURLRedaction.redacted("https://news.example.org/feed/private/a8F3k29dQ0x7LmZ4p1R6sT9w/rss")
            == "https://news.example.org/feed/private/***/rss")
        // Slugs, dates and plain names stay readable.
        let slug = "https://blog.example.org/2026/11/25/why-the-maintainer-said-no-to-v2-of-the-plan/feed"
        #expect(FeedURLRedaction.redacted(slug) == slug)
        #expect(FeedURLRedaction.redacted("not a url") == "not a url")
    }

    @Test func urlsInsideMessagesAreRedacted() {
        #expect(FeedURLRedaction.redactingURLs(in: "moved to https://example.org/f?key=s3cret (301)")
            == "moved to https://example.org/f?key=*** (301)")
        #expect(FeedURLRedaction.redactingURLs(in: "HTTP 500 Internal Server Error") == "HTTP 500 Internal Server Error")
    }
}
