import Foundation
import Testing
import VigilDaemon
import VigilStore
import VigilTestSupport

/// A repository whose API misbehaves: the poll records one line, waits as
/// GitHub asks, and loses nothing stored before; other sources go on.
@Suite(.serialized) struct GitHubSourceFailureTests {
    @Test func anExhaustedRateLimitWaitsForItsReset() async throws {
        let (harness, world) = try DiscoveryTrailTests.harness()
        let reset = Int(Date().timeIntervalSince1970) + 3600
        try harness.server.setRoutes([["path": world.listingPaths[0], "status": 403, "headers": [
            "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": String(reset), "Content-Type": "application/json",
        ], "body": #"{"message": "API rate limit exceeded"}"#]])
        let report = try await harness.pollAll()
        #expect(report.storeFailure == nil)
        let failure = try #require(report.repositories.first?.failure)
        #expect(failure.contains("rate limit") && !failure.contains("\n"))
        let repository = try #require(try harness.store.githubRepositories().first)
        #expect(repository.lastError == failure)
        #expect(abs((repository.nextPollAt ?? .distantPast).timeIntervalSince1970 - Double(reset)) < 2)
        // Not due before the reset.
        #expect(try harness.store.githubRepositoriesToPoll(now: Date(), dueOnly: true).isEmpty)
    }

    @Test func aSecondaryLimitWaitsForRetryAfter() async throws {
        let (harness, world) = try DiscoveryTrailTests.harness()
        try harness.server.setRoutes([["path": world.listingPaths[2], "status": 429, "headers": ["Retry-After": "120"], "body": "slow down"]])
        let before = Date()
        let report = try await harness.pollAll()
        #expect(report.repositories.first?.failure?.contains("secondary rate limit") == true)
        let repository = try #require(try harness.store.githubRepositories().first)
        #expect((repository.nextPollAt ?? .distantPast) >= before.addingTimeInterval(119))
        // What came before the refusal is kept: the closed pull request and who closed it.
        #expect(try harness.store.pullRequestsClosedByWatchedPeople(repositoryID: repository.id!).keys.sorted() == [42])
    }

    @Test func malformedCommentsLoseNothingStored() async throws {
        let (harness, world) = try DiscoveryTrailTests.harness()
        // A first poll stores the trail.
        _ = try await harness.pollAll()
        let stored = try harness.store.findings(matching: FindingFilter()).count
        #expect(stored == 1)
        let since = try harness.store.githubRepositories().first?.commentsSince
        try harness.server.setRoutes([["path": world.listingPaths[2], "headers": ["Content-Type": "application/json"], "body": #"[{"id": 1, "body": "#]])
        let report = try await harness.pollAll()
        #expect(report.storeFailure == nil)
        #expect(report.repositories.first?.failure?.contains("malformed JSON") == true)
        #expect(try harness.store.findings(matching: FindingFilter()).count == stored)
        let repository = try #require(try harness.store.githubRepositories().first)
        #expect(repository.commentsSince == since, "the cursor does not move past what was not read")
        #expect(repository.lastError?.contains("malformed JSON") == true)
    }
}
