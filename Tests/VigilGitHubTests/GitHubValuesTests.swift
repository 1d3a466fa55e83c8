import Foundation
import Testing
@testable import VigilGitHub
import VigilTestSupport

/// The values the client is configured with and the records it decodes.
@Suite struct GitHubValuesTests {
    @Test(arguments: ["octo-org/widget", "a/b", "Some_One/repo.name-2"])
    func repositoryNamesThatFitAPath(name: String) {
        #expect(GitHubRepository(name)?.description == name)
    }

    @Test(arguments: ["", "widget", "octo-org/", "/widget", "a/b/c", "../etc", "a/..", "a b/c", "a/b?x=1", "a/b#c"])
    func repositoryNamesThatDoNot(name: String) {
        #expect(GitHubRepository(name) == nil)
    }

    @Test func tokensWithWhitespaceCannotReachAHeader() {
        #expect(GitHubToken("") == nil)
        #expect(GitHubToken("ghp_abc\r\nX-Injected: 1") == nil)
        #expect(GitHubToken("ghp abc") == nil)
        #expect(GitHubToken("github_pat_11ABC")?.description == "GitHubToken(redacted)")
    }

    @Test(arguments: ["ftp://example.com", "api.github.com", "https://user:pass@api.github.com",
                      "https://api.github.com/?x=1", "https://"])
    func apiURLsRefused(url: String) throws {
        let engine = try GitHubTestHarness.makeEngine()
        #expect(throws: GitHubClient.ConfigurationError.self) {
            try GitHubClient(configuration: GitHubClientConfiguration(apiURL: url), engine: engine)
        }
    }

    @Test func aTrailingSlashOfTheAPIURLIsDropped() async throws {
        let harness = try GitHubTestHarness(routes: [["path": "/api/v3/repos/octo-org/widget/pulls", "body": "[]"]])
        defer { harness.stop() }
        let client = try GitHubClient(
            configuration: GitHubClientConfiguration(apiURL: harness.server.url("/api/v3/"), allowPrivateAddresses: true),
            engine: harness.engine)
        _ = try await client.closedPullRequests(repo: GitHubTestHarness.repo, etag: nil)
        #expect(try harness.server.requests().map(\.path) == ["/api/v3/repos/octo-org/widget/pulls"])
    }

    @Test func linkHeadersAsGitHubWritesThem() {
        let value = #"<https://api.github.com/repositories/1/issues?page=2>; rel="next", <https://api.github.com/repositories/1/issues?page=5>; rel="last""#
        #expect(LinkHeader.target(of: value, relation: "next") == "https://api.github.com/repositories/1/issues?page=2")
        #expect(LinkHeader.target(of: value, relation: "last") == "https://api.github.com/repositories/1/issues?page=5")
        #expect(LinkHeader.target(of: value, relation: "prev") == nil)
        #expect(LinkHeader.target(of: #"<https://a/x?p=1,2>; rel="prev next""#, relation: "next") == "https://a/x?p=1,2")
        #expect(LinkHeader.target(of: "<https://a/x; rel=next", relation: "next") == nil)
        #expect(LinkHeader.target(of: "", relation: "next") == nil)
    }

    @Test func issueEventsSayWhetherTheirIssueIsAPullRequest() async throws {
        let harness = try GitHubTestHarness(routes: [
            ["path": "/repos/octo-org/widget/issues/events", "body": GitHubFixtures.issueEvents],
        ])
        defer { harness.stop() }
        let events = try #require(try await harness.client.issueEvents(repo: GitHubTestHarness.repo, etag: nil).listing).records

        #expect(events.map(\.event) == ["closed", "labeled", "closed"])
        #expect(events.map(\.actorLogin) == ["maintainer", nil, "maintainer"])
        #expect(events.map(\.issue?.number) == [42, 7, 3])
        #expect(events.map(\.issue?.isPullRequest) == [true, false, false])
        #expect(events[0].createdAt == (try Date("2026-11-30T08:02:11Z", strategy: .iso8601)))
    }

    @Test func closedPullRequestsSayWhetherTheyWereMerged() async throws {
        let harness = try GitHubTestHarness(routes: [
            ["path": "/repos/octo-org/widget/pulls", "body": GitHubFixtures.closedPullRequests],
        ])
        defer { harness.stop() }
        let pulls = try #require(try await harness.client.closedPullRequests(repo: GitHubTestHarness.repo, etag: nil).listing).records

        #expect(pulls.map(\.number) == [42, 40])
        #expect(pulls[0].title == "Speed up the widget renderer")
        #expect(pulls[0].htmlURL == "https://github.com/octo-org/widget/pull/42")
        #expect(pulls[0].author == GitHubAccount(login: "patchwright-agent", type: "Bot"))
        #expect(pulls[0].closedAt == (try Date("2026-11-30T08:02:11Z", strategy: .iso8601)))
        #expect(pulls[0].mergedAt == nil)
        #expect(pulls[1].mergedAt == (try Date("2026-11-20T12:00:00Z", strategy: .iso8601)))
    }
}
