/// When the daemon sends the weekly digest, and where.
public struct DigestSettings: Sendable, Equatable {
    /// Weekday and local time, e.g. "mon 08:00".
    public var schedule = "mon 08:00"
    /// An IANA time zone name; nil means the machine's.
    public var timeZone: String?
    public var channels: [String] = []
    public var format = "html"

    public init() {}
}
