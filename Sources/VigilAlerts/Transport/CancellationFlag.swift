import Foundation

/// Set when the task waiting on a blocking transfer is cancelled; the
/// transfer's progress callback reads it and aborts, so a daemon shutting
/// down does not wait out a slow receiver.
final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }
}
