import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on a loopback address: it serves the demo's
/// sample feeds (so the demo goes through the real fetcher, ETag and 304
/// included) and the daemon's Prometheus `/metrics`. It refuses to listen
/// anywhere but loopback: neither is meant for the network.
///
/// One accept thread, one request per connection; the server stops when
/// `stop()` is called or the value is released.
public final class LoopbackHTTPServer: @unchecked Sendable {
    /// One document the server answers with.
    public struct Document: Sendable {
        public var contentType: String
        public var body: [UInt8]

        public init(contentType: String, body: [UInt8]) {
            self.contentType = contentType
            self.body = body
        }
    }

    public let port: UInt16
    private let listener: Int32
    private let documents: @Sendable (String) -> Document?
    private let thread: Thread
    private let stopped = NSLock()
    private var isStopped = false

    /// Starts serving `documents` (keyed by path, e.g. "/news.xml") on an ephemeral port.
    public convenience init(documents: [String: Document]) throws {
        try self.init(host: "127.0.0.1", port: 0) { documents[$0] }
    }

    /// Starts serving what `respond` returns for each path on `host:port`
    /// (port 0 picks a free one); `host` must be a loopback IPv4 address.
    public init(host: String, port requestedPort: UInt16, respond: @escaping @Sendable (String) -> Document?) throws {
        guard host.hasPrefix("127."), inet_addr(host) != INADDR_NONE else {
            throw DaemonError("refusing to listen on \(host): only loopback addresses (127.x.y.z) are allowed")
        }
        self.documents = respond
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw DaemonError("cannot open a socket: \(String(cString: strerror(errno)))") }
        var reuse: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = requestedPort.bigEndian
        address.sin_addr.s_addr = inet_addr(host)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw DaemonError("cannot listen on \(host):\(requestedPort): \(String(cString: strerror(errno)))")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        listener = fd
        let served = documents
        thread = Thread {
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 {
                    if errno == EINTR { continue }
                    return
                }
                Self.answer(client, documents: served)
                close(client)
            }
        }
        thread.name = "vigil-loopback-http"
        thread.start()
    }

    deinit {
        stop()
    }

    /// The URL of a served path.
    public func url(for path: String) -> String {
        "http://127.0.0.1:\(port)\(path)"
    }

    public func stop() {
        stopped.lock()
        defer { stopped.unlock() }
        guard !isStopped else { return }
        isStopped = true
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private static func answer(_ client: Int32, documents: @Sendable (String) -> Document?) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while request.count < 65_536 {
            let count = read(client, &buffer, buffer.count)
            if count <= 0 { break }
            request.append(contentsOf: buffer[0..<count])
            if request.count >= 4, request.suffix(4).elementsEqual([13, 10, 13, 10]) { break }
        }
        let head = String(decoding: request, as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count >= 2 else { return respond(client, status: "400 Bad Request", headers: [], body: []) }
        let method = String(parts[0])
        let path = String(parts[1].split(separator: "?", maxSplits: 1).first ?? "")
        guard method == "GET" || method == "HEAD" else {
            return respond(client, status: "405 Method Not Allowed", headers: ["Allow: GET, HEAD"], body: [])
        }
        guard let document = documents(path) else {
            return respond(client, status: "404 Not Found", headers: ["Content-Type: text/plain"], body: Array("not found\n".utf8))
        }
        let etag = "\"" + ContentHash.hex(of: String(decoding: document.body, as: UTF8.self)).prefix(16) + "\""
        let ifNoneMatch = lines.first { $0.lowercased().hasPrefix("if-none-match:") }?
            .dropFirst("if-none-match:".count).trimmingCharacters(in: .whitespaces)
        if ifNoneMatch == etag {
            return respond(client, status: "304 Not Modified", headers: ["ETag: \(etag)"], body: [])
        }
        respond(client, status: "200 OK", headers: ["Content-Type: \(document.contentType)", "ETag: \(etag)"],
                body: method == "HEAD" ? [] : document.body, contentLength: document.body.count)
    }

    private static func respond(_ client: Int32, status: String, headers: [String], body: [UInt8], contentLength: Int? = nil) {
        var head = "HTTP/1.1 \(status)\r\nServer: vigil-demo\r\nConnection: close\r\n"
        head += "Content-Length: \(contentLength ?? body.count)\r\n"
        for header in headers { head += header + "\r\n" }
        head += "\r\n"
        let bytes = Array(head.utf8) + body
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
            if count <= 0 { return }
            sent += count
        }
    }
}
