import CCurl

/// One libcurl easy handle and what it has received: a single hop of a fetch.
/// libcurl's callbacks reach it through an unretained pointer; the engine keeps
/// it alive in its table until the handle is removed and cleaned up.
final class CurlTransfer {
    let easy: UnsafeMutableRawPointer
    let job: FetchJob
    let url: FeedURL
    let maxBodyBytes: Int
    let errorBuffer: UnsafeMutablePointer<CChar>
    var requestHeaders: UnsafeMutablePointer<curl_slist>?

    private(set) var body: [UInt8] = []
    private(set) var headers = HTTPHeaders()
    /// The status of the last status line seen (a proxy's CONNECT answer or a 100
    /// Continue come first and are replaced).
    private(set) var status: Int?
    private(set) var reasonPhrase = ""
    /// Set when the body grew past the cap and the transfer was aborted on purpose.
    private(set) var bodyCapExceeded = false
    /// Set for a hop that must connect to a public address; the open-socket
    /// callback then refuses any other before a packet is sent.
    var requiresPublicAddress = false
    /// The first address the open-socket callback refused, for the failure message.
    private(set) var refusedAddress: String?
    private var discardedBytes = 0

    init(easy: UnsafeMutableRawPointer, job: FetchJob, url: FeedURL, maxBodyBytes: Int) {
        self.easy = easy
        self.job = job
        self.url = url
        self.maxBodyBytes = maxBodyBytes
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        if let requestHeaders { curl_slist_free_all(requestHeaders) }
        errorBuffer.deallocate()
    }

    var errorText: String {
        String(cString: errorBuffer).trimmingHTTPWhitespace()
    }

    private var keepsBody: Bool {
        guard let status else { return true }
        return (200..<300).contains(status)
    }

    /// Takes one chunk of decompressed body. Returning less than `count` makes
    /// libcurl abort the transfer, which is how the cap is enforced without ever
    /// holding more than `maxBodyBytes`.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        if keepsBody {
            guard body.count + bytes.count <= maxBodyBytes else {
                bodyCapExceeded = true
                return 0
            }
            if body.isEmpty, let length = headers["Content-Length"].flatMap({ Int($0) }),
               headers["Content-Encoding"] == nil {
                body.reserveCapacity(min(length, maxBodyBytes))
            }
            body.append(contentsOf: bytes)
        } else {
            // An error page or a redirect's body: counted, never kept, and not read forever.
            discardedBytes += bytes.count
            if discardedBytes > maxBodyBytes { return 0 }
        }
        return bytes.count
    }

    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self).trimmingHTTPWhitespace()
        if line.hasPrefix("HTTP/") {
            headers = HTTPHeaders()
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            status = parts.count > 1 ? Int(parts[1]) : nil
            reasonPhrase = parts.count > 2 ? String(parts[2]) : ""
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = String(line[..<colon]).trimmingHTTPWhitespace()
        let value = String(line[line.index(after: colon)...]).trimmingHTTPWhitespace()
        guard !name.isEmpty else { return }
        headers.append(name: name, value: value)
    }

    /// libcurl is about to connect to `address` (after DNS, on every attempt:
    /// each address of a name, each happy-eyeballs family). A non-public
    /// address gets no socket, so libcurl moves on to the next address or
    /// fails with "could not connect" having connected nowhere.
    func openSocket(_ address: UnsafeMutablePointer<curl_sockaddr>) -> curl_socket_t {
        guard requiresPublicAddress else { return vigil_open_socket(address) }
        var raw = [UInt8](repeating: 0, count: 16)
        let count = raw.withUnsafeMutableBufferPointer { vigil_sockaddr_ip_bytes(address, $0.baseAddress) }
        guard count > 0, let ip = IPAddress(bytes: Array(raw.prefix(Int(count)))) else {
            if refusedAddress == nil { refusedAddress = "of an unknown family" }
            return CURL_SOCKET_BAD
        }
        guard AddressScope(ip).isPublic else {
            if refusedAddress == nil { refusedAddress = ip.description }
            return CURL_SOCKET_BAD
        }
        return vigil_open_socket(address)
    }

    func takeBody() -> [UInt8] {
        defer { body = [] }
        return body
    }
}

/// libcurl's write callback: hands each body chunk to its transfer.
let curlWriteCallback: vigil_curl_data_callback = { pointer, size, count, context in
    guard let pointer, let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.receiveBody(UnsafeRawBufferPointer(start: pointer, count: size * count))
}

/// libcurl's open-socket callback: the address policy's check of where a hop connects.
let curlOpenSocketCallback: curl_opensocket_callback = { context, _, address in
    guard let context, let address else { return CURL_SOCKET_BAD }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.openSocket(address)
}

/// libcurl's header callback: one header line at a time, status lines included.
let curlHeaderCallback: vigil_curl_data_callback = { pointer, size, count, context in
    guard let pointer, let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: pointer, count: size * count))
    return size * count
}
