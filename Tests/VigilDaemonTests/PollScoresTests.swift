import Foundation
import Testing
import VigilScoring
import VigilStore
@testable import VigilDaemon

/// A poll's own posts in the history of each of its posts: the ordered walk
/// must give exactly the lists of the plain definition (filter, sort, take).
@Suite struct PollScoresTests {
    /// The definition: this poll's entries published before the cutoff (by the
    /// author, when one is given), newest first and the later-inserted first on
    /// a tie, then the stored posts, at most `limit` in all.
    static func reference(
        _ scores: PollScores, stored: [HistoryPost], cutoff: HistoryCutoff, author: String?, limit: Int
    ) -> [SourcePrior.Post] {
        var posts: [SourcePrior.Post] = []
        if cutoff.firstSeen == scores.time {
            posts = scores.new.indices
                .filter { scores.new[$0].published < cutoff.published && (author == nil || scores.new[$0].author == author) }
                .sorted { (scores.new[$0].published, $0) > (scores.new[$1].published, $1) }
                .map { SourcePrior.Post(published: scores.new[$0].published, agent: scores.new[$0].agent) }
        }
        posts += stored.map { SourcePrior.Post(published: $0.published, agent: scores.edited[$0.itemID] ?? $0.agent) }
        return Array(posts.prefix(limit))
    }

    @Test func theOrderedWalkGivesTheListsOfTheDefinition() {
        var generator = SeededGenerator(seed: 11)
        let time = Date(timeIntervalSince1970: 1_800_000_000)
        for round in 0..<40 {
            var scores = PollScores(time: time)
            let count = Int.random(in: 0...60, using: &generator)
            for _ in 0..<count {
                // Few distinct times and authors, so that ties and filtering happen.
                let published = time.addingTimeInterval(Double(Int.random(in: -8...2, using: &generator)) * 3600)
                let author = ["a", "b", nil][Int.random(in: 0...2, using: &generator)]
                scores.new.append(PollScores.Entry(author: author, published: published, agent: Double.random(in: 0...1, using: &generator)))
            }
            let stored = (0..<5).map { HistoryPost(itemID: Int64($0), published: time.addingTimeInterval(-86_400), agent: 0.5) }
            scores.edited[2] = 0.9
            var ordered = scores
            ordered.orderNew()
            for _ in 0..<20 {
                let cutoff = HistoryCutoff(
                    firstSeen: Bool.random(using: &generator) ? time : time.addingTimeInterval(-3600),
                    published: time.addingTimeInterval(Double(Int.random(in: -9...3, using: &generator)) * 3600))
                let author = ["a", "b", nil][Int.random(in: 0...2, using: &generator)]
                let limit = Int.random(in: 1...40, using: &generator)
                let expected = Self.reference(scores, stored: stored, cutoff: cutoff, author: author, limit: limit)
                #expect(ordered.merged(with: stored, upTo: cutoff, author: author, limit: limit) == expected, "round \(round)")
                #expect(scores.merged(with: stored, upTo: cutoff, author: author, limit: limit) == expected, "round \(round), unordered")
            }
        }
    }
}
