import Foundation
import VigilStore

/// One worker in `vigil status --json`.
struct WorkerStatus: Encodable {
    let id: String
    let host: String
    let pid: Int
    let command: String
    let startedAt: Date
    let heartbeatAt: Date
    let lastCycleAt: Date?
    let lastCycleFeeds: Int?
    let leasedFeeds: Int

    init(_ worker: WorkerRecord, leasedFeeds: Int) {
        id = worker.id
        host = worker.host
        pid = worker.pid
        command = worker.command
        startedAt = worker.startedAt
        heartbeatAt = worker.heartbeatAt
        lastCycleAt = worker.lastCycleAt
        lastCycleFeeds = worker.lastCycleFeeds
        self.leasedFeeds = leasedFeeds
    }

    private enum CodingKeys: String, CodingKey {
        case id, host, pid, command
        case startedAt = "started_at", heartbeatAt = "heartbeat_at", lastCycleAt = "last_cycle_at"
        case lastCycleFeeds = "last_cycle_feeds", leasedFeeds = "leased_feeds"
    }
}
