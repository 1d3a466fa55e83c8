/// Why an OPML file could not be read, with the line to look at.
public struct OPMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int?
    public var reason: String

    public init(line: Int? = nil, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String {
        line.map { "line \($0): \(reason)" } ?? reason
    }
}
