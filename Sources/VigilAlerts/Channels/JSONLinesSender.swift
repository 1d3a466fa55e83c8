import Foundation

/// Appends each message as one line of JSON (the webhook body) to a file,
/// created private to its owner. One `write` call per line with O_APPEND,
/// so concurrent writers do not interleave lines.
public struct JSONLinesSender: AlertSender {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public func send(_ envelope: AlertEnvelope) async throws {
        let line = envelope.jsonBody() + [0x0a]
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw DeliveryError.permanent("cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else {
            throw DeliveryError.transient("cannot append to \(path): \(written < 0 ? String(cString: strerror(errno)) : "short write")")
        }
    }
}
