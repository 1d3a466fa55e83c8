/// A failure of the daemon's own machinery (not of a feed), as one line.
public struct DaemonError: Error, CustomStringConvertible, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
