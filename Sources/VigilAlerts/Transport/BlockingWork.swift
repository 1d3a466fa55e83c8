import Foundation

/// Runs blocking work (a libcurl easy transfer, waiting for a child process)
/// on a thread of its own, so it never occupies the cooperative thread pool
/// that polling runs on. Not Dispatch's global queue: on a busy machine it
/// grows no further than the core count, so a hanging receiver could hold
/// back every other delivery queued behind it.
enum BlockingWork {
    static func run<T: Sendable>(_ work: @escaping @Sendable (CancellationFlag) throws -> T) async throws -> T {
        let flag = CancellationFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                let thread = Thread {
                    continuation.resume(with: Result { try work(flag) })
                }
                thread.name = "vigil-alert-io"
                thread.start()
            }
        } onCancel: {
            flag.cancel()
        }
    }
}
