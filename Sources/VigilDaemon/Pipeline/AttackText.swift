import Foundation
import VigilStore
import VigilText

/// An attack finding prepared for comparison: its URL as searched for and
/// the words of each of its sentences.
struct AttackText {
    let id: Int64
    let createdAt: Date
    let linkKey: String?
    let sentences: [[Substring]]

    init(_ attack: LinkableFinding) {
        id = attack.id
        createdAt = attack.createdAt
        linkKey = attack.itemURL.flatMap(CoverageLink.linkKey)
        var texts = attack.evidence.filter { $0.kind == .hostile }.map(\.text)
        if let text = attack.itemText { texts += SentenceSplitter().sentences(in: text).map(\.text) }
        var seen = Set<String>()
        sentences = texts.filter { seen.insert($0).inserted }.map(CoverageLink.words)
            .filter { $0.count >= CoverageLink.minimumQuoteWords }
    }
}
