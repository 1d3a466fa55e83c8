import Foundation
import Testing
import VigilFeeds
import VigilStore
@testable import VigilDaemon

/// The scheduling rules of one poll, without a network: health, backoff,
/// 410, adaptive intervals from the feed's own hints, permanent redirects.
@Suite struct FeedStateUpdateTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    var update: FeedStateUpdate {
        var settings = PollSettings()
        settings.intervalSeconds = 900
        settings.minIntervalSeconds = 300
        settings.maxIntervalSeconds = 86_400
        return FeedStateUpdate(settings: settings)
    }

    func feed() -> FeedRecord {
        FeedRecord(id: 1, url: "https://blog.example.org/feed.xml", intervalSeconds: 900, nextPollAt: now)
    }

    func ok(_ body: String, headers: HTTPHeaders = HTTPHeaders(), target: String? = nil) -> FetchResult {
        FetchResult(requestedURL: "https://blog.example.org/feed.xml", finalURL: "https://blog.example.org/feed.xml", status: 200,
                    outcome: .fetched(body: Array(body.utf8)), headers: headers, permanentRedirectTarget: target)
    }

    @Test func failuresBackOffAndGoneDisables() {
        var generator = SystemRandomNumberGenerator()
        let failed = FetchResult(requestedURL: "u", finalURL: "u", status: 500, outcome: .failed(FetchFailure(.httpStatus(500), "HTTP 500")))
        var state = update.apply(to: feed(), results: [failed], parsed: [], now: now, using: &generator)
        #expect(state.consecutiveFailures == 1 && state.lastStatus == 500 && state.lastError == "HTTP 500")
        let first = state.nextPollAt.timeIntervalSince(now)
        for _ in 0..<4 { state = update.apply(to: state, results: [failed], parsed: [], now: now, using: &generator) }
        #expect(state.consecutiveFailures == 5)
        #expect(state.nextPollAt.timeIntervalSince(now) > first)
        #expect(state.nextPollAt.timeIntervalSince(now) <= 24 * 3600)

        let gone = FetchResult(requestedURL: "u", finalURL: "u", status: 410, outcome: .failed(FetchFailure(.gone, "HTTP 410 Gone")))
        let disabled = update.apply(to: feed(), results: [gone], parsed: [], now: now, using: &generator)
        #expect(!disabled.enabled && disabled.disabledReason?.contains("410") == true)
    }

    @Test func aTTLStretchesTheInterval() {
        var generator = SystemRandomNumberGenerator()
        let body = #"<?xml version="1.0"?><rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>t</title><ttl>240</ttl><sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency></channel></rss>"#
        let parsed = FeedParser.parse(Array(body.utf8))
        #expect(parsed.ttlMinutes == 240)
        #expect(parsed.updatePeriod == "daily" && parsed.updateFrequency == 2)
        let state = update.apply(to: feed(), results: [ok(body)], parsed: [parsed], now: now, using: &generator)
        // Never polled more often than the publisher asks (4 h), give or take the spread.
        #expect(state.nextPollAt.timeIntervalSince(now) >= 240 * 60 * 0.9)
        #expect(state.consecutiveFailures == 0 && state.lastError == nil && state.lastSuccessAt == now)
    }

    @Test func validatorsAreKeptFromTheAnswer() {
        var generator = SystemRandomNumberGenerator()
        let headers = HTTPHeaders([(name: "ETag", value: "\"abc\""), (name: "Last-Modified", value: "Wed, 25 Nov 2026 10:00:00 GMT")])
        let state = update.apply(to: feed(), results: [ok("<rss/>", headers: headers)], parsed: [], now: now, using: &generator)
        #expect(state.etag == "\"abc\"")
        #expect(state.lastModified == "Wed, 25 Nov 2026 10:00:00 GMT")
    }

    @Test func aPermanentRedirectIsAdoptedOnTheThirdSighting() {
        var generator = SystemRandomNumberGenerator()
        var state = feed()
        for sighting in 1...3 {
            state = update.apply(to: state, results: [ok("<rss/>", target: "https://new.example.org/feed.xml")], parsed: [], now: now, using: &generator)
            #expect(state.url == (sighting < 3 ? "https://blog.example.org/feed.xml" : "https://new.example.org/feed.xml"))
        }
    }

    @Test func feedTitlesAreStoredInert() {
        var generator = SystemRandomNumberGenerator()
        let body = #"<rss version="2.0"><channel><title>E&#x1b;[31mRED&#x1b;[0m</title><description>about &#x1b;]0;owned&#x7;us</description></channel></rss>"#
        let parsed = FeedParser.parse(Array(body.utf8))
        let state = update.apply(to: feed(), results: [ok(body)], parsed: [parsed], now: now, using: &generator)
        #expect(state.title == "ERED")
        #expect(state.description == "about us")
    }
}
