import Foundation

/// What `vigil status` reports: the feed list's health, the last cycle,
/// findings by severity and alerts that could not be delivered.
public struct StoreStatus: Sendable, Equatable, Codable {
    public var feedsTotal: Int
    public var feedsEnabled: Int
    public var feedsDue: Int
    public var feedsFailing: [FailingFeed]
    public var lastCycle: CycleRecord?
    public var findingsLast24h: [String: Int]
    public var findingsLast7d: [String: Int]
    public var findingsUnacknowledged: Int
    public var alertsPending: Int
    public var alertsFailed: Int

    /// A feed whose last poll failed, as status output shows it: the URL and
    /// the error with their credentials redacted (`URLRedaction`).
    public struct FailingFeed: Sendable, Equatable, Codable {
        public var url: String
        public var consecutiveFailures: Int
        public var lastError: String?
        public var lastStatus: Int?
        public var enabled: Bool
        public var nextPollAt: Date
    }
}
