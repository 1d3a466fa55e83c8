import Foundation
import Testing
import VigilStore
@testable import VigilDaemon

/// The poller lease as a poller holds it: refused beside a live holder,
/// taken over from an expired one or a dead process, lost loudly.
@Suite struct PollerLeaseTests {
    final class Folder {
        let url: URL
        let store: Store
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-lease-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            store = try Store.open(at: url.appendingPathComponent("vigil.db").path)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    /// A lease row as another process would have left it.
    func plant(_ store: Store, pid: Int32, host: String = PollerLease.hostName(), expiresIn seconds: Double) throws {
        let now = Date()
        let record = PollerLeaseRecord(token: "planted", pid: pid, host: host, command: "vigil run", startedAt: now,
                                       heartbeatAt: now, expiresAt: now.addingTimeInterval(seconds))
        _ = try store.claimPollerLease(record) { _ in true }
    }

    /// The ID of a process that has just exited.
    func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// The test runner's parent process stands for a live daemon on this host.
    @Test func aLiveHolderIsNamedInTheRefusal() throws {
        let folder = try Folder()
        let host = PollerLease.hostName()
        try plant(folder.store, pid: getppid(), host: host, expiresIn: 60)
        #expect {
            _ = try PollerLease(store: folder.store, command: "vigil poll --once")
        } throws: { error in
            let message = (error as? DaemonError)?.message ?? ""
            return message.hasPrefix("another vigil is already polling this database (\(folder.store.path)): `vigil run`, pid \(getppid()) on \(host), since ")
                && !message.contains("\n")
        }
    }

    @Test func theHolderInThisProcessIsNotTakenOverEither() throws {
        let folder = try Folder()
        let first = try PollerLease(store: folder.store, command: "vigil run")
        #expect(throws: DaemonError.self) { try PollerLease(store: folder.store, command: "vigil poll --once") }
        withExtendedLifetime(first) {}
    }

    @Test func aDeadHolderOnThisHostIsTakenOverAtOnce() throws {
        let folder = try Folder()
        try plant(folder.store, pid: try deadPID(), expiresIn: 3600)
        let lease = try PollerLease(store: folder.store, command: "vigil run")
        #expect(try folder.store.pollerLease()?.token == lease.record.token)
    }

    @Test func anExpiredHolderElsewhereIsTakenOver() throws {
        let folder = try Folder()
        try plant(folder.store, pid: getppid(), host: "another-machine", expiresIn: -1)
        let lease = try PollerLease(store: folder.store, command: "vigil run")
        #expect(try folder.store.pollerLease()?.pid == getpid())
        withExtendedLifetime(lease) {}
    }

    @Test func aReleasedLeaseLeavesNoRow() throws {
        let folder = try Folder()
        do {
            let lease = try PollerLease(store: folder.store, command: "vigil run")
            #expect(try folder.store.pollerLease()?.token == lease.record.token)
        }
        #expect(try folder.store.pollerLease() == nil)
    }

    @Test func aHolderWhoseLeaseWasTakenOverStops() async throws {
        let folder = try Folder()
        let lease = try PollerLease(store: folder.store, command: "vigil run", renewal: .milliseconds(20))
        try plant(folder.store, pid: getppid(), expiresIn: 60)
        await #expect {
            try await lease.keepAlive()
        } throws: { error in
            (error as? DaemonError)?.message.contains("another vigil took over polling this database") == true
        }
    }

    @Test func workRunsWhileTheLeaseIsRenewedBesideIt() async throws {
        let folder = try Folder()
        let lease = try PollerLease(store: folder.store, command: "vigil poll --once", renewal: .milliseconds(10))
        let before = try #require(try folder.store.pollerLease()).heartbeatAt
        let store = folder.store
        let answer = try await lease.whileHeld { () async throws -> Int in
            // Work long enough for renewals to happen: until the heartbeat moved.
            while try store.pollerLease()?.heartbeatAt == before { try await Task.sleep(for: .milliseconds(5)) }
            return 42
        }
        #expect(answer == 42)
    }
}
