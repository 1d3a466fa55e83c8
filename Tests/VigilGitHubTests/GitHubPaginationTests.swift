import Foundation
import Testing
import VigilGitHub
import VigilTestSupport

/// Link-header pagination, the page cap, and ETag / If-None-Match.
@Suite struct GitHubPaginationTests {
    static let commentsPath = "/repos/octo-org/widget/issues/comments"

    /// Three pages of comments, linked the way GitHub links them (a `/repositories/ID/…` URL).
    static func threePages(base: String) -> [[String: Any]] {
        [
            ["path": commentsPath, "etag": "W/\"page-one\"",
             "headers": ["Link": "<\(base)/repositories/9/issues/comments?page=2>; rel=\"next\", <\(base)/repositories/9/issues/comments?page=3>; rel=\"last\"",
                         "X-RateLimit-Remaining": "4999"],
             "body": GitHubFixtures.comments([
                GitHubFixtures.comment(id: 1, login: "maintainer", body: "Closing: see CONTRIBUTING.", updated: "2026-11-30T08:02:00Z"),
                GitHubFixtures.comment(id: 2, login: "patchwright-agent", type: "Bot", body: "I wrote about this: https://patchwright.example/post", updated: "2026-11-30T09:15:02Z"),
             ])],
            ["path": "/repositories/9/issues/comments", "query": "page=2",
             "headers": ["Link": "<\(base)/repositories/9/issues/comments?page=1>; rel=\"prev\", <\(base)/repositories/9/issues/comments?page=3>; rel=\"next\""],
             "body": GitHubFixtures.comments([GitHubFixtures.comment(id: 3, login: "someone", body: "+1", updated: "2026-11-30T10:00:00Z")])],
        ]
    }

    static func lastPage(base: String) -> [String: Any] {
        ["path": "/repositories/9/issues/comments", "query": "page=3", "headers": ["X-RateLimit-Remaining": "4997"],
         "body": GitHubFixtures.comments([GitHubFixtures.comment(id: 4, login: "someone", body: "null body next", updated: "2026-11-30T11:00:00Z")])]
    }

    @Test func followsNextLinksToTheLastPageKeepingTheFirstPagesETag() async throws {
        // Routes name the server's own address, known only once it runs: add them after.
        let harness = try GitHubTestHarness(routes: [])
        defer { harness.stop() }
        let base = harness.server.url("")
        // Page 3 is the second route of that path: the server keys routes by path, so page 2
        // and page 3 share one route answering in turn.
        var routes = Self.threePages(base: base)
        routes[1] = ["path": "/repositories/9/issues/comments", "responses": [
            routes[1].filter { $0.key != "path" && $0.key != "query" },
            Self.lastPage(base: base).filter { $0.key != "path" && $0.key != "query" },
        ]]
        try harness.server.setRoutes(routes)

        let since = try Date("2026-11-30T00:00:00Z", strategy: .iso8601)
        let listing = try #require(try await harness.client.comments(repo: GitHubTestHarness.repo, since: since, etag: nil).listing)

        #expect(listing.records.map(\.id) == [1, 2, 3, 4])
        #expect(listing.pagesRead == 3)
        #expect(listing.cutoff == nil)
        #expect(listing.etag == "W/\"page-one\"")
        #expect(listing.rateLimitRemaining == 4997)
        let agent = listing.records[1]
        #expect(agent.author == GitHubAccount(login: "patchwright-agent", type: "Bot"))
        #expect(agent.htmlURL == "https://github.com/octo-org/widget/pull/42#issuecomment-2")
        #expect(agent.body == "I wrote about this: https://patchwright.example/post")
        #expect(agent.issueURL == "https://api.github.com/repos/octo-org/widget/issues/42")
        #expect(agent.updatedAt == (try Date("2026-11-30T09:15:02Z", strategy: .iso8601)))
        #expect(agent.createdAt == (try Date("2026-11-30T09:15:02Z", strategy: .iso8601)))

        let requests = try harness.server.requests()
        #expect(requests.map(\.target) == [
            "\(Self.commentsPath)?since=2026-11-30T00:00:00Z&sort=updated&direction=asc&per_page=100",
            "/repositories/9/issues/comments?page=2",
            "/repositories/9/issues/comments?page=3",
        ])
        for request in requests {
            #expect(request.header("Accept") == "application/vnd.github+json")
            #expect(request.header("X-GitHub-Api-Version") == "2022-11-28")
            #expect(request.header("User-Agent") == GitHubTestHarness.userAgent)
            #expect(request.header("Authorization") == "Bearer ghp_vigilTestSecret0123456789")
            #expect(request.header("If-None-Match") == nil)
        }
    }

    @Test func stopsAtThePageCapAndDropsTheETagOfThePartialListing() async throws {
        let harness = try GitHubTestHarness(routes: [], maxPages: 2)
        defer { harness.stop() }
        let base = harness.server.url("")
        try harness.server.setRoutes(Self.threePages(base: base))

        let listing = try #require(try await harness.client.comments(repo: GitHubTestHarness.repo, since: nil, etag: "W/\"old\"").listing)

        #expect(listing.records.map(\.id) == [1, 2, 3])
        #expect(listing.pagesRead == 2)
        #expect(listing.cutoff == .pageCap)
        #expect(listing.etag == nil)
        let requests = try harness.server.requests()
        #expect(requests.count == 2)
        #expect(requests.first?.target == "\(Self.commentsPath)?sort=updated&direction=asc&per_page=100")
        #expect(requests.first?.header("If-None-Match") == "W/\"old\"")
        #expect(requests.last?.header("If-None-Match") == nil)
    }

    @Test func anETagGitHubStillHoldsBringsNotModified() async throws {
        let harness = try GitHubTestHarness(routes: [
            ["path": "/repos/octo-org/widget/pulls", "etag": "\"pulls-v1\"", "body": GitHubFixtures.closedPullRequests],
        ])
        defer { harness.stop() }

        let first = try await harness.client.closedPullRequests(repo: GitHubTestHarness.repo, etag: nil)
        let etag = try #require(first.listing?.etag)
        #expect(etag == "\"pulls-v1\"")
        let second = try await harness.client.closedPullRequests(repo: GitHubTestHarness.repo, etag: etag)
        guard case .notModified = second else {
            Issue.record("expected notModified, got \(second)")
            return
        }
        let requests = try harness.server.requests()
        #expect(requests.map(\.target) == Array(repeating: "/repos/octo-org/widget/pulls?state=closed&sort=updated&direction=desc&per_page=100", count: 2))
        #expect(requests.map { $0.header("If-None-Match") } == [nil, "\"pulls-v1\""])
    }

    @Test func aNextLinkOffTheAPIHostIsRefusedSoTheTokenStaysHome() async throws {
        let harness = try GitHubTestHarness(routes: [])
        defer { harness.stop() }
        let elsewhere = harness.server.url("/collect?page=2", host: "localhost")
        try harness.server.setRoutes([
            ["path": "/repos/octo-org/widget/issues/events", "headers": ["Link": "<\(elsewhere)>; rel=\"next\""],
             "body": GitHubFixtures.issueEvents],
        ])

        let error = await GitHubTestHarness.error { () async throws(GitHubError) in
            try await harness.client.issueEvents(repo: GitHubTestHarness.repo, etag: nil)
        }
        guard case .foreignPageLink(_, let link) = error else {
            Issue.record("expected foreignPageLink, got \(String(describing: error))")
            return
        }
        #expect(link == elsewhere)
        #expect(try harness.server.requests().count == 1)
    }
}
