import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP socket that listens on a loopback address and never accepts on its
/// own: the kernel completes any handshake and queues the connection, and
/// `connectionsSoFar()` drains and counts the queue. A test can thus tell
/// whether anything connected at all, not only whether a request arrived.
public final class CountingListener: @unchecked Sendable {
    public let host: String
    public let port: Int
    private let descriptor: Int32
    private var drained = 0

    public struct ListenError: Error, CustomStringConvertible {
        public let description: String
    }

    public init(host: String = "127.0.0.1") throws {
        self.host = host
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ListenError(description: "socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            close(fd)
            throw ListenError(description: "not an IPv4 address: \(host)")
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw ListenError(description: "cannot listen on \(host): \(String(cString: strerror(errno)))")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        descriptor = fd
        port = Int(UInt16(bigEndian: actual.sin_port))
    }

    deinit { close(descriptor) }

    public func url(_ path: String) -> String { "http://\(host):\(port)\(path)" }

    /// Every connection made to this listener since it started.
    public func connectionsSoFar() -> Int {
        while true {
            let client = accept(descriptor, nil, nil)
            guard client >= 0 else { break }
            close(client)
            drained += 1
        }
        return drained
    }
}
