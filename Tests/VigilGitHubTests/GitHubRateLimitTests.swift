import Foundation
import Testing
import VigilGitHub
import VigilTestSupport

/// The primary rate limit (X-RateLimit-Remaining / Reset) and the secondary
/// limits (Retry-After on 403 and 429): the client stops, says until when, and
/// sends nothing more before then.
@Suite struct GitHubRateLimitTests {
    static let eventsPath = "/repos/octo-org/widget/issues/events"

    static func exhausted(resettingAt reset: Int) -> [[String: Any]] {
        [["path": eventsPath, "responses": [
            ["status": 403, "headers": ["X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "\(reset)"],
             "body": #"{"message": "API rate limit exceeded", "documentation_url": "https://docs.github.com/rest"}"#],
            ["body": GitHubFixtures.issueEvents],
        ]]]
    }

    @Test func anExhaustedLimitStopsEveryCallUntilItResets() async throws {
        let reset = Int(Date().timeIntervalSince1970) + 600
        let harness = try GitHubTestHarness(routes: Self.exhausted(resettingAt: reset))
        defer { harness.stop() }
        let call = { () async throws(GitHubError) in
            try await harness.client.issueEvents(repo: GitHubTestHarness.repo, etag: nil)
        }

        let first = await GitHubTestHarness.error(call)
        let url = harness.server.url("\(Self.eventsPath)?per_page=100")
        #expect(first == .rateLimited(url: url, resetAt: Date(timeIntervalSince1970: TimeInterval(reset))))
        #expect(first?.description.hasPrefix("GitHub rate limit used up at \(url); it resets at 20") == true)
        // Before the reset every call is refused without a request, whatever it lists.
        #expect(await GitHubTestHarness.error(call) == first)
        #expect(await GitHubTestHarness.error { () async throws(GitHubError) in
            try await harness.client.closedPullRequests(repo: GitHubTestHarness.repo, etag: nil)
        } == first)
        #expect(try harness.server.requests().count == 1)
    }

    @Test func onceTheLimitHasResetCallsAskAgain() async throws {
        let reset = Int(Date().timeIntervalSince1970) - 1
        let harness = try GitHubTestHarness(routes: Self.exhausted(resettingAt: reset))
        defer { harness.stop() }
        let call = { () async throws(GitHubError) in
            try await harness.client.issueEvents(repo: GitHubTestHarness.repo, etag: nil)
        }

        guard case .rateLimited = await GitHubTestHarness.error(call) else {
            Issue.record("expected rateLimited")
            return
        }
        let listing = try #require(try await call().listing)
        #expect(listing.records.count == 3)
        #expect(try harness.server.requests().count == 2)
    }

    @Test func aLimitSpentMidListingKeepsThePagesReadAndSaysWhenItResets() async throws {
        let reset = Int(Date().timeIntervalSince1970) + 600
        let harness = try GitHubTestHarness(routes: [])
        defer { harness.stop() }
        try harness.server.setRoutes([
            ["path": Self.eventsPath, "etag": "\"events-1\"",
             "headers": ["X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "\(reset)",
                         "Link": "<\(harness.server.url("/repositories/9/issues/events?page=2"))>; rel=\"next\""],
             "body": GitHubFixtures.issueEvents],
        ])
        let resetAt = Date(timeIntervalSince1970: TimeInterval(reset))

        let listing = try #require(try await harness.client.issueEvents(repo: GitHubTestHarness.repo, etag: nil).listing)
        #expect(listing.records.count == 3)
        #expect(listing.cutoff == .rateLimit(resetAt: resetAt))
        #expect(listing.etag == nil)
        #expect(listing.rateLimitRemaining == 0)

        let refused = await GitHubTestHarness.error { () async throws(GitHubError) in
            try await harness.client.closedPullRequests(repo: GitHubTestHarness.repo, etag: nil)
        }
        guard case .rateLimited(_, let until) = refused else {
            Issue.record("expected rateLimited, got \(String(describing: refused))")
            return
        }
        #expect(until == resetAt)
        #expect(try harness.server.requests().count == 1)
    }

    @Test func aCompleteListingThatSpentTheLimitHoldsTheNextCall() async throws {
        let reset = Int(Date().timeIntervalSince1970) + 600
        let harness = try GitHubTestHarness(routes: [
            ["path": "/repos/octo-org/widget/pulls",
             "headers": ["X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "\(reset)"],
             "body": GitHubFixtures.closedPullRequests],
        ])
        defer { harness.stop() }
        let call = { () async throws(GitHubError) in
            try await harness.client.closedPullRequests(repo: GitHubTestHarness.repo, etag: nil)
        }

        let listing = try #require(try await call().listing)
        #expect(listing.cutoff == nil)
        #expect(listing.records.count == 2)
        guard case .rateLimited(_, let resetAt) = await GitHubTestHarness.error(call) else {
            Issue.record("expected rateLimited")
            return
        }
        #expect(resetAt == Date(timeIntervalSince1970: TimeInterval(reset)))
        #expect(try harness.server.requests().count == 1)
    }

    static func secondaryLimit(status: Int, retryAfter: String) -> [[String: Any]] {
        [["path": "/repos/octo-org/widget/pulls", "responses": [
            ["status": status, "headers": ["Retry-After": retryAfter],
             "body": #"{"message": "You have exceeded a secondary rate limit."}"#],
            ["body": GitHubFixtures.closedPullRequests],
        ]]]
    }

    @Test(arguments: [403, 429])
    func aSecondaryLimitsRetryAfterHoldsEveryCall(status: Int) async throws {
        let harness = try GitHubTestHarness(routes: Self.secondaryLimit(status: status, retryAfter: "600"))
        defer { harness.stop() }
        let call = { () async throws(GitHubError) in
            try await harness.client.closedPullRequests(repo: GitHubTestHarness.repo, etag: nil)
        }

        let first = await GitHubTestHarness.error(call)
        let url = harness.server.url("/repos/octo-org/widget/pulls?state=closed&sort=updated&direction=desc&per_page=100")
        #expect(first == .secondaryRateLimited(url: url, retryAfter: .seconds(600)))
        #expect(first?.description == "GitHub secondary rate limit at \(url); retry after 600 s")
        #expect(await GitHubTestHarness.error(call) == first)
        #expect(try harness.server.requests().count == 1)
    }

    @Test(arguments: [403, 429])
    func aSecondaryLimitsPauseThatHasEndedLetsCallsAskAgain(status: Int) async throws {
        let harness = try GitHubTestHarness(routes: Self.secondaryLimit(status: status, retryAfter: "Wed, 21 Oct 2015 07:28:00 GMT"))
        defer { harness.stop() }
        let call = { () async throws(GitHubError) in
            try await harness.client.closedPullRequests(repo: GitHubTestHarness.repo, etag: nil)
        }

        guard case .secondaryRateLimited(_, let retryAfter) = await GitHubTestHarness.error(call) else {
            Issue.record("expected secondaryRateLimited")
            return
        }
        #expect(retryAfter == .zero)
        let listing = try #require(try await call().listing)
        #expect(listing.records.map(\.number) == [42, 40])
        #expect(try harness.server.requests().count == 2)
    }

    @Test func aForbiddenAnswerThatIsNoLimitIsReportedAsItsStatus() async throws {
        let harness = try GitHubTestHarness(routes: [
            ["path": Self.eventsPath, "status": 403, "headers": ["X-RateLimit-Remaining": "4000"],
             "body": #"{"message": "Resource not accessible by integration"}"#],
        ])
        defer { harness.stop() }
        let call = { () async throws(GitHubError) in
            try await harness.client.issueEvents(repo: GitHubTestHarness.repo, etag: nil)
        }
        let url = harness.server.url("\(Self.eventsPath)?per_page=100")
        #expect(await GitHubTestHarness.error(call) == .unexpectedStatus(url: url, status: 403, reason: "Forbidden"))
        // Not a limit: the next call asks again.
        #expect(await GitHubTestHarness.error(call) == .unexpectedStatus(url: url, status: 403, reason: "Forbidden"))
        #expect(try harness.server.requests().count == 2)
    }
}
