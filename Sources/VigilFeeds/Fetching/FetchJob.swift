import VigilHTTP

/// A fetch from request to result, across its redirect hops: what each hop
/// of the engine means for a feed. Touched only on the engine's thread once
/// submitted.
final class FetchJob: HTTPEngineJob, @unchecked Sendable {
    let id: UInt64
    let request: FetchRequest
    private let shared: FetchConfiguration.Shared
    private let continuation: CheckedContinuation<FetchResult, Never>

    var url: FeedURL?
    /// The host of the URL as requested; set when the job is accepted.
    var requestedHost: String?
    var redirects: [RedirectHop] = []
    var visited: Set<String> = []
    var firstStart: ContinuousClock.Instant?
    var bytesReceived: Int64 = 0
    private(set) var isFinished = false

    init(id: UInt64, request: FetchRequest, configuration: FetchConfiguration.Shared,
         continuation: CheckedContinuation<FetchResult, Never>) {
        self.id = id
        self.request = request
        shared = configuration
        self.continuation = continuation
    }

    var configuration: FetchConfiguration { shared.value }

    /// The Accept header every hop sends: feed formats first, a page last (for discovery).
    static let acceptLine = "Accept: application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.3"

    var nextHop: HTTPHop {
        // Set by `begin` before the engine asks; an unparsed URL never reaches the queue.
        let url = url!
        return HTTPHop(url: url.transferURL,
                       requiresPublicAddress: requiresPublicAddress(url, allowPrivate: configuration.allowPrivateAddresses))
    }

    /// Built as each hop starts rather than kept: thousands of jobs may wait
    /// in the queues at once, and each should hold no more than its URL.
    var headerLines: [String] {
        [
            Self.acceptLine,
            request.etag.map { "If-None-Match: \($0.headerSafe)" },
            request.lastModified.map { "If-Modified-Since: \($0.headerSafe)" },
        ].compactMap { $0 }
    }

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

    private func fail(_ failure: FetchFailure, now: ContinuousClock.Instant, status: Int? = nil) {
        finish(failureResult(failure, now: now, status: status))
    }

    // MARK: - What the engine reports

    /// Checks the requested URL and its scheme before anything is queued.
    func begin(now: ContinuousClock.Instant) -> Bool {
        let url: FeedURL
        do {
            url = try FeedURL(request.url)
        } catch {
            fail(error, now: now)
            return false
        }
        let allowed = url.scheme == "http" || url.scheme == "https" || (url.scheme == "file" && configuration.allowFileURLs)
        guard allowed else {
            let reason = url.scheme == "file"
                ? "file:// feeds are not allowed by the configuration (poll.allow_file_urls)"
                : "unsupported scheme '\(url.scheme)': only http and https feeds are fetched"
            fail(FetchFailure(.unsupportedScheme, reason), now: now)
            return false
        }
        self.url = url
        requestedHost = url.host
        visited.insert(url.absoluteString)
        return true
    }

    func stop(_ reason: HTTPEngineStop, now: ContinuousClock.Instant) {
        switch reason {
        case .cancelled:
            fail(FetchFailure(.cancelled, "fetch cancelled"), now: now)
        case .shutDown:
            fail(FetchFailure(.cancelled, "fetch cancelled: the fetcher was shut down"), now: now)
        case .hostPaused(let remaining):
            let failure = FetchFailure(.deferredByHost, "not sent: \(url?.host ?? "") asked for a pause of \(Int(remaining.secondsValue.rounded(.up))) s more (Retry-After)")
            finish(failureResult(failure, now: now, retryAfter: remaining))
        case .timedOut:
            fail(FetchFailure(.timeout, "timed out after \(configuration.totalTimeout.secondsValue.formatted) s: \(url?.absoluteString ?? request.url)"), now: now)
        case .privateAddress(let address):
            fail(privateAddressFailure(address: address), now: now)
        case .transferRefused(let error):
            fail(FetchFailure(.transport(error.code), error.description), now: now)
        }
    }

    func complete(_ hop: HTTPHopResult, now: ContinuousClock.Instant) -> HTTPHopDisposition {
        bytesReceived += hop.bytesReceived
        let status = hop.status
        let headers = HTTPHeaders(hop.headers)

        if let error = hop.error {
            if let refused = hop.refusedAddress {
                fail(privateAddressFailure(address: refused), now: now, status: status)
            } else if let status, !(200..<300).contains(status), status != 304 {
                // An error page cut short (too long, or the connection dropped while it came):
                // the status is what the feed's health should say.
                finishWithStatus(hop, status: status, headers: headers, now: now)
            } else {
                let failure = FetchFailureClassifier.failure(
                    error, bodyCapExceeded: hop.bodyCapExceeded, connected: hop.connected,
                    url: hop.url.absoluteString, configuration: configuration)
                finish(failureResult(failure, now: now, status: status, headers: headers, httpVersion: hop.httpVersion))
            }
            return .finished
        }
        if let status, [301, 302, 303, 307, 308].contains(status), let location = hop.redirectURL {
            return followRedirect(to: location, status: status, now: now)
        }
        if status == 304 {
            finish(successResult(status: status, outcome: .notModified, headers: headers, httpVersion: hop.httpVersion, now: now))
        } else if status == nil || (200..<300).contains(status!) {
            finish(successResult(status: status, outcome: .fetched(body: hop.body), headers: headers, httpVersion: hop.httpVersion, now: now))
        } else {
            finishWithStatus(hop, status: status!, headers: headers, now: now)
        }
        return .finished
    }

    /// The one line a feed's health shows when the address policy refused a hop.
    private func privateAddressFailure(address: String) -> FetchFailure {
        let what = redirects.isEmpty ? "discovered URL at" : "redirect to"
        return FetchFailure(.privateAddressRefused,
            "\(what) a private address \(address) refused; set [poll] allow_private_addresses = true to allow")
    }

    private func successResult(status: Int?, outcome: FetchOutcome, headers: HTTPHeaders,
                               httpVersion: String?, now: ContinuousClock.Instant) -> FetchResult {
        var permanentTarget: String?
        for hop in redirects {
            guard hop.isPermanent else { break }
            permanentTarget = hop.to
        }
        return FetchResult(
            requestedURL: request.url, finalURL: url?.absoluteString ?? request.url, status: status,
            outcome: outcome, headers: headers, redirects: redirects, permanentRedirectTarget: permanentTarget,
            bytesReceived: bytesReceived, duration: elapsed(now: now), httpVersion: httpVersion)
    }

    private func finishWithStatus(_ hop: HTTPHopResult, status: Int, headers: HTTPHeaders, now: ContinuousClock.Instant) {
        let retryAfter = hop.retryAfter
        let phrase = hop.reasonPhrase.isEmpty ? HTTPStatusText.phrase(status) : hop.reasonPhrase
        var message = "HTTP \(status)\(phrase.isEmpty ? "" : " \(phrase)"): \(hop.url.absoluteString)"
        if let retryAfter { message += " (retry after \(Int(retryAfter.secondsValue.rounded(.up))) s)" }
        let failure = status == 410
            ? FetchFailure(.gone, "HTTP 410 Gone: the feed was removed for good (\(hop.url.absoluteString))")
            : FetchFailure(.httpStatus(status), message.oneLine)
        finish(failureResult(failure, now: now, status: status, headers: headers,
                             httpVersion: hop.httpVersion, retryAfter: retryAfter))
    }

    private func followRedirect(to location: String, status: Int, now: ContinuousClock.Instant) -> HTTPHopDisposition {
        guard let source = url else { return .finished }
        let target: FeedURL
        do {
            target = try source.resolving(location)
        } catch {
            fail(FetchFailure(.redirectRefused, "redirect to an invalid URL: \(location.oneLine)"), now: now, status: status)
            return .finished
        }
        redirects.append(RedirectHop(from: source.absoluteString, to: target.absoluteString, status: status))
        guard target.scheme == "http" || target.scheme == "https" else {
            fail(FetchFailure(.redirectRefused, "refused redirect from \(source.absoluteString) to \(target.scheme):// URL \(target.absoluteString)"), now: now, status: status)
            return .finished
        }
        guard !visited.contains(target.absoluteString) else {
            fail(FetchFailure(.redirectLoop, "redirect loop: \(target.absoluteString) was already visited after \(redirects.count) redirects"), now: now, status: status)
            return .finished
        }
        guard redirects.count <= configuration.maxRedirects else {
            fail(FetchFailure(.tooManyRedirects, "more than \(configuration.maxRedirects) redirects from \(request.url)"), now: now, status: status)
            return .finished
        }
        visited.insert(target.absoluteString)
        url = target
        return .follow
    }
}

extension String {
    /// A stored validator sent back in a header: no line breaks can smuggle in another header.
    fileprivate var headerSafe: String {
        // By scalar: "\r\n" is a single Character and would slip past a Character filter.
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: unicodeScalars.filter { $0 != "\r" && $0 != "\n" })
        return String(scalars)
    }
}
