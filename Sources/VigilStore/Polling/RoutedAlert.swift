/// An alert the router asks to queue, with the finding its outbox row
/// belongs to. A grouped alert (a burst) names one of its findings, the
/// first it groups, so the row is removed with the findings like any other.
public struct RoutedAlert: Sendable, Equatable {
    public var findingID: Int64
    public var draft: AlertDraft

    public init(findingID: Int64, draft: AlertDraft) {
        self.findingID = findingID
        self.draft = draft
    }
}
