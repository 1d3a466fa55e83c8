import Foundation
import Testing
import VigilGitHub
import VigilHTTP
import VigilTestSupport

/// Answers that are not listings: malformed JSON, a huge body, a refused
/// address, a cancelled call; and the token, which no message may show.
@Suite struct GitHubFailureTests {
    static let commentsPath = "/repos/octo-org/widget/issues/comments"

    static func commentsError(_ harness: GitHubTestHarness) async -> GitHubError? {
        await GitHubTestHarness.error { () async throws(GitHubError) in
            try await harness.client.comments(repo: GitHubTestHarness.repo, since: nil, etag: nil)
        }
    }

    @Test func truncatedJSONIsOneLineNamingTheURL() async throws {
        let harness = try GitHubTestHarness(routes: [
            ["path": Self.commentsPath, "body": #"[{"id": 1, "html_url": "https://github.com/o"#],
        ])
        defer { harness.stop() }
        let url = harness.server.url("\(Self.commentsPath)?sort=updated&direction=asc&per_page=100")

        let error = try #require(await Self.commentsError(harness))
        #expect(error == .malformedJSON(url: url, detail: "not valid JSON"))
        #expect(error.description == "malformed JSON from \(url): not valid JSON")
    }

    @Test func aMissingFieldIsNamedWithItsPlace() async throws {
        let withoutURL = GitHubFixtures.comment(id: 5, login: "a", body: "b", updated: "2026-11-30T11:00:00Z")
            .replacingOccurrences(of: "\"html_url\"", with: "\"htmlurl\"")
        let harness = try GitHubTestHarness(routes: [
            ["path": Self.commentsPath, "body": GitHubFixtures.comments([
                GitHubFixtures.comment(id: 4, login: "a", body: "b", updated: "2026-11-30T11:00:00Z"), withoutURL,
            ])],
            ["path": "/repos/octo-org/widget/pulls", "body": #"{"message": "Not Found"}"#],
        ])
        defer { harness.stop() }

        let error = try #require(await Self.commentsError(harness))
        guard case .malformedJSON(_, let detail) = error else {
            Issue.record("expected malformedJSON, got \(error)")
            return
        }
        #expect(detail == "missing \"html_url\" at [1]")
        #expect(!error.description.contains("\n"))

        let notAnArray = await GitHubTestHarness.error { () async throws(GitHubError) in
            try await harness.client.closedPullRequests(repo: GitHubTestHarness.repo, etag: nil)
        }
        guard case .malformedJSON(_, let arrayDetail) = notAnArray else {
            Issue.record("expected malformedJSON, got \(String(describing: notAnArray))")
            return
        }
        #expect(arrayDetail == "expected an array at the top level")
    }

    @Test func aHugeResponseIsCutAtTheEnginesCap() async throws {
        let harness = try GitHubTestHarness(routes: [
            ["path": Self.commentsPath, "size": 8 * 1024 * 1024, "headers": ["Content-Type": "application/json"]],
        ], maxBodyBytes: 64 * 1024)
        defer { harness.stop() }
        let url = harness.server.url("\(Self.commentsPath)?sort=updated&direction=asc&per_page=100")

        let error = await Self.commentsError(harness)
        #expect(error == .responseTooLarge(url: url, limit: 64 * 1024))
        #expect(error?.description == "GitHub response from \(url) is larger than the 65536-byte limit")
        #expect(harness.engine.liveTransferHandles == 0)
    }

    @Test func aPrivateAPIAddressIsRefusedUnlessAllowed() async throws {
        let harness = try GitHubTestHarness(routes: [
            ["path": Self.commentsPath, "body": "[]"],
        ], allowPrivateAddresses: false)
        defer { harness.stop() }

        let error = await Self.commentsError(harness)
        guard case .notSent(_, .privateAddress(let address)) = error else {
            Issue.record("expected a refused private address, got \(String(describing: error))")
            return
        }
        #expect(address == "127.0.0.1")
        #expect(try harness.server.requests().isEmpty)
    }

    @Test func aCancelledCallEndsAtOnce() async throws {
        let harness = try GitHubTestHarness(routes: [
            ["path": Self.commentsPath, "delay": 30, "body": "[]"],
        ])
        defer { harness.stop() }

        let task = Task { await Self.commentsError(harness) }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        let error = await task.value
        guard case .notSent(_, .cancelled) = error else {
            Issue.record("expected a cancelled call, got \(String(describing: error))")
            return
        }
        // No time bound: on a loaded machine the task may wait long for a thread. Had the
        // cancellation not reached the engine, the call would have ended with the answer
        // or the engine's timeout instead.
        #expect(harness.engine.liveTransferHandles == 0)
    }

    @Test func withoutATokenNoAuthorizationIsSent() async throws {
        let harness = try GitHubTestHarness(routes: [["path": Self.commentsPath, "body": "[]"]], token: nil)
        defer { harness.stop() }

        #expect(!harness.client.isAuthenticated)
        let listing = try await harness.client.comments(repo: GitHubTestHarness.repo, since: nil, etag: nil).listing
        #expect(listing?.records.isEmpty == true)
        #expect(try harness.server.requests().map { $0.header("Authorization") } == [nil])
    }

    @Test func theTokenIsSentButNeverShown() async throws {
        let secret = "ghp_vigilTestSecret0123456789"
        let reset = Int(Date().timeIntervalSince1970) + 600
        let harness = try GitHubTestHarness(routes: [
            ["path": Self.commentsPath, "body": "{"],
            ["path": "/repos/octo-org/widget/pulls", "status": 404, "body": #"{"message": "Not Found"}"#],
            ["path": "/repos/octo-org/widget/issues/events", "status": 403,
             "headers": ["X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "\(reset)"], "body": "{}"],
        ])
        defer { harness.stop() }

        var errors: [GitHubError] = []
        errors += [await Self.commentsError(harness)].compactMap { $0 }
        errors += [await GitHubTestHarness.error { () async throws(GitHubError) in
            try await harness.client.closedPullRequests(repo: GitHubTestHarness.repo, etag: nil)
        }].compactMap { $0 }
        errors += [await GitHubTestHarness.error { () async throws(GitHubError) in
            try await harness.client.issueEvents(repo: GitHubTestHarness.repo, etag: nil)
        }].compactMap { $0 }
        #expect(errors.count == 3)

        #expect(try harness.server.requests().allSatisfy { $0.header("Authorization") == "Bearer \(secret)" })
        var shown = errors.flatMap { [String(describing: $0), String(reflecting: $0), $0.localizedDescription] }
        shown += [String(describing: harness.client.configuration), String(reflecting: harness.client.configuration),
                  String(describing: GitHubTestHarness.token)]
        var dumped = ""
        dump(harness.client, to: &dumped)
        shown.append(dumped)
        for text in shown {
            #expect(!text.contains(secret), "token shown in: \(text)")
        }
    }
}
