import Foundation
import VigilAlerts
import VigilStore

extension Vigil.Doctor {
    /// `vigil doctor` on a PostgreSQL database: the connection, the schema
    /// version, the workers seen lately, and the clock skew between this
    /// machine and the server, which the workers' leases are measured by.
    enum PostgreSQLChecks {
        /// Skew beyond this shortens or stretches leases noticeably.
        static let skewWarning: TimeInterval = 2
        /// Skew beyond this makes workers take live workers' leases.
        static let skewError: TimeInterval = 30

        static func run(_ location: PostgreSQLLocation) async -> [CheckResult] {
            let store: PostgreSQLStore
            do {
                store = try await PostgreSQLStore.open(location, maximumConnections: 1)
            } catch {
                return [CheckResult(.error, "database", CommandFailure(error).message)]
            }
            var results: [CheckResult] = []
            do {
                let version = try await store.schemaVersion()
                let applied = try await store.appliedMigrations()
                results.append(CheckResult(.ok, "database", "\(location): schema version \(version), \(applied.count) migrations applied"))
                let sent = Date()
                let server = try await store.serverTime()
                let skew = server.timeIntervalSince(sent.addingTimeInterval(Date().timeIntervalSince(sent) / 2))
                let words = String(format: "%.1f s", abs(skew))
                if abs(skew) > skewError {
                    results.append(CheckResult(.error, "clock", "this machine's clock is \(words) off the database server's: leases would be taken from live workers; run NTP"))
                } else if abs(skew) > skewWarning {
                    results.append(CheckResult(.warning, "clock", "this machine's clock is \(words) off the database server's"))
                } else {
                    results.append(CheckResult(.ok, "clock", "within \(words) of the database server's"))
                }
                let workers = try await store.workers(seenSince: Date().addingTimeInterval(-600))
                results.append(CheckResult(.ok, "workers", workers.isEmpty
                    ? "no worker seen in the last 10 minutes"
                    : workers.map { "\($0.worker.host) (pid \($0.worker.pid), \($0.leasedFeeds) feeds leased)" }.joined(separator: "; ")))
            } catch {
                results.append(CheckResult(.error, "database", CommandFailure(error).message))
            }
            await store.close()
            return results
        }
    }
}
