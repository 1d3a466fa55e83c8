/// Log verbosity and format for the daemon.
public struct LogSettings: Sendable, Equatable {
    public enum Format: String, Sendable { case text, json }

    public var level = "info"
    public var format = Format.text

    public init() {}
}
