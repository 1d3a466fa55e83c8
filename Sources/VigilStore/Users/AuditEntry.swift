import Foundation

/// One action a dashboard user took, kept with the name they had then.
public struct AuditEntry: Sendable, Equatable {
    public var userName: String
    /// What was done, in a word the dashboard and `findings show` print (`ack`, `label`).
    public var action: String
    public var findingID: Int64?
    /// The note the user gave, or what changed.
    public var detail: String?
    public var at: Date

    public init(userName: String, action: String, findingID: Int64?, detail: String?, at: Date) {
        self.userName = userName
        self.action = action
        self.findingID = findingID
        self.detail = detail
        self.at = at
    }
}
