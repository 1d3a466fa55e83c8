import Foundation

/// Runs blocking work (a libcurl easy transfer, waiting for a child process)
/// on a Dispatch thread, so it never occupies the cooperative thread pool
/// that polling runs on.
enum BlockingWork {
    static func run<T: Sendable>(_ work: @escaping @Sendable (CancellationFlag) throws -> T) async throws -> T {
        let flag = CancellationFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                DispatchQueue.global().async {
                    continuation.resume(with: Result { try work(flag) })
                }
            }
        } onCancel: {
            flag.cancel()
        }
    }
}
