/// One request, one hop, no redirects followed: the answer is read as it is.
/// The shape of an API call (a GitHub page, say), where a feed's job follows
/// redirects and keeps state across hops. Touched only on the engine's thread
/// once submitted.
public final class SingleHopJob: HTTPEngineJob, @unchecked Sendable {
    /// What became of the request.
    public enum Outcome: Sendable {
        case answered(HTTPHopResult)
        /// The engine never sent it (a refused address, a paused host, a shutdown).
        case notSent(HTTPEngineStop)
    }

    public let id: UInt64
    public let nextHop: HTTPHop
    public let headerLines: [String]
    public var firstStart: ContinuousClock.Instant?
    public private(set) var isFinished = false
    private let continuation: CheckedContinuation<Outcome, Never>

    init(id: UInt64, hop: HTTPHop, headerLines: [String], continuation: CheckedContinuation<Outcome, Never>) {
        self.id = id
        nextHop = hop
        self.headerLines = headerLines
        self.continuation = continuation
    }

    /// Sends `hop` on `engine` and waits for its outcome; cancelling the
    /// calling task cancels the transfer.
    public static func send(_ hop: HTTPHop, headerLines: [String] = [], on engine: HTTPEngine) async -> Outcome {
        let id = engine.makeJobID()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                engine.submit(SingleHopJob(id: id, hop: hop, headerLines: headerLines, continuation: continuation))
            }
        } onCancel: {
            engine.cancel(jobID: id)
        }
    }

    public func begin(now: ContinuousClock.Instant) -> Bool { true }

    public func stop(_ reason: HTTPEngineStop, now: ContinuousClock.Instant) {
        finish(.notSent(reason))
    }

    public func complete(_ hop: HTTPHopResult, now: ContinuousClock.Instant) -> HTTPHopDisposition {
        finish(.answered(hop))
        return .finished
    }

    private func finish(_ outcome: Outcome) {
        guard !isFinished else { return }
        isFinished = true
        continuation.resume(returning: outcome)
    }
}
