import VigilHTTP

/// One GET of one API page: a single hop, redirects not followed (the answer
/// is read as it is), handed to the caller's continuation. Touched only on the
/// engine's thread once submitted.
final class GitHubRequestJob: HTTPEngineJob, @unchecked Sendable {
    enum Outcome: Sendable {
        case answered(HTTPHopResult)
        case notSent(HTTPEngineStop)
    }

    let id: UInt64
    let nextHop: HTTPHop
    let headerLines: [String]
    var firstStart: ContinuousClock.Instant?
    private(set) var isFinished = false
    private let continuation: CheckedContinuation<Outcome, Never>

    init(id: UInt64, hop: HTTPHop, headerLines: [String], continuation: CheckedContinuation<Outcome, Never>) {
        self.id = id
        nextHop = hop
        self.headerLines = headerLines
        self.continuation = continuation
    }

    func begin(now: ContinuousClock.Instant) -> Bool { true }

    func stop(_ reason: HTTPEngineStop, now: ContinuousClock.Instant) {
        finish(.notSent(reason))
    }

    func complete(_ hop: HTTPHopResult, now: ContinuousClock.Instant) -> HTTPHopDisposition {
        finish(.answered(hop))
        return .finished
    }

    private func finish(_ outcome: Outcome) {
        guard !isFinished else { return }
        isFinished = true
        continuation.resume(returning: outcome)
    }
}
