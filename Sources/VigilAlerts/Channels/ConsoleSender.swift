import Foundation

/// Prints alerts as plain text, with terminal escapes from feeds removed.
public struct ConsoleSender: AlertSender {
    private let write: @Sendable (String) throws -> Void

    /// Writes to standard output unless told otherwise. A failed write (standard
    /// output closed or full) fails the delivery instead of stopping the process.
    public init(write: @escaping @Sendable (String) throws -> Void = { try FileHandle.standardOutput.write(contentsOf: Data($0.utf8)) }) {
        self.write = write
    }

    public func send(_ envelope: AlertEnvelope) async throws {
        let message = AlertRenderer.render(envelope)
        try write(message.subject + "\n" + message.text + "\n")
    }
}
