import Foundation
import Testing
import VigilScoring
import VigilStore
@testable import VigilDaemon

/// The source prior follows an author across feeds, falls back to the
/// feed's history, and reads a feed that declares itself agent-run.
@Suite struct SourceHistoryTests {
    func store() throws -> (Store, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-prior-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (try Store.open(at: folder.appendingPathComponent("vigil.db").path), folder)
    }

    @Test func anAuthorsHistoryFollowsThemAcrossFeeds() throws {
        let (store, folder) = try store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let person = try store.addPerson(PersonSpec(name: "Julian Marsh")).person
        let blog = try store.addFeed(FeedSpec(url: "https://a.example/feed"), defaultIntervalSeconds: 900)
        let aggregator = try store.addFeed(FeedSpec(url: "https://b.example/feed"), defaultIntervalSeconds: 900)
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        for index in 0..<4 {
            let seen = start.addingTimeInterval(Double(index) * 3600)
            let draft = FindingDraft(personID: person.id!, hostility: 0.2, agent: 0.95, attack: 0.2, severity: .none, kind: .mention, evidence: [], modelVersion: "m")
            try PlannedPoll.commit(
                [PlannedPoll.Entry(key: "p\(index)", author: "Patchwright", published: seen, findings: [draft])], feed: blog, store: store, now: seen)
        }
        let later = start.addingTimeInterval(86_400)
        let byAuthor = try #require(try SourceHistory.prior(for: aggregator, author: "Patchwright", store: store, upTo: HistoryCutoff(firstSeen: later, published: nil)))
        #expect(byAuthor.posts == 4)
        #expect(byAuthor.highAgentShare == 1)
        #expect(byAuthor.agentLikelihood > 0.5)
        // Someone new on the aggregator falls back to the aggregator's own (empty) history.
        let stranger = try #require(try SourceHistory.prior(for: aggregator, author: "someone", store: store, upTo: HistoryCutoff(firstSeen: later, published: nil)))
        #expect(stranger.posts == 0)
        // History is what existed before the post was first seen.
        let early = try #require(try SourceHistory.prior(for: blog, author: "Patchwright", store: store, upTo: HistoryCutoff(firstSeen: start.addingTimeInterval(1), published: nil)))
        #expect(early.posts == 1)
        #expect(SourceHistory.explanation(byAuthor, agentAfter: 0.97, byAuthor: "Patchwright").contains("by Patchwright across feeds"))
    }
}
