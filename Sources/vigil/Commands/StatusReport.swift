import Foundation
import VigilStore

/// `vigil status --json`: the store's status, and on PostgreSQL the
/// workers seen lately (`workers`, absent on SQLite).
struct StatusReport: Encodable {
    let status: StoreStatus
    let workers: [WorkerStatus]?

    private enum CodingKeys: String, CodingKey {
        case workers
    }

    func encode(to encoder: any Encoder) throws {
        try status.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(workers, forKey: .workers)
    }
}
