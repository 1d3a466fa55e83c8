import Testing
import VigilText

@Suite struct URLRedactionTests {
    @Test func secretQueryValuesAreMaskedAndOthersKept() {
        #expect(URLRedaction.redacted("https://github.com/ada.private.atom?token=AB12cd34EF56")
            == "https://github.com/ada.private.atom?token=***")
        #expect(URLRedaction.redacted("https://api.example.org/search.rss?q=ada+lovelace&api_key=k1&page=2&X-Access-Token=t")
            == "https://api.example.org/search.rss?q=ada+lovelace&api_key=***&page=2&X-Access-Token=***")
        #expect(URLRedaction.redacted("https://example.org/feed.xml?format=rss#top") == "https://example.org/feed.xml?format=rss#top")
    }

    @Test func keysAreComparedWithoutCaseSeparatorsOrPercentEncoding() {
        let url = "https://s3.example.org/f.xml?X-Amz-Signature=abc&X-Amz-Credential=AKIA&SIG=1&Session=2&access_token=3&APIKEY=4&api%5Fkey=5&client_secret=6&Password=7&auth=8"
        #expect(URLRedaction.redacted(url)
            == "https://s3.example.org/f.xml?X-Amz-Signature=***&X-Amz-Credential=***&SIG=***&Session=***&access_token=***&APIKEY=***&api%5Fkey=***&client_secret=***&Password=***&auth=***")
        // Look-alikes that are not secrets stay readable.
        #expect(URLRedaction.redacted("https://example.org/f?tokens_per_page=5&keyword=ada&sort=new")
            == "https://example.org/f?tokens_per_page=5&keyword=ada&sort=new")
    }

    @Test func theWholeUserinfoIsMasked() {
        #expect(URLRedaction.redacted("https://ada:hunter2@example.org/feed") == "https://***@example.org/feed")
        // A user name alone can be the token (GitHub accepts https://TOKEN@host/).
        #expect(URLRedaction.redacted("https://ghp_abc123@example.org:8443/feed?x=1") == "https://***@example.org:8443/feed?x=1")
    }

    @Test func tokenLikePathSegmentsAndFragmentTokensAreMasked() {
        #expect(URLRedaction.redacted("https://news.example.org/feed/private/a8F3k29dQ0x7LmZ4p1R6sT9w/rss")
            == "https://news.example.org/feed/private/***/rss")
        #expect(URLRedaction.redacted("https://example.org/cb#access_token=abc&state=x") == "https://example.org/cb#access_token=***&state=x")
        // Slugs, dates and plain names stay readable.
        let slug = "https://blog.example.org/2026/11/25/why-the-maintainer-said-no-to-v2-of-the-plan/feed"
        #expect(URLRedaction.redacted(slug) == slug)
        #expect(URLRedaction.redacted("not a url") == "not a url")
    }

    @Test func redactionIsIdempotent() {
        let secretive = "https://u:p@example.org/a8F3k29dQ0x7LmZ4p1R6sT9w?token=x&q=1#sig=2"
        let once = URLRedaction.redacted(secretive)
        #expect(once == "https://***@example.org/***?token=***&q=1#sig=***")
        #expect(URLRedaction.redacted(once) == once)
    }

    @Test func urlsInsideMessagesAreRedacted() {
        #expect(URLRedaction.redactingURLs(in: "moved to https://example.org/f?key=s3cret (301)")
            == "moved to https://example.org/f?key=*** (301)")
        #expect(URLRedaction.redactingURLs(in: "HTTP 500 Internal Server Error: \"http://a:b@h/x\"")
            == "HTTP 500 Internal Server Error: \"http://***@h/x\"")
        #expect(URLRedaction.redactingURLs(in: "HTTP 500 Internal Server Error") == "HTTP 500 Internal Server Error")
    }

    @Test func anOriginKeepsOnlySchemeHostAndPort() {
        #expect(URLRedaction.origin("https://hooks.slack.com/services/T0/B0/XXXX") == "https://hooks.slack.com")
        #expect(URLRedaction.origin("http://user:pw@127.0.0.1:9000/hook?token=1") == "http://127.0.0.1:9000")
        #expect(URLRedaction.origin("https://[::1]:8448/_matrix") == "https://[::1]:8448")
        #expect(URLRedaction.origin("nonsense") == "the receiver")
    }
}
