/// A feed's bytes converted to UTF-8, with the encoding they were read as.
public struct DecodedDocument: Sendable {
    /// Always well-formed UTF-8, whatever the input: invalid sequences were replaced.
    public var utf8: [UInt8]
    /// The encoding used, named as the feed or the server named it ("utf-8", "iso-8859-1").
    public var encoding: String
    /// What went wrong choosing or applying the encoding (empty when nothing did).
    public var problems: [String]
    /// Whether the media type says JSON, or the content looks like JSON.
    public var isJSON: Bool
}
