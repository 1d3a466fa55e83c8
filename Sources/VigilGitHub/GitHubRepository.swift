/// A repository named `owner/name`, checked to be safe to put in an API path.
public struct GitHubRepository: Sendable, Hashable, CustomStringConvertible {
    public let owner: String
    public let name: String

    public var description: String { "\(owner)/\(name)" }

    /// Reads `owner/name`; nil unless both parts are made of letters, digits, `-`, `_` and `.`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, Self.isValidPart(parts[0]), Self.isValidPart(parts[1]) else { return nil }
        owner = String(parts[0])
        name = String(parts[1])
    }

    private static func isValidPart(_ part: Substring) -> Bool {
        guard !part.isEmpty, part.count <= 100, part != ".", part != ".." else { return false }
        return part.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
    }
}
