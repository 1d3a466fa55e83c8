import Foundation
import VigilStore

extension PollPlanner {
    /// Plans the poll after reading, when its assessments found an attack or
    /// coverage, the stored findings those may link to; a poll that found
    /// neither asks the store nothing.
    public func plan(
        _ polled: PolledFeed, assessments: [EntryAssessment], snapshot: PollSnapshot, time: Date, readingLinksFrom store: Store
    ) throws -> PollPlan {
        var related: [LinkableFinding] = []
        if let window = linkingWindow(for: assessments, snapshot: snapshot, time: time) {
            related = try store.linkableFindings(
                about: window.people, kinds: [.attack, .coverage], createdFrom: window.from, through: window.through)
        }
        return plan(polled, assessments: assessments, snapshot: snapshot, related: related, time: time)
    }
}
