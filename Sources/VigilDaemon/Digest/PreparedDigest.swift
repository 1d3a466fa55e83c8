/// A digest built and rendered, ready to be recorded and queued.
public struct PreparedDigest: Sendable, Equatable {
    public var digest: Digest
    public var format: DigestFormat
    public var body: String

    public init(digest: Digest, format: DigestFormat, body: String) {
        self.digest = digest
        self.format = format
        self.body = body
    }
}
