/// A fetch from request to result, across its redirect hops. Touched only on the
/// engine's thread once submitted.
final class FetchJob: @unchecked Sendable {
    let id: UInt64
    let request: FetchRequest
    private let continuation: CheckedContinuation<FetchResult, Never>

    var url: FeedURL?
    /// The host of the URL as requested; set when the job is accepted.
    var requestedHost: String?
    var redirects: [RedirectHop] = []
    var visited: Set<String> = []
    var firstStart: ContinuousClock.Instant?
    var bytesReceived: Int64 = 0
    private(set) var isFinished = false

    init(id: UInt64, request: FetchRequest, continuation: CheckedContinuation<FetchResult, Never>) {
        self.id = id
        self.request = request
        self.continuation = continuation
    }

    var host: String { url?.host ?? "" }

    /// Whether a hop to `target` must connect to a public address: every hop
    /// of a discovered URL, and for a configured one every hop to a host other
    /// than the one the operator named (a redirect elsewhere). file:// hops
    /// make no connection.
    func requiresPublicAddress(_ target: FeedURL, allowPrivate: Bool) -> Bool {
        guard !allowPrivate, target.scheme != "file" else { return false }
        return request.origin == .discovered || target.host != requestedHost
    }

    func elapsed(now: ContinuousClock.Instant) -> Duration {
        firstStart.map { now - $0 } ?? .zero
    }

    /// Delivers the result once; later calls (a cancel racing a completion) do nothing.
    func finish(_ result: FetchResult) {
        guard !isFinished else { return }
        isFinished = true
        continuation.resume(returning: result)
    }

    /// A result with no content, carrying what is known of the attempt.
    func failureResult(_ failure: FetchFailure, now: ContinuousClock.Instant, status: Int? = nil,
                       headers: HTTPHeaders = HTTPHeaders(), httpVersion: String? = nil,
                       retryAfter: Duration? = nil) -> FetchResult {
        FetchResult(
            requestedURL: request.url, finalURL: url?.absoluteString ?? request.url, status: status,
            outcome: .failed(failure), headers: headers, redirects: redirects, permanentRedirectTarget: nil,
            bytesReceived: bytesReceived, duration: elapsed(now: now), httpVersion: httpVersion,
            retryAfter: retryAfter)
    }
}
