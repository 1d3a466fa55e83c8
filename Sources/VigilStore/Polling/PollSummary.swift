/// What storing one feed's poll changed.
public struct PollSummary: Sendable, Equatable {
    public var itemsNew = 0
    public var itemsEdited = 0
    public var itemsUnchanged = 0
    public var findingsNew = 0
    public var findingsUpdated = 0
    public var alertsQueued = 0

    public init() {}

    public static func + (lhs: PollSummary, rhs: PollSummary) -> PollSummary {
        var sum = lhs
        sum.itemsNew += rhs.itemsNew
        sum.itemsEdited += rhs.itemsEdited
        sum.itemsUnchanged += rhs.itemsUnchanged
        sum.findingsNew += rhs.findingsNew
        sum.findingsUpdated += rhs.findingsUpdated
        sum.alertsQueued += rhs.alertsQueued
        return sum
    }
}
