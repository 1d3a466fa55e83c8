import CCurl

/// One transfer run to its end on the calling thread: an HTTP request or an
/// SMTP upload. For work that is rare and small (alerts), where a thread of
/// its own per transfer is simpler than the engine's queues. Each setter is
/// checked and throws what libcurl refused; `perform()` runs it once.
public final class BlockingTransfer {
    /// The schemes a transfer may use, set before anything else.
    public enum Protocols: String, Sendable {
        case http = "http,https"
        case mail = "smtp,smtps"
    }

    /// What came back from an HTTP transfer: the final status, the header
    /// fields of the final response, and the start of the body.
    public struct Response: Sendable {
        public var status: Int
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]
    }

    /// The most of a response body kept; enough for an error message.
    public static let bodyLimit = 64 * 1024

    private let handle: EasyHandle
    private let state: State

    /// Where the callbacks write; reached through the handle's user pointers.
    private final class State {
        var body: [UInt8] = []
        var headers: [(name: String, value: String)] = []
        var upload: [UInt8] = []
        var uploadOffset = 0
        let shouldAbort: @Sendable () -> Bool

        init(shouldAbort: @escaping @Sendable () -> Bool) {
            self.shouldAbort = shouldAbort
        }
    }

    /// A transfer to `url` over `protocols`. `shouldAbort` is asked while the
    /// transfer runs; once it answers true the transfer stops (a daemon
    /// shutting down does not wait out a slow receiver).
    public init(url: String, protocols: Protocols, shouldAbort: @escaping @Sendable () -> Bool = { false }) throws(CurlError) {
        handle = try EasyHandle()
        state = State(shouldAbort: shouldAbort)
        let context = Unmanaged.passUnretained(state).toOpaque()
        try handle.set(CURLOPT_URL, url)
        try handle.set(CURLOPT_PROTOCOLS_STR, protocols.rawValue)
        try handle.setProgressCallback({ context, _, _, _, _ in
            guard let context else { return 0 }
            return Unmanaged<State>.fromOpaque(context).takeUnretainedValue().shouldAbort() ? 1 : 0
        }, context: context)
        try handle.setDataCallback(CURLOPT_WRITEFUNCTION, { pointer, size, count, context in
            let length = size * count
            guard let pointer, let context else { return length }
            let state = Unmanaged<State>.fromOpaque(context).takeUnretainedValue()
            let room = max(BlockingTransfer.bodyLimit - state.body.count, 0)
            if room > 0 {
                pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
                    state.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: min(room, length)))
                }
            }
            return length
        }, context: context, contextOption: CURLOPT_WRITEDATA)
        try handle.setDataCallback(CURLOPT_HEADERFUNCTION, { pointer, size, count, context in
            let length = size * count
            guard let pointer, let context else { return length }
            let state = Unmanaged<State>.fromOpaque(context).takeUnretainedValue()
            let line = String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
                .trimmingHTTPWhitespace()
            if line.hasPrefix("HTTP/") {
                state.headers.removeAll()
            } else if let colon = line.firstIndex(of: ":") {
                state.headers.append((String(line[..<colon]).trimmingHTTPWhitespace(),
                                      String(line[line.index(after: colon)...]).trimmingHTTPWhitespace()))
            }
            return length
        }, context: context, contextOption: CURLOPT_HEADERDATA)
    }

    /// The whole transfer may take `seconds` (at least one); connecting, at most ten of them.
    public func setTimeout(seconds: Int) throws(CurlError) {
        try handle.set(CURLOPT_TIMEOUT_MS, max(seconds, 1) * 1000)
        try handle.set(CURLOPT_CONNECTTIMEOUT_MS, min(max(seconds, 1), 10) * 1000)
    }

    /// Redirects are never followed: a receiver that moves is reconfigured, not chased with its secret.
    public func refuseRedirects() throws(CurlError) {
        try handle.set(CURLOPT_FOLLOWLOCATION, 0)
    }

    public func setUserAgent(_ agent: String) throws(CurlError) {
        try handle.set(CURLOPT_USERAGENT, agent)
    }

    /// A PEM bundle to trust instead of the system's.
    public func setTrustedCertificates(file: String) throws(CurlError) {
        try handle.set(CURLOPT_CAINFO, file)
    }

    /// Request header lines, `Name: value`; `Name:` alone removes one libcurl would send.
    public func setHeaderLines(_ lines: [String]) throws(CurlError) {
        try handle.set(CURLOPT_HTTPHEADER, list: lines)
    }

    /// A request body, copied at once; the method is POST unless `method` names another.
    public func setBody(_ body: [UInt8], method: String = "POST") throws(CurlError) {
        try handle.setCopiedBody(body)
        if method != "POST" { try handle.set(CURLOPT_CUSTOMREQUEST, method) }
    }

    public func setCredentials(username: String?, password: String?) throws(CurlError) {
        if let username { try handle.set(CURLOPT_USERNAME, username) }
        if let password { try handle.set(CURLOPT_PASSWORD, password) }
    }

    /// For `smtp://`: whether STARTTLS is required before anything else is sent.
    public func requireTLS(_ required: Bool) throws(CurlError) {
        try handle.set(CURLOPT_USE_SSL, Int(required ? CURLUSESSL_ALL.rawValue : CURLUSESSL_NONE.rawValue))
    }

    /// The SMTP envelope: `MAIL FROM` and one `RCPT TO` per recipient, each as `<address>`.
    public func setMailEnvelope(from: String, to recipients: [String]) throws(CurlError) {
        try handle.set(CURLOPT_MAIL_FROM, from)
        try handle.set(CURLOPT_MAIL_RCPT, list: recipients)
    }

    /// An upload read through a callback (the SMTP message).
    public func setUpload(_ bytes: [UInt8]) throws(CurlError) {
        state.upload = bytes
        state.uploadOffset = 0
        try handle.set(CURLOPT_UPLOAD, 1)
        try handle.set(CURLOPT_INFILESIZE_LARGE, large: Int64(bytes.count))
        try handle.setDataCallback(CURLOPT_READFUNCTION, { pointer, size, count, context in
            guard let pointer, let context else { return 0 }
            let state = Unmanaged<State>.fromOpaque(context).takeUnretainedValue()
            let length = min(size * count, state.upload.count - state.uploadOffset)
            guard length > 0 else { return 0 }
            state.upload.withUnsafeBytes { raw in
                UnsafeMutableRawPointer(pointer).copyMemory(from: raw.baseAddress! + state.uploadOffset, byteCount: length)
            }
            state.uploadOffset += length
            return length
        }, context: Unmanaged.passUnretained(state).toOpaque(), contextOption: CURLOPT_READDATA)
    }

    /// Runs the transfer on this thread. Throws when no complete answer came;
    /// any status that did come is returned, for the caller to judge.
    public func perform() throws(TransferError) -> Response {
        let code = handle.perform()
        guard code == CURLE_OK else { throw TransferError(code, errorText: handle.errorText) }
        return Response(status: handle.info(CURLINFO_RESPONSE_CODE), headers: state.headers, body: state.body)
    }
}
