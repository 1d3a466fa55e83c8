import CCurl
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The thread that owns one libcurl multi handle and drives every transfer on
/// it: hundreds of requests in flight cost one thread, shared connections and
/// shared DNS answers. Callers hand it jobs through a locked inbox and a
/// wakeup; everything else (the queue per host, the easy handles, politeness,
/// the address policy) lives on that thread only.
///
/// Lifecycle: `init`, then `start()` once; `stop()` cancels what is left and
/// ends the thread. The multi handle is freed when the last reference goes.
public final class HTTPEngine: @unchecked Sendable {
    private struct Inbox {
        var submitted: [any HTTPEngineJob] = []
        var cancelled: [UInt64] = []
        var stopping = false
        var nextID: UInt64 = 1
    }

    public let configuration: Configuration
    private let multi: MultiHandle
    private let inbox = Locked(Inbox())
    private let liveHandles = Locked(0)

    // Engine-thread state.
    private var queues: [String: HostQueue] = [:]
    private var hostOrder: [String] = []
    private var queuedJobs: [UInt64: any HTTPEngineJob] = [:]
    private var transfers: [UnsafeMutableRawPointer: HopTransfer] = [:]
    private var transferByJob: [UInt64: UnsafeMutableRawPointer] = [:]
    private var politeness: HostPoliteness
    private let proxies: ProxySelection
    private let clock = ContinuousClock()
    private var lastPrune: ContinuousClock.Instant

    public init(configuration: Configuration) throws(CurlError) {
        multi = try MultiHandle()
        self.configuration = configuration
        politeness = HostPoliteness(minimumGap: configuration.minimumHostGap,
                                    maxConcurrent: configuration.maxConcurrentPerHost)
        lastPrune = clock.now
        proxies = ProxySelection.processEnvironment(setting: configuration.proxy)
        let total = max(1, configuration.maxConcurrentTransfers)
        try multi.set(CURLMOPT_MAX_TOTAL_CONNECTIONS, total, name: "CURLMOPT_MAX_TOTAL_CONNECTIONS")
        try multi.set(CURLMOPT_MAX_HOST_CONNECTIONS, max(1, configuration.maxConcurrentPerHost), name: "CURLMOPT_MAX_HOST_CONNECTIONS")
        try multi.set(CURLMOPT_MAXCONNECTS, total * 2, name: "CURLMOPT_MAXCONNECTS")
        try multi.set(CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX), name: "CURLMOPT_PIPELINING")
    }

    /// Starts the engine's thread. The thread holds the engine until it stops.
    /// Throws the `pthread_create` error number when no thread could be made.
    public func start() throws(ThreadStartError) {
        let context = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(&thread, nil, { context in
            let engine = Unmanaged<HTTPEngine>.fromOpaque(context!).takeRetainedValue()
            engine.run()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<HTTPEngine>.fromOpaque(context).release()
            throw ThreadStartError(code: Int(created))
        }
        pthread_detach(thread)
    }

    /// The error number of a thread that could not be started.
    public struct ThreadStartError: Error, Sendable {
        public let code: Int
    }

    /// A fresh identifier for the next job.
    public func makeJobID() -> UInt64 {
        inbox.withLock { inbox in
            defer { inbox.nextID += 1 }
            return inbox.nextID
        }
    }

    /// Queues a job; stops it at once as cancelled when the engine is stopping or the
    /// caller's task is already cancelled.
    public func submit(_ job: any HTTPEngineJob) {
        let accepted = inbox.withLock { inbox -> Bool in
            guard !inbox.stopping, !Task.isCancelled else { return false }
            inbox.submitted.append(job)
            multi.wakeUp()
            return true
        }
        if !accepted { job.stop(.cancelled, now: clock.now) }
    }

    /// Cancels a job wherever it is; nothing happens when it already finished.
    public func cancel(jobID: UInt64) {
        inbox.withLock { inbox in
            guard !inbox.stopping else { return }
            inbox.cancelled.append(jobID)
            multi.wakeUp()
        }
    }

    /// Ends the thread after stopping every job left as `.shutDown`.
    public func stop() {
        inbox.withLock { inbox in
            inbox.stopping = true
            multi.wakeUp()
        }
    }

    /// Easy handles alive at this moment; zero whenever nothing is in flight.
    public var liveTransferHandles: Int {
        liveHandles.withLock { $0 }
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
            for job in submitted where job.begin(now: clock.now) { enqueue(job, front: false) }
            for id in cancelled { stopJob(id, .cancelled) }
            if stopping { break }

            let nextAdmission = admitQueuedJobs()
            var running: Int32 = 0
            curl_multi_perform(multi.pointer, &running)
            collectFinishedTransfers()

            // Admit again right away: a finished transfer may have freed a slot.
            let laterAdmission = admitQueuedJobs()
            let now = clock.now
            var waitMillis: Int = 1000
            var curlTimeout = -1
            curl_multi_timeout(multi.pointer, &curlTimeout)
            if curlTimeout >= 0 { waitMillis = min(waitMillis, curlTimeout) }
            for admission in [nextAdmission, laterAdmission].compactMap({ $0 }) {
                waitMillis = min(waitMillis, Int((admission - now).wholeMillisecondsRoundedUp))
            }
            if now - lastPrune > .seconds(60) {
                politeness.forgetIdleHosts(now: now)
                lastPrune = now
            }
            curl_multi_poll(multi.pointer, nil, 0, Int32(max(0, waitMillis)), nil)
        }
        shutDown()
    }

    private func enqueue(_ job: any HTTPEngineJob, front: Bool) {
        let host = job.nextHop.url.host
        if queues[host] == nil {
            queues[host] = HostQueue()
            hostOrder.append(host)
        }
        if front { queues[host]!.pushFront(job) } else { queues[host]!.append(job) }
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
                // would make admitting thousands of jobs of one host quadratic.
                guard let job = queues[host]?.popFirst() else { break }
                if job.isFinished { continue }
                if let pausedUntil = politeness.pausedUntil(host: host, now: now) {
                    queuedJobs[job.id] = nil
                    job.stop(.hostPaused(remaining: pausedUntil - now), now: now)
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

    private func startTransfer(for job: any HTTPEngineJob, now: ContinuousClock.Instant) {
        let hop = job.nextHop
        if job.firstStart == nil { job.firstStart = now }
        let remaining = configuration.totalTimeout - (now - job.firstStart!)
        guard remaining > .zero else { return job.stop(.timedOut, now: now) }
        if hop.requiresPublicAddress, let literal = IPAddress(hop.url.host), !AddressScope(literal).isPublic {
            return job.stop(.privateAddress(literal.description), now: now)
        }
        let transfer: HopTransfer
        do {
            transfer = try HopTransfer(job: job, url: hop.url, maxBodyBytes: configuration.maxBodyBytes)
            transfer.requiresPublicAddress = hop.requiresPublicAddress
            try configure(transfer, headerLines: job.headerLines, remaining: remaining)
        } catch {
            return job.stop(.transferRefused(error), now: now)
        }
        liveHandles.withLock { $0 += 1 }
        transfers[transfer.handle.pointer] = transfer
        transferByJob[job.id] = transfer.handle.pointer
        politeness.recordStart(host: hop.url.host, at: now)
        do {
            try multi.add(transfer.handle)
        } catch {
            release(transfer)
            job.stop(.transferRefused(error), now: now)
        }
    }

    private func configure(_ transfer: HopTransfer, headerLines: [String], remaining: Duration) throws(CurlError) {
        let easy = transfer.handle
        let config = configuration
        let isFile = transfer.url.scheme == "file"
        try easy.set(CURLOPT_URL, transfer.url.absoluteString)
        try easy.set(CURLOPT_PROTOCOLS_STR, isFile ? "file" : "http,https")
        try easy.set(CURLOPT_FOLLOWLOCATION, 0)
        try easy.setDataCallback(CURLOPT_WRITEFUNCTION, hopWriteCallback, context: transfer.context, contextOption: CURLOPT_WRITEDATA)
        try easy.setDataCallback(CURLOPT_HEADERFUNCTION, hopHeaderCallback, context: transfer.context, contextOption: CURLOPT_HEADERDATA)
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, Int(config.connectTimeout.wholeMillisecondsRoundedUp))
        try easy.set(CURLOPT_TIMEOUT_MS, Int(remaining.wholeMillisecondsRoundedUp))
        try easy.set(CURLOPT_LOW_SPEED_LIMIT, max(1, config.lowSpeedLimit))
        try easy.set(CURLOPT_LOW_SPEED_TIME, max(1, Int(config.lowSpeedTime.wholeMillisecondsRoundedUp / 1000)))
        try easy.set(CURLOPT_MAXFILESIZE_LARGE, large: Int64(config.maxBodyBytes))
        guard !isFile else { return }
        try easy.set(CURLOPT_USERAGENT, config.userAgent)
        // "" asks for every encoding this libcurl decodes (gzip, deflate, br, zstd).
        try easy.set(CURLOPT_ACCEPT_ENCODING, "")
        try easy.set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
        try easy.set(CURLOPT_SSL_VERIFYPEER, 1)
        try easy.set(CURLOPT_SSL_VERIFYHOST, 2)
        try easy.set(CURLOPT_TCP_KEEPALIVE, 1)
        if let certificates = config.trustedCertificatesFile {
            try easy.set(CURLOPT_CAINFO, certificates)
        }
        if transfer.requiresPublicAddress {
            try confineToPublicAddresses(transfer)
        } else {
            switch config.proxy {
            case .environment: break
            case .direct: try easy.set(CURLOPT_NOPROXY, "*")
            case .url(let proxy): try easy.set(CURLOPT_PROXY, proxy)
            }
        }
        try easy.set(CURLOPT_HTTPHEADER, list: headerLines)
    }

    /// Sets up a hop the address policy checks. The proxy choice is made here
    /// and set outright, so libcurl cannot route otherwise. Without a proxy the
    /// open-socket callback checks each address connected to, and the hop gets
    /// a fresh connection: a pooled one to the same host and port may have been
    /// opened to a private address for a hop that was allowed one. Through a
    /// proxy the socket leads to the proxy the operator chose, and only a
    /// literal address in the URL could be checked (done before the transfer starts).
    private func confineToPublicAddresses(_ transfer: HopTransfer) throws(CurlError) {
        let easy = transfer.handle
        let proxy = proxies.proxy(for: transfer.url)
        try easy.set(CURLOPT_PROXY, proxy ?? "")
        try easy.set(CURLOPT_NOPROXY, "")
        guard proxy == nil else {
            transfer.requiresPublicAddress = false
            return
        }
        try easy.setOpenSocketCallback(hopOpenSocketCallback, context: transfer.context)
        try easy.set(CURLOPT_FRESH_CONNECT, 1)
    }

    /// Removes a transfer's easy handle from the multi handle and drops the
    /// transfer, which frees the handle: the one place hops end.
    private func release(_ transfer: HopTransfer) {
        multi.remove(transfer.handle)
        transfers[transfer.handle.pointer] = nil
        transferByJob[transfer.job.id] = nil
        politeness.recordFinish(host: transfer.url.host)
        liveHandles.withLock { $0 -= 1 }
    }

    private func collectFinishedTransfers() {
        var remainingMessages: Int32 = 0
        while let message = curl_multi_info_read(multi.pointer, &remainingMessages) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                  let transfer = transfers[easy] else { continue }
            let code = message.pointee.data.result
            let result = transfer.result(code: code, retryAfter: hostPause(after: transfer))
            release(transfer)
            complete(transfer.job, result)
        }
    }

    /// The pause a 429 or 503 asked for with Retry-After; a positive one holds
    /// the host (for a day at most) before anything more is sent to it.
    private func hostPause(after transfer: HopTransfer) -> Duration? {
        guard let status = transfer.finalStatus(), status == 429 || status == 503,
              let value = transfer.header("Retry-After"),
              let delay = RetryAfter.delay(from: value, now: Int64(time(nil))) else { return nil }
        if delay > .zero {
            politeness.pause(host: transfer.url.host, until: clock.now + min(delay, .seconds(24 * 3600)))
        }
        return delay
    }

    private func complete(_ job: any HTTPEngineJob, _ result: HTTPHopResult) {
        guard !job.isFinished else { return }
        if job.complete(result, now: clock.now) == .follow {
            enqueue(job, front: true)
        }
    }

    /// Stops a job wherever it is: queued, in flight, or (when it already
    /// finished) nowhere, in which case nothing happens.
    private func stopJob(_ id: UInt64, _ reason: HTTPEngineStop) {
        let now = clock.now
        if let job = queuedJobs.removeValue(forKey: id) {
            job.stop(reason, now: now)
        } else if let easy = transferByJob[id], let transfer = transfers[easy] {
            release(transfer)
            transfer.job.stop(reason, now: now)
        }
    }

    private func shutDown() {
        for id in Array(queuedJobs.keys) + Array(transferByJob.keys) {
            stopJob(id, .shutDown)
        }
        let late = inbox.withLock { inbox in
            defer { inbox.submitted.removeAll() }
            return inbox.submitted
        }
        for job in late { job.stop(.shutDown, now: clock.now) }
    }
}
