import Foundation

/// A vigil process sharing a PostgreSQL database's work: who it is, when it
/// last said so, and its last cycle.
public struct WorkerRecord: Sendable, Equatable {
    /// Unique per process: host, process ID and a random part.
    public var id: String
    public var host: String
    public var pid: Int
    public var command: String
    public var startedAt: Date
    public var heartbeatAt: Date
    public var lastCycleAt: Date?
    public var lastCycleFeeds: Int?

    public init(
        id: String, host: String, pid: Int, command: String, startedAt: Date, heartbeatAt: Date,
        lastCycleAt: Date? = nil, lastCycleFeeds: Int? = nil
    ) {
        self.id = id
        self.host = host
        self.pid = pid
        self.command = command
        self.startedAt = startedAt
        self.heartbeatAt = heartbeatAt
        self.lastCycleAt = lastCycleAt
        self.lastCycleFeeds = lastCycleFeeds
    }
}
