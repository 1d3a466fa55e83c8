/// A poll's plan that no longer fits the database: since its snapshot was
/// read, another commit stored a finding or the same content. Nothing was
/// written; read a new snapshot and plan again.
public struct StalePollPlan: Error, Sendable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { "the poll's plan is stale: \(reason)" }
}
