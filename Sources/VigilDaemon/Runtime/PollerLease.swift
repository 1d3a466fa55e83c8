import Foundation
import VigilStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The right to poll a database, held by one process at a time: `vigil run`,
/// `vigil poll` and `vigil demo` take it before the first fetch and give it
/// back when they stop. It lives in the database (`poller_lease`), not in a
/// file beside it, so a second poller that reaches the same database through
/// a symlink or another path meets it too.
///
/// The holder renews it every `renewal`; it expires `duration` after the
/// last renewal. A new poller takes it over at once when the holder's process
/// is gone from this host (a kill -9, a crash), and from any host once it has
/// expired, so nothing needs cleaning up by hand. A holder that finds its
/// lease taken over stops (`keepAlive` throws): two pollers would send every
/// alert twice.
public final class PollerLease: Sendable {
    public let store: Store
    public let record: PollerLeaseRecord
    public let duration: Duration
    public let renewal: Duration

    /// Takes the lease for `command`, or throws naming the poller that holds it.
    public init(store: Store, command: String, duration: Duration = .seconds(60), renewal: Duration = .seconds(15)) throws {
        let now = Date()
        let claim = PollerLeaseRecord(
            token: UUID().uuidString, pid: getpid(), host: Self.hostName(), command: command,
            startedAt: now, heartbeatAt: now, expiresAt: now.addingTimeInterval(duration.seconds))
        let host = claim.host
        let outcome: PollerLeaseClaim
        do {
            outcome = try store.claimPollerLease(claim) { current in
                Self.isStale(current, now: now, host: host)
            }
        } catch let error as StoreError {
            throw DaemonError("cannot take the poller lease: \(error.message)")
        }
        switch outcome {
        case .taken(let record):
            self.record = record
        case .held(let holder):
            let since = ISO8601DateFormatter().string(from: holder.startedAt)
            throw DaemonError("another vigil is already polling this database (\(store.path)): `\(holder.command)`, pid \(holder.pid) on \(holder.host), since \(since)")
        }
        self.store = store
        self.duration = duration
        self.renewal = renewal
    }

    deinit {
        try? store.releasePollerLease(token: record.token)
    }

    /// Renews the lease until the task is cancelled. Throws when another
    /// poller has taken it over, or when it could not be renewed before it
    /// expired (the database stayed locked or unwritable for that long).
    public func keepAlive() async throws {
        var lastRenewed = Date()
        while true {
            do {
                try await Task.sleep(for: renewal)
            } catch {
                return
            }
            let now = Date()
            do {
                guard try store.renewPollerLease(
                    token: record.token, heartbeatAt: now, expiresAt: now.addingTimeInterval(duration.seconds)) else {
                    throw DaemonError("another vigil took over polling this database (\(store.path)); stopping")
                }
                lastRenewed = now
            } catch let error as StoreError {
                // A busy or full database: retry at the next beat while the lease still stands.
                if now.timeIntervalSince(lastRenewed) >= duration.seconds - renewal.seconds {
                    throw DaemonError("could not renew the poller lease before it expired: \(error.message)")
                }
            }
        }
    }

    /// Runs `body` while renewing the lease beside it; whichever fails first
    /// (the work, or the lease lost) ends both.
    public func whileHeld<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await self.keepAlive()
                return nil
            }
            group.addTask { try await body() }
            defer { group.cancelAll() }
            while let next = try await group.next() {
                if let result = next { return result }
            }
            throw CancellationError()
        }
    }

    /// A holder's row may be replaced once it expired, or at once when its
    /// process no longer runs on this host.
    static func isStale(_ current: PollerLeaseRecord, now: Date, host: String) -> Bool {
        if current.expiresAt <= now { return true }
        guard current.host == host, current.pid != getpid() else { return false }
        return !processExists(current.pid)
    }

    /// Whether a process with this ID runs (one of another user's counts).
    static func processExists(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        let length = buffer.firstIndex(of: 0) ?? buffer.count
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
