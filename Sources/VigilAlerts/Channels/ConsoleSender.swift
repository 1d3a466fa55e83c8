import Foundation

/// Prints alerts as plain text, with terminal escapes from feeds removed.
public struct ConsoleSender: AlertSender {
    private let write: @Sendable (String) -> Void

    /// Writes to standard output unless told otherwise.
    public init(write: @escaping @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }) {
        self.write = write
    }

    public func send(_ envelope: AlertEnvelope) async throws {
        let message = AlertRenderer.render(envelope)
        write(message.subject + "\n" + message.text + "\n")
    }
}
