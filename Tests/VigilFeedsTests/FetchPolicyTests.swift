import Testing
@testable import VigilFeeds

/// A seeded generator, so the jitter tests are repeatable.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

struct FetchCacheControlTests {
    @Test func cacheControlMaxAge() {
        #expect(CacheControl(["public, max-age=300"]).maxAge == .seconds(300))
        #expect(CacheControl(["max-age=\"60\"", "s-maxage=120"]).maxAge == .seconds(120))
        #expect(CacheControl(["no-cache"]).noCache)
        #expect(CacheControl(["max-age=abc"]).maxAge == nil)
        #expect(CacheControl([]).maxAge == nil)
    }
}

struct FetchBackoffTests {
    @Test func doublesPerFailureUpToTheCap() {
        let backoff = FailureBackoff(initialDelay: .seconds(60), maximumDelay: .seconds(24 * 3600), jitter: 0)
        #expect(backoff.unjitteredDelay(afterFailures: 0) == .zero)
        #expect(backoff.unjitteredDelay(afterFailures: 1) == .seconds(60))
        #expect(backoff.unjitteredDelay(afterFailures: 2) == .seconds(120))
        #expect(backoff.unjitteredDelay(afterFailures: 5) == .seconds(960))
        #expect(backoff.unjitteredDelay(afterFailures: 11) == .seconds(61_440))
        #expect(backoff.unjitteredDelay(afterFailures: 12) == .seconds(24 * 3600))
        #expect(backoff.unjitteredDelay(afterFailures: 10_000) == .seconds(24 * 3600))
    }

    @Test func jitterOnlyShortensAndStaysWithinItsFraction() {
        let backoff = FailureBackoff(initialDelay: .seconds(100), maximumDelay: .seconds(24 * 3600), jitter: 0.25)
        var random = SplitMix(state: 42)
        for _ in 0..<100 {
            let delay = backoff.delay(afterFailures: 1, using: &random)
            #expect(delay <= .seconds(100) && delay >= .seconds(75))
        }
        var delays: Set<Duration> = []
        for _ in 0..<200 {
            let delay = backoff.delay(afterFailures: 20, using: &random)
            #expect(delay <= .seconds(24 * 3600))
            #expect(delay >= .seconds(18 * 3600))
            delays.insert(delay)
        }
        #expect(delays.count > 100, "jitter spreads feeds that failed together")
    }

    @Test func retryAfterWinsWhenLongerButStaysCapped() {
        let backoff = FailureBackoff(initialDelay: .seconds(60), maximumDelay: .seconds(3600), jitter: 0)
        var random = SplitMix(state: 1)
        #expect(backoff.delay(afterFailures: 1, retryAfter: .seconds(600), using: &random) == .seconds(600))
        #expect(backoff.delay(afterFailures: 3, retryAfter: .seconds(10), using: &random) == .seconds(240))
        #expect(backoff.delay(afterFailures: 1, retryAfter: .seconds(100_000), using: &random) == .seconds(3600))
    }
}

struct FetchPollIntervalTests {
    let policy = PollIntervalPolicy(defaultInterval: .seconds(900), minimumInterval: .seconds(300), maximumInterval: .seconds(86_400))

    @Test func noHintsMeansTheDefault() {
        #expect(policy.interval(for: FeedUpdateHints()) == .seconds(900))
        #expect(policy.interval(for: FeedUpdateHints(entryTimestamps: [1000])) == .seconds(900))
    }

    @Test func observedRateSetsTheInterval() {
        // A post every two hours: poll hourly.
        let hourly = (0..<10).map { Int64($0) * 7200 }
        #expect(policy.interval(for: FeedUpdateHints(entryTimestamps: hourly.shuffled())) == .seconds(3600))
        // A post a minute: clamped to the minimum.
        let busy = (0..<10).map { Int64($0) * 60 }
        #expect(policy.interval(for: FeedUpdateHints(entryTimestamps: busy)) == .seconds(300))
        // A post a month: clamped to the maximum.
        let quiet = (0..<5).map { Int64($0) * 30 * 86_400 }
        #expect(policy.interval(for: FeedUpdateHints(entryTimestamps: quiet)) == .seconds(86_400))
    }

    @Test func publisherHintsAreAFloor() {
        let busy = (0..<10).map { Int64($0) * 600 }
        #expect(policy.interval(for: FeedUpdateHints(entryTimestamps: busy)) == .seconds(300))
        #expect(policy.interval(for: FeedUpdateHints(entryTimestamps: busy, ttlMinutes: 60)) == .seconds(3600))
        #expect(policy.interval(for: FeedUpdateHints(updatePeriod: .hourly, updateFrequency: 2)) == .seconds(1800))
        #expect(policy.interval(for: FeedUpdateHints(updatePeriod: .daily)) == .seconds(86_400))
        #expect(policy.interval(for: FeedUpdateHints(updatePeriod: .weekly)) == .seconds(86_400))
        #expect(policy.interval(for: FeedUpdateHints(cacheMaxAge: .seconds(7200))) == .seconds(7200))
        #expect(policy.interval(for: FeedUpdateHints(ttlMinutes: 20, cacheMaxAge: .seconds(7200))) == .seconds(7200))
        #expect(policy.interval(for: FeedUpdateHints(ttlMinutes: 0)) == .seconds(900))
    }
}

struct FetchRedirectTrackerTests {
    @Test func adoptsTheTargetOnTheThirdSuccessivePoll() {
        var tracker = PermanentRedirectTracker()
        #expect(tracker.observe("https://new.example/feed") == nil)
        #expect(tracker.observe("https://new.example/feed") == nil)
        #expect(tracker.sightings == 2)
        #expect(tracker.observe("https://new.example/feed") == "https://new.example/feed")
        #expect(tracker.candidate == nil)
    }

    @Test func aPollWithoutTheRedirectStartsOver() {
        var tracker = PermanentRedirectTracker()
        _ = tracker.observe("https://a.example/feed")
        _ = tracker.observe("https://a.example/feed")
        #expect(tracker.observe(nil) == nil)
        #expect(tracker.observe("https://a.example/feed") == nil)
        #expect(tracker.observe("https://b.example/feed") == nil)
        #expect(tracker.candidate == "https://b.example/feed")
        #expect(tracker.sightings == 1)
    }

    @Test func restoresFromTheStore() {
        var tracker = PermanentRedirectTracker(candidate: "https://a.example/f", sightings: 2)
        #expect(tracker.observe("https://a.example/f") == "https://a.example/f")
    }
}

struct FetchQueryTemplateTests {
    @Test func expandsEachNameURLEncoded() throws {
        let template = try QueryFeedTemplate("https://news.example/rss?q=%22{query}%22&hl=en")
        #expect(template.url(for: "Ada Lovelace") == "https://news.example/rss?q=%22Ada%20Lovelace%22&hl=en")
        #expect(template.url(for: "a&b=c/d?") == "https://news.example/rss?q=%22a%26b%3Dc%2Fd%3F%22&hl=en")
        #expect(template.url(for: "エイダ") == "https://news.example/rss?q=%22%E3%82%A8%E3%82%A4%E3%83%80%22&hl=en")
        #expect(template.urls(for: ["Ada Lovelace", "A. Lovelace", "Ada Lovelace", " ", "adalovelace"]) == [
            "https://news.example/rss?q=%22Ada%20Lovelace%22&hl=en",
            "https://news.example/rss?q=%22A.%20Lovelace%22&hl=en",
            "https://news.example/rss?q=%22adalovelace%22&hl=en",
        ])
    }

    @Test func rejectsTemplatesWithoutAPlaceholderOrWithAnotherScheme() {
        #expect(throws: FetchFailure.self) { try QueryFeedTemplate("https://news.example/rss") }
        #expect(throws: FetchFailure.self) { try QueryFeedTemplate("file:///tmp/{query}.xml") }
    }
}

struct FetchURLTests {
    @Test func parsesAndResolves() throws {
        let url = try FeedURL("HTTPS://Blog.Example.ORG/feed")
        #expect(url.scheme == "https")
        #expect(url.host == "blog.example.org")
        let page = try FeedURL("https://blog.example.org/posts/index.html")
        #expect(try page.resolving("/atom.xml").absoluteString == "https://blog.example.org/atom.xml")
        #expect(try page.resolving("rss").absoluteString == "https://blog.example.org/posts/rss")
        #expect(try page.resolving("?page=2").absoluteString == "https://blog.example.org/posts/index.html?page=2")
        #expect(try url.resolving("//cdn.example.net/f.xml").host == "cdn.example.net")
        #expect(try url.resolving("file:///etc/passwd").scheme == "file")
        #expect(throws: FetchFailure.self) { try FeedURL("no scheme here") }
    }

    @Test func errorMessagesStayOnOneLine() {
        #expect("bad\r\nurl\nhere\tnow".oneLine == "bad url here now")
        #expect(String(repeating: "x", count: 500).oneLine.count == 201)
    }

    @Test func byteCounts() {
        #expect(ByteCount.format(512) == "512 bytes")
        #expect(ByteCount.format(10 * 1024 * 1024) == "10 MiB")
        #expect(ByteCount.format(1536) == "1.5 KiB")
    }
}
