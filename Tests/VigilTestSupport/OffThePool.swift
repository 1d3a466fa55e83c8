import Foundation

/// Runs `body`, which blocks (waits for a child process, say), on a thread of
/// its own and awaits its result. Tests run on Swift's cooperative pool, one
/// thread a core; a test that blocks one of them for seconds starves the
/// servers other tests run in process on the same pool, and their requests
/// time out. `body` must not record test issues: it runs outside the test's task.
public func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try body() })
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
}
