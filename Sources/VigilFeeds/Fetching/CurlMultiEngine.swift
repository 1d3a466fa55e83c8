import CCurl
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The thread that owns one libcurl multi handle and drives every transfer on
/// it. Callers hand it jobs through a locked inbox and a wakeup; everything else
/// (the queue per host, the easy handles, politeness) lives on this thread only.
final class CurlMultiEngine: @unchecked Sendable {
    private struct Inbox {
        var submitted: [FetchJob] = []
        var cancelled: [UInt64] = []
        var stopping = false
        /// Set, under the lock, just before the multi handle is cleaned up: after it no
        /// caller may touch the handle, not even to wake it.
        var closed = false
        var nextID: UInt64 = 1
    }

    /// Jobs waiting for their host to allow a request, oldest first.
    private struct HostQueue {
        var jobs: [FetchJob] = []
        var head = 0
        var isEmpty: Bool { head >= jobs.count }
        mutating func popFirst() -> FetchJob? {
            guard head < jobs.count else { return nil }
            defer {
                head += 1
                if head > 64 && head * 2 > jobs.count {
                    jobs.removeFirst(head)
                    head = 0
                }
            }
            return jobs[head]
        }
        mutating func pushFront(_ job: FetchJob) {
            if head > 0 {
                head -= 1
                jobs[head] = job
            } else {
                jobs.insert(job, at: 0)
            }
        }
    }

    let configuration: FetchConfiguration
    private let multi: UnsafeMutableRawPointer
    private let inbox = Locked(Inbox())
    /// Easy handles alive right now; read by tests to check nothing leaks.
    let liveHandles = Locked(0)

    // Engine-thread state.
    private var queues: [String: HostQueue] = [:]
    private var hostOrder: [String] = []
    private var queuedJobs: [UInt64: FetchJob] = [:]
    private var transfers: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var transferByJob: [UInt64: UnsafeMutableRawPointer] = [:]
    private var politeness: HostPoliteness
    private let proxies: ProxySelection
    private let clock = ContinuousClock()
    private var lastPrune: ContinuousClock.Instant

    init(configuration: FetchConfiguration) throws(FetchFailure) {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        guard let multi = curl_multi_init() else {
            throw FetchFailure(.transport(Int(CURLE_OUT_OF_MEMORY.rawValue)), "libcurl could not create a multi handle")
        }
        self.multi = multi
        self.configuration = configuration
        politeness = HostPoliteness(minimumGap: configuration.minimumHostGap,
                                    maxConcurrent: configuration.maxConcurrentPerHost)
        lastPrune = clock.now
        proxies = ProxySelection.processEnvironment(setting: configuration.proxy)
        _ = vigil_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, max(1, configuration.maxConcurrentTransfers))
        _ = vigil_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, max(1, configuration.maxConcurrentPerHost))
        _ = vigil_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(1, configuration.maxConcurrentTransfers) * 2)
        _ = vigil_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
    }

    /// Starts the engine's thread. The thread holds the engine until it stops.
    func start() throws(FetchFailure) {
        let context = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(&thread, nil, { context in
            let engine = Unmanaged<CurlMultiEngine>.fromOpaque(context!).takeRetainedValue()
            engine.run()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<CurlMultiEngine>.fromOpaque(context).release()
            throw FetchFailure(.transport(0), "could not start the fetch thread (error \(created))")
        }
        pthread_detach(thread)
    }

    func makeJobID() -> UInt64 {
        inbox.withLock { inbox in
            defer { inbox.nextID += 1 }
            return inbox.nextID
        }
    }

    /// Queues a job; answers it at once as cancelled when the engine is stopping or the
    /// caller's task is already cancelled.
    func submit(_ job: FetchJob) {
        let accepted = inbox.withLock { inbox -> Bool in
            guard !inbox.stopping, !Task.isCancelled else { return false }
            inbox.submitted.append(job)
            curl_multi_wakeup(multi)
            return true
        }
        guard accepted else {
            job.finish(job.failureResult(FetchFailure(.cancelled, "fetch cancelled"), now: clock.now))
            return
        }
    }

    func cancel(jobID: UInt64) {
        inbox.withLock { inbox in
            guard !inbox.closed else { return }
            inbox.cancelled.append(jobID)
            curl_multi_wakeup(multi)
        }
    }

    func stop() {
        inbox.withLock { inbox in
            inbox.stopping = true
            if !inbox.closed { curl_multi_wakeup(multi) }
        }
    }

    // MARK: - The engine thread

    private func run() {
        while true {
            let (submitted, cancelled, stopping) = inbox.withLock { inbox in
                defer {
                    inbox.submitted.removeAll(keepingCapacity: true)
                    inbox.cancelled.removeAll(keepingCapacity: true)
                }
                return (inbox.submitted, inbox.cancelled, inbox.stopping)
            }
            for job in submitted { begin(job) }
            for id in cancelled { cancelJob(id, message: "fetch cancelled") }
            if stopping { break }

            let nextAdmission = admitQueuedJobs()
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            collectFinishedTransfers()

            // Admit again right away: a finished transfer may have freed a slot.
            let laterAdmission = admitQueuedJobs()
            let now = clock.now
            var waitMillis: Int = 1000
            var curlTimeout = -1
            curl_multi_timeout(multi, &curlTimeout)
            if curlTimeout >= 0 { waitMillis = min(waitMillis, curlTimeout) }
            for admission in [nextAdmission, laterAdmission].compactMap({ $0 }) {
                waitMillis = min(waitMillis, Int((admission - now).wholeMillisecondsRoundedUp))
            }
            if now - lastPrune > .seconds(60) {
                politeness.forgetIdleHosts(now: now)
                lastPrune = now
            }
            curl_multi_poll(multi, nil, 0, Int32(max(0, waitMillis)), nil)
        }
        shutDown()
    }

    /// Validates a new job's URL and queues it behind its host.
    private func begin(_ job: FetchJob) {
        let url: FeedURL
        do {
            url = try FeedURL(job.request.url)
        } catch {
            job.finish(job.failureResult(error, now: clock.now))
            return
        }
        let allowed = url.scheme == "http" || url.scheme == "https" || (url.scheme == "file" && configuration.allowFileURLs)
        guard allowed else {
            let reason = url.scheme == "file"
                ? "file:// feeds are not allowed by the configuration (poll.allow_file_urls)"
                : "unsupported scheme '\(url.scheme)': only http and https feeds are fetched"
            job.finish(job.failureResult(FetchFailure(.unsupportedScheme, reason), now: clock.now))
            return
        }
        job.url = url
        job.requestedHost = url.host
        job.visited.insert(url.absoluteString)
        enqueue(job, front: false)
    }

    private func enqueue(_ job: FetchJob, front: Bool) {
        let host = job.host
        if queues[host] == nil {
            queues[host] = HostQueue()
            hostOrder.append(host)
        }
        if front { queues[host]!.pushFront(job) } else { queues[host]!.jobs.append(job) }
        queuedJobs[job.id] = job
    }

    /// Starts queued jobs while slots allow, host by host in arrival order.
    /// Returns the earliest instant a job held back by a host's gap may start.
    private func admitQueuedJobs() -> ContinuousClock.Instant? {
        guard !queuedJobs.isEmpty else { return nil }
        var nextAdmission: ContinuousClock.Instant?
        let now = clock.now
        var emptied: Set<String> = []
        for host in hostOrder {
            guard transfers.count < configuration.maxConcurrentTransfers else { break }
            while transfers.count < configuration.maxConcurrentTransfers {
                // Mutated in place through the dictionary: copying a host's queue per pop
                // would make admitting thousands of feeds of one host quadratic.
                guard let job = queues[host]?.popFirst() else { break }
                if job.isFinished { continue }
                if let pausedUntil = politeness.pausedUntil(host: host, now: now) {
                    queuedJobs[job.id] = nil
                    let wait = pausedUntil - now
                    let failure = FetchFailure(.deferredByHost, "not sent: \(host) asked for a pause of \(Int(wait.secondsValue.rounded(.up))) s more (Retry-After)")
                    job.finish(job.failureResult(failure, now: now, retryAfter: wait))
                    continue
                }
                guard let earliest = politeness.earliestStart(host: host, now: now) else {
                    queues[host]?.pushFront(job)
                    break
                }
                if earliest > now {
                    queues[host]?.pushFront(job)
                    nextAdmission = min(nextAdmission ?? earliest, earliest)
                    break
                }
                queuedJobs[job.id] = nil
                startTransfer(for: job, now: now)
            }
            if queues[host]?.isEmpty ?? true { emptied.insert(host) }
        }
        if !emptied.isEmpty {
            for host in emptied { queues[host] = nil }
            hostOrder.removeAll { emptied.contains($0) }
        }
        return nextAdmission
    }

    private func startTransfer(for job: FetchJob, now: ContinuousClock.Instant) {
        guard let url = job.url else { return }
        if job.firstStart == nil { job.firstStart = now }
        let remaining = configuration.totalTimeout - job.elapsed(now: now)
        guard remaining > .zero else {
            let failure = FetchFailure(.timeout, "timed out after \(configuration.totalTimeout.secondsValue.formatted) s: \(url.absoluteString)")
            job.finish(job.failureResult(failure, now: now))
            return
        }
        let requiresPublic = job.requiresPublicAddress(url, allowPrivate: configuration.allowPrivateAddresses)
        if requiresPublic, let literal = IPAddress(url.host), !AddressScope(literal).isPublic {
            job.finish(job.failureResult(privateAddressFailure(job, address: literal.description), now: now))
            return
        }
        guard let easy = curl_easy_init() else {
            job.finish(job.failureResult(FetchFailure(.transport(Int(CURLE_OUT_OF_MEMORY.rawValue)), "libcurl could not create a handle"), now: now))
            return
        }
        liveHandles.withLock { $0 += 1 }
        let transfer = CurlTransfer(easy: easy, job: job, url: url, maxBodyBytes: configuration.maxBodyBytes)
        transfer.requiresPublicAddress = requiresPublic
        configure(transfer, remaining: remaining)
        transfers[easy] = transfer
        transferByJob[job.id] = easy
        politeness.recordStart(host: url.host, at: now)
        let added = curl_multi_add_handle(multi, easy)
        if added != CURLM_OK {
            let message = String(cString: curl_multi_strerror(added))
            release(transfer)
            job.finish(job.failureResult(FetchFailure(.transport(Int(added.rawValue)), "libcurl refused the transfer: \(message)"), now: now))
        }
    }

    private func configure(_ transfer: CurlTransfer, remaining: Duration) {
        let easy = transfer.easy
        let config = configuration
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        let isFile = transfer.url.scheme == "file"
        vigil_easy_setopt_string(easy, CURLOPT_URL, transfer.url.absoluteString)
        vigil_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, isFile ? "file" : "http,https")
        vigil_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0)
        vigil_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        vigil_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, transfer.errorBuffer)
        vigil_easy_setopt_data_callback(easy, CURLOPT_WRITEFUNCTION, curlWriteCallback)
        vigil_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context)
        vigil_easy_setopt_data_callback(easy, CURLOPT_HEADERFUNCTION, curlHeaderCallback)
        vigil_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context)
        vigil_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, Int(config.connectTimeout.wholeMillisecondsRoundedUp))
        vigil_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, Int(remaining.wholeMillisecondsRoundedUp))
        vigil_easy_setopt_long(easy, CURLOPT_LOW_SPEED_LIMIT, max(1, config.lowSpeedLimit))
        vigil_easy_setopt_long(easy, CURLOPT_LOW_SPEED_TIME, max(1, Int(config.lowSpeedTime.wholeMillisecondsRoundedUp / 1000)))
        vigil_easy_setopt_off_t(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(config.maxBodyBytes))
        guard !isFile else { return }
        vigil_easy_setopt_string(easy, CURLOPT_USERAGENT, config.userAgent)
        // "" asks for every encoding this libcurl decodes (gzip, deflate, br, zstd).
        vigil_easy_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, "")
        vigil_easy_setopt_long(easy, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
        vigil_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1)
        vigil_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2)
        vigil_easy_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1)
        if let certificates = config.trustedCertificatesFile {
            vigil_easy_setopt_string(easy, CURLOPT_CAINFO, certificates)
        }
        if transfer.requiresPublicAddress {
            confineToPublicAddresses(transfer)
        } else {
            switch config.proxy {
            case .environment: break
            case .direct: vigil_easy_setopt_string(easy, CURLOPT_NOPROXY, "*")
            case .url(let proxy): vigil_easy_setopt_string(easy, CURLOPT_PROXY, proxy)
            }
        }
        var headers: UnsafeMutablePointer<curl_slist>?
        let request = transfer.job.request
        let lines = [
            "Accept: application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.3",
            request.etag.map { "If-None-Match: \($0.headerSafe)" },
            request.lastModified.map { "If-Modified-Since: \($0.headerSafe)" },
        ].compactMap { $0 }
        for line in lines { headers = curl_slist_append(headers, line) }
        transfer.requestHeaders = headers
        vigil_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headers)
    }

    /// Sets up a hop the address policy checks. The proxy choice is made here
    /// and set outright, so libcurl cannot route otherwise. Without a proxy the
    /// open-socket callback checks each address connected to, and the hop gets
    /// a fresh connection: a pooled one to the same host and port may have been
    /// opened to a private address for a configured feed. Through a proxy the
    /// socket leads to the proxy the operator chose, and only a literal address
    /// in the URL could be checked (done before the transfer starts).
    private func confineToPublicAddresses(_ transfer: CurlTransfer) {
        let easy = transfer.easy
        let proxy = proxies.proxy(for: transfer.url)
        vigil_easy_setopt_string(easy, CURLOPT_PROXY, proxy ?? "")
        vigil_easy_setopt_string(easy, CURLOPT_NOPROXY, "")
        guard proxy == nil else {
            transfer.requiresPublicAddress = false
            return
        }
        vigil_easy_setopt_opensocket(easy, curlOpenSocketCallback, Unmanaged.passUnretained(transfer).toOpaque())
        vigil_easy_setopt_long(easy, CURLOPT_FRESH_CONNECT, 1)
    }

    /// The one line a feed's health shows when the address policy refused a hop.
    private func privateAddressFailure(_ job: FetchJob, address: String) -> FetchFailure {
        let what = job.redirects.isEmpty ? "discovered URL at" : "redirect to"
        return FetchFailure(.privateAddressRefused,
            "\(what) a private address \(address) refused; set [poll] allow_private_addresses = true to allow")
    }

    /// Removes and cleans up a transfer's easy handle: the one place handles die.
    private func release(_ transfer: CurlTransfer) {
        curl_multi_remove_handle(multi, transfer.easy)
        curl_easy_cleanup(transfer.easy)
        transfers[transfer.easy] = nil
        transferByJob[transfer.job.id] = nil
        politeness.recordFinish(host: transfer.url.host)
        liveHandles.withLock { $0 -= 1 }
    }

    private func collectFinishedTransfers() {
        var remainingMessages: Int32 = 0
        while let message = curl_multi_info_read(multi, &remainingMessages) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                  let transfer = transfers[easy] else { continue }
            let code = message.pointee.data.result
            let outcome = TransferOutcome(transfer: transfer, code: code)
            release(transfer)
            complete(transfer, outcome)
        }
    }

    /// What one hop's handle reported, read before the handle is cleaned up.
    private struct TransferOutcome {
        var code: CURLcode
        var responseCode: Int
        var redirectURL: String?
        var bytes: Int64
        var httpVersion: String?
        /// Whether a connection was made at all (libcurl's connect time is zero when not).
        var connected: Bool

        init(transfer: CurlTransfer, code: CURLcode) {
            self.code = code
            var response = 0
            vigil_easy_getinfo_long(transfer.easy, CURLINFO_RESPONSE_CODE, &response)
            responseCode = response
            var location: UnsafePointer<CChar>?
            vigil_easy_getinfo_string(transfer.easy, CURLINFO_REDIRECT_URL, &location)
            redirectURL = location.map { String(cString: $0) }
            var body: curl_off_t = 0
            vigil_easy_getinfo_off_t(transfer.easy, CURLINFO_SIZE_DOWNLOAD_T, &body)
            var headerBytes = 0
            vigil_easy_getinfo_long(transfer.easy, CURLINFO_HEADER_SIZE, &headerBytes)
            bytes = Int64(body) + Int64(headerBytes)
            var connectMicroseconds: curl_off_t = 0
            vigil_easy_getinfo_off_t(transfer.easy, CURLINFO_CONNECT_TIME_T, &connectMicroseconds)
            connected = connectMicroseconds > 0
            var version = 0
            vigil_easy_getinfo_long(transfer.easy, CURLINFO_HTTP_VERSION, &version)
            switch version {
            case Int(CURL_HTTP_VERSION_1_0): httpVersion = "1.0"
            case Int(CURL_HTTP_VERSION_1_1): httpVersion = "1.1"
            case Int(CURL_HTTP_VERSION_2_0): httpVersion = "2"
            case Int(CURL_HTTP_VERSION_3): httpVersion = "3"
            default: httpVersion = nil
            }
        }
    }

    private func complete(_ transfer: CurlTransfer, _ outcome: TransferOutcome) {
        let job = transfer.job
        guard !job.isFinished else { return }
        let now = clock.now
        job.bytesReceived += outcome.bytes
        let status: Int? = transfer.url.scheme == "file" ? nil : (outcome.responseCode > 0 ? outcome.responseCode : transfer.status)
        let headers = transfer.headers

        if outcome.code != CURLE_OK, let refused = transfer.refusedAddress {
            job.finish(job.failureResult(privateAddressFailure(job, address: refused), now: now, status: status))
            return
        }
        if outcome.code != CURLE_OK {
            if let status, !(200..<300).contains(status), status != 304 {
                // An error page cut short (too long, or the connection dropped while it came):
                // the status is what the feed's health should say.
                finishWithStatus(job, transfer: transfer, status: status, outcome: outcome, now: now)
                return
            }
            let failure = FetchFailureClassifier.failure(
                code: outcome.code, errorText: transfer.errorText, bodyCapExceeded: transfer.bodyCapExceeded,
                connected: outcome.connected, url: transfer.url.absoluteString, configuration: configuration)
            job.finish(job.failureResult(failure, now: now, status: status, headers: headers, httpVersion: outcome.httpVersion))
            return
        }

        if let status, [301, 302, 303, 307, 308].contains(status), let location = outcome.redirectURL {
            followRedirect(job, from: transfer.url, to: location, status: status, now: now)
            return
        }
        if status == 304 {
            job.finish(successResult(job, status: status, outcome: .notModified, headers: headers, httpVersion: outcome.httpVersion, now: now))
            return
        }
        if status == nil || (200..<300).contains(status!) {
            job.finish(successResult(job, status: status, outcome: .fetched(body: transfer.takeBody()), headers: headers, httpVersion: outcome.httpVersion, now: now))
            return
        }
        finishWithStatus(job, transfer: transfer, status: status!, outcome: outcome, now: now)
    }

    private func successResult(_ job: FetchJob, status: Int?, outcome: FetchOutcome, headers: HTTPHeaders,
                               httpVersion: String?, now: ContinuousClock.Instant) -> FetchResult {
        var permanentTarget: String?
        for hop in job.redirects {
            guard hop.isPermanent else { break }
            permanentTarget = hop.to
        }
        return FetchResult(
            requestedURL: job.request.url, finalURL: job.url?.absoluteString ?? job.request.url, status: status,
            outcome: outcome, headers: headers, redirects: job.redirects, permanentRedirectTarget: permanentTarget,
            bytesReceived: job.bytesReceived, duration: job.elapsed(now: now), httpVersion: httpVersion)
    }

    private func finishWithStatus(_ job: FetchJob, transfer: CurlTransfer, status: Int, outcome: TransferOutcome,
                                  now: ContinuousClock.Instant) {
        let headers = transfer.headers
        var retryAfter: Duration?
        if status == 429 || status == 503, let value = headers["Retry-After"] {
            retryAfter = RetryAfter.delay(from: value, now: Int64(time(nil)))
            if let retryAfter, retryAfter > .zero {
                politeness.pause(host: transfer.url.host, until: now + min(retryAfter, .seconds(24 * 3600)))
            }
        }
        let phrase = transfer.reasonPhrase.isEmpty ? HTTPStatusText.phrase(status) : transfer.reasonPhrase
        var message = "HTTP \(status)\(phrase.isEmpty ? "" : " \(phrase)"): \(transfer.url.absoluteString)"
        if let retryAfter { message += " (retry after \(Int(retryAfter.secondsValue.rounded(.up))) s)" }
        let failure = status == 410
            ? FetchFailure(.gone, "HTTP 410 Gone: the feed was removed for good (\(transfer.url.absoluteString))")
            : FetchFailure(.httpStatus(status), message.oneLine)
        job.finish(job.failureResult(failure, now: now, status: status, headers: headers,
                                     httpVersion: outcome.httpVersion, retryAfter: retryAfter))
    }

    private func followRedirect(_ job: FetchJob, from source: FeedURL, to location: String, status: Int,
                                now: ContinuousClock.Instant) {
        let target: FeedURL
        do {
            target = try source.resolving(location)
        } catch {
            job.finish(job.failureResult(FetchFailure(.redirectRefused, "redirect to an invalid URL: \(location.oneLine)"), now: now, status: status))
            return
        }
        job.redirects.append(RedirectHop(from: source.absoluteString, to: target.absoluteString, status: status))
        guard target.scheme == "http" || target.scheme == "https" else {
            let failure = FetchFailure(.redirectRefused, "refused redirect from \(source.absoluteString) to \(target.scheme):// URL \(target.absoluteString)")
            job.finish(job.failureResult(failure, now: now, status: status))
            return
        }
        guard !job.visited.contains(target.absoluteString) else {
            job.finish(job.failureResult(FetchFailure(.redirectLoop, "redirect loop: \(target.absoluteString) was already visited after \(job.redirects.count) redirects"), now: now, status: status))
            return
        }
        guard job.redirects.count <= configuration.maxRedirects else {
            job.finish(job.failureResult(FetchFailure(.tooManyRedirects, "more than \(configuration.maxRedirects) redirects from \(job.request.url)"), now: now, status: status))
            return
        }
        job.visited.insert(target.absoluteString)
        job.url = target
        enqueue(job, front: true)
    }

    /// Answers a job as cancelled wherever it is: queued, in flight, or (when it
    /// already finished) nowhere, in which case nothing happens.
    private func cancelJob(_ id: UInt64, message: String) {
        let now = clock.now
        if let job = queuedJobs.removeValue(forKey: id) {
            job.finish(job.failureResult(FetchFailure(.cancelled, message), now: now))
        } else if let easy = transferByJob[id], let transfer = transfers[easy] {
            release(transfer)
            transfer.job.finish(transfer.job.failureResult(FetchFailure(.cancelled, message), now: now))
        }
    }

    private func shutDown() {
        for id in Array(queuedJobs.keys) + Array(transferByJob.keys) {
            cancelJob(id, message: "fetch cancelled: the fetcher was shut down")
        }
        let late = inbox.withLock { inbox in
            defer { inbox.submitted.removeAll() }
            return inbox.submitted
        }
        for job in late {
            job.finish(job.failureResult(FetchFailure(.cancelled, "fetch cancelled: the fetcher was shut down"), now: clock.now))
        }
        inbox.withLock { $0.closed = true }
        curl_multi_cleanup(multi)
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

extension Double {
    /// A short decimal for messages: whole numbers without a fraction.
    var formatted: String {
        self == rounded() ? String(Int(self)) : String((self * 100).rounded() / 100)
    }
}
