/// Something wrong with a document that the reader worked around.
///
/// Feeds in the wild are broken; the tokenizer and the parser keep going and
/// report what they repaired, so a caller can flag the feed ("bozo") without
/// losing its entries.
public struct XMLProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// An `&` that starts no valid reference; kept as a literal `&`.
        case bareAmpersand
        /// `&name;` that is neither an XML, HTML nor declared entity; kept literally.
        case undefinedEntity
        /// A numeric reference to a code point that is not allowed; replaced by U+FFFD.
        case invalidCharacterReference
        /// A `<` that starts no markup; kept as text.
        case strayLessThan
        /// An attribute without quotes, without value, or repeated.
        case malformedAttribute
        /// A tag, comment, CDATA section or declaration cut off by the end of input.
        case unexpectedEndOfInput
        /// An end tag that closes no open element, or closes with a different case.
        case mismatchedTag
        /// Elements still open at the end of the document.
        case unclosedElement
        /// Content after the root element ended, or a second root.
        case contentAfterRoot
        /// Text or markup before the root element that XML does not allow there.
        case contentBeforeRoot
        /// The document has no root element at all.
        case noRootElement
        /// An external entity (`SYSTEM`/`PUBLIC`); never loaded.
        case externalEntity
        /// Internal entity expansion hit its depth or size bound (e.g. "billion laughs").
        case entityExpansionLimit
        /// Bytes that are not valid in the document's encoding; replaced by U+FFFD.
        case invalidEncoding
        /// The declared encoding is unknown or contradicts the bytes.
        case encodingMismatch
        /// An undeclared namespace prefix.
        case undeclaredPrefix
        /// Anything else the grammar does not allow.
        case malformed
    }

    public var kind: Kind
    /// Byte offset in the (decoded, UTF-8) document where the problem was seen.
    public var offset: Int
    /// A short human-readable explanation, e.g. the entity name.
    public var detail: String

    public init(_ kind: Kind, at offset: Int, _ detail: String = "") {
        self.kind = kind
        self.offset = offset
        self.detail = detail
    }

    public var description: String {
        let what: String
        switch kind {
        case .bareAmpersand: what = "bare '&' not part of an entity"
        case .undefinedEntity: what = "undefined entity"
        case .invalidCharacterReference: what = "invalid character reference"
        case .strayLessThan: what = "'<' that starts no tag"
        case .malformedAttribute: what = "malformed attribute"
        case .unexpectedEndOfInput: what = "document ends inside markup"
        case .mismatchedTag: what = "mismatched end tag"
        case .unclosedElement: what = "unclosed element"
        case .contentAfterRoot: what = "content after the root element"
        case .contentBeforeRoot: what = "content before the root element"
        case .noRootElement: what = "no root element"
        case .externalEntity: what = "external entity not loaded"
        case .entityExpansionLimit: what = "entity expansion limit reached"
        case .invalidEncoding: what = "invalid byte sequence for the encoding"
        case .encodingMismatch: what = "encoding mismatch"
        case .undeclaredPrefix: what = "undeclared namespace prefix"
        case .malformed: what = "malformed markup"
        }
        return detail.isEmpty ? "\(what) at byte \(offset)" : "\(what) at byte \(offset): \(detail)"
    }
}
