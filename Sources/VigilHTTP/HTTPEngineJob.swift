/// A request an `HTTPEngine` carries out hop by hop, and what the engine
/// tells it. The job decides what a hop means (follow a redirect, what to
/// call a failure); the engine decides when and how a hop is sent.
///
/// The engine calls these requirements only on its own thread, one job at a
/// time, and never again once the job has stopped or a hop has finished it.
public protocol HTTPEngineJob: AnyObject, Sendable {
    /// From `HTTPEngine.makeJobID()`; names the job to `cancel(jobID:)`.
    var id: UInt64 { get }
    /// Whether the job has delivered its result (a cancellation may race a hop).
    var isFinished: Bool { get }
    /// The hop to send next. Read when the job is queued and when it starts.
    var nextHop: HTTPHop { get }
    /// Extra request header lines, `Name: value`, free of line breaks. Read
    /// once per hop, as it starts, so a queued job need not hold them.
    var headerLines: [String] { get }
    /// When the job's first hop started; the engine sets it, and the total
    /// timeout counts from it, queueing for politeness excluded.
    var firstStart: ContinuousClock.Instant? { get set }

    /// The job was taken in by the engine's thread. Returns false when it
    /// cannot be sent at all (it has then finished itself).
    func begin(now: ContinuousClock.Instant) -> Bool
    /// The engine did not send the next hop, or gave up on the job.
    func stop(_ reason: HTTPEngineStop, now: ContinuousClock.Instant)
    /// A hop ended. Returns `.follow` to send `nextHop` (now changed) ahead of
    /// everything queued for its host, or `.finished`.
    func complete(_ hop: HTTPHopResult, now: ContinuousClock.Instant) -> HTTPHopDisposition
}

/// One request of a job, as the engine sends it.
public struct HTTPHop: Sendable {
    public var url: TransferURL
    /// Whether the socket must lead to a public address (the address policy):
    /// the engine then refuses a literal private host outright and checks
    /// every address it connects to, after DNS, on a fresh connection.
    public var requiresPublicAddress: Bool

    public init(url: TransferURL, requiresPublicAddress: Bool) {
        self.url = url
        self.requiresPublicAddress = requiresPublicAddress
    }
}

/// Why the engine stopped a job instead of sending its next hop.
public enum HTTPEngineStop: Sendable, Equatable {
    /// The caller cancelled the job.
    case cancelled
    /// The engine is shutting down.
    case shutDown
    /// The host asked for a pause (Retry-After) that lasts this much longer.
    case hostPaused(remaining: Duration)
    /// The job's total time ran out before the hop could start.
    case timedOut
    /// The hop's host is a literal address the address policy refuses.
    case privateAddress(String)
    /// libcurl would not set up the transfer.
    case transferRefused(CurlError)
}

/// What the job wants after a hop.
public enum HTTPHopDisposition: Sendable, Equatable {
    case finished
    case follow
}

/// What one hop brought back, read from libcurl before its handle is freed.
public struct HTTPHopResult: Sendable {
    public var url: TransferURL
    /// Why libcurl ended the hop early; nil when the transfer completed.
    public var error: TransferError?
    /// The final HTTP status, or nil when none came (or for file://).
    public var status: Int?
    /// The reason phrase of the final status line, as sent.
    public var reasonPhrase: String
    /// The header fields of the final response, in order.
    public var headers: [(name: String, value: String)]
    /// The body of a 2xx answer (or a file); empty otherwise, and never more than the cap.
    public var body: [UInt8]
    /// Set when the body grew past the cap and the transfer was aborted on purpose.
    public var bodyCapExceeded: Bool
    /// The first address the address policy refused, when it refused one.
    public var refusedAddress: String?
    /// The absolute target of a redirect status, as libcurl resolved it.
    public var redirectURL: String?
    /// Header and body bytes read from the network (the body as sent, compressed).
    public var bytesReceived: Int64
    /// "1.0", "1.1", "2" or "3", when a response came.
    public var httpVersion: String?
    /// Whether a connection was made at all.
    public var connected: Bool
    /// The pause a 429 or 503 asked for with Retry-After; the engine holds the host for it.
    public var retryAfter: Duration?

    /// The value of the last header field called `name`, ignoring case.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.last { $0.name.lowercased() == wanted }?.value
    }
}
