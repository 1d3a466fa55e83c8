import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock next to the database, so a second daemon (or a
/// `vigil poll` while the daemon runs) refuses to start instead of polling
/// every feed twice. The kernel drops the lock when the process dies, so a
/// kill -9 never leaves a stale lock behind.
public final class DaemonLock: Sendable {
    private let descriptor: Int32
    public let path: String

    /// Takes the lock for `databasePath`, or throws naming who holds it.
    public init(databasePath: String) throws {
        path = databasePath + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw DaemonError("cannot create the lock file \(path): \(String(cString: strerror(errno)))")
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            close(fd)
            throw DaemonError("another vigil is already polling this database (\(databasePath))" + (holder.map { $0.isEmpty ? "" : ", pid \($0)" } ?? ""))
        }
        ftruncate(fd, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { write(fd, $0, strlen($0)) }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
