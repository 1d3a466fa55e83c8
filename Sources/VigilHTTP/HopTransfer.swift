import CCurl

/// One hop of a job on the engine's multi handle: its easy handle and what
/// it has received. libcurl's callbacks reach it through an unretained
/// pointer; the engine keeps it in its table until the handle is removed,
/// and the handle dies with it.
final class HopTransfer {
    let handle: EasyHandle
    let job: any HTTPEngineJob
    let url: TransferURL
    let maxBodyBytes: Int

    private(set) var body: [UInt8] = []
    private(set) var headers: [(name: String, value: String)] = []
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

    init(job: any HTTPEngineJob, url: TransferURL, maxBodyBytes: Int) throws(CurlError) {
        handle = try EasyHandle()
        self.job = job
        self.url = url
        self.maxBodyBytes = maxBodyBytes
    }

    /// The pointer libcurl's callbacks are given.
    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

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
            if body.isEmpty, let length = header("Content-Length").flatMap({ Int($0) }),
               header("Content-Encoding") == nil {
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
            headers = []
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            status = parts.count > 1 ? Int(parts[1]) : nil
            reasonPhrase = parts.count > 2 ? String(parts[2]) : ""
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = String(line[..<colon]).trimmingHTTPWhitespace()
        let value = String(line[line.index(after: colon)...]).trimmingHTTPWhitespace()
        guard !name.isEmpty else { return }
        headers.append((name, value))
    }

    func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.last { $0.name.lowercased() == wanted }?.value
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

    /// What the hop came to, read from the handle before it is removed.
    func result(code: CURLcode, retryAfter: Duration?) -> HTTPHopResult {
        let responseCode = handle.info(CURLINFO_RESPONSE_CODE)
        let httpVersion: String? = switch handle.info(CURLINFO_HTTP_VERSION) {
        case Int(CURL_HTTP_VERSION_1_0): "1.0"
        case Int(CURL_HTTP_VERSION_1_1): "1.1"
        case Int(CURL_HTTP_VERSION_2_0): "2"
        case Int(CURL_HTTP_VERSION_3): "3"
        default: nil
        }
        return HTTPHopResult(
            url: url,
            error: code == CURLE_OK ? nil : TransferError(code, errorText: handle.errorText.trimmingHTTPWhitespace()),
            status: finalStatus(responseCode: responseCode), reasonPhrase: reasonPhrase, headers: headers,
            body: body, bodyCapExceeded: bodyCapExceeded, refusedAddress: refusedAddress,
            redirectURL: handle.stringInfo(CURLINFO_REDIRECT_URL),
            bytesReceived: handle.largeInfo(CURLINFO_SIZE_DOWNLOAD_T) + Int64(handle.info(CURLINFO_HEADER_SIZE)),
            httpVersion: httpVersion,
            // libcurl's connect time is zero when no connection was made.
            connected: handle.largeInfo(CURLINFO_CONNECT_TIME_T) > 0,
            retryAfter: retryAfter)
    }

    /// The status libcurl reports, or the last status line seen when it has none; none for files.
    func finalStatus(responseCode: Int? = nil) -> Int? {
        guard url.scheme != "file" else { return nil }
        let code = responseCode ?? handle.info(CURLINFO_RESPONSE_CODE)
        return code > 0 ? code : status
    }
}

/// libcurl's write callback: hands each body chunk to its transfer.
let hopWriteCallback: vigil_curl_data_callback = { pointer, size, count, context in
    guard let pointer, let context else { return 0 }
    let transfer = Unmanaged<HopTransfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.receiveBody(UnsafeRawBufferPointer(start: pointer, count: size * count))
}

/// libcurl's open-socket callback: the address policy's check of where a hop connects.
let hopOpenSocketCallback: curl_opensocket_callback = { context, _, address in
    guard let context, let address else { return CURL_SOCKET_BAD }
    let transfer = Unmanaged<HopTransfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.openSocket(address)
}

/// libcurl's header callback: one header line at a time, status lines included.
let hopHeaderCallback: vigil_curl_data_callback = { pointer, size, count, context in
    guard let pointer, let context else { return 0 }
    let transfer = Unmanaged<HopTransfer>.fromOpaque(context).takeUnretainedValue()
    transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: pointer, count: size * count))
    return size * count
}
