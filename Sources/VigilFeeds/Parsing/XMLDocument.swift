/// A document read by `XMLTokenizer` into a tree, repaired where it was broken.
///
/// Repairs follow what feed readers do: an end tag closes the nearest open
/// element of that name (compared without case as a last resort), elements
/// still open at the end are closed (a truncated download keeps what arrived),
/// and anything after the root element is ignored. Every repair is a problem.
public struct XMLDocument: Sendable {
    /// The root element; nil when the input has none (an empty or non-XML file).
    public var root: XMLElement?
    /// The XML declaration's `encoding` pseudo-attribute, if any.
    public var declaredEncoding: String?
    /// The DOCTYPE content, if any (e.g. `rss PUBLIC "-//Netscape ..."`).
    public var doctype: String?
    /// Problems of the tokenizer and of tree construction, in document order.
    public var problems: [XMLProblem]

    public static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// Parses UTF-8 bytes. Never fails: broken input yields a partial tree and problems.
    public init(utf8 bytes: [UInt8], limits: XMLTokenizer.Limits = XMLTokenizer.Limits()) {
        self.init(tokenizer: XMLTokenizer(utf8: bytes, limits: limits))
    }

    /// Parses bytes known to be well-formed UTF-8 (a `CharacterDecoder` result) without checking them again.
    init(wellFormedUTF8 bytes: [UInt8]) {
        self.init(tokenizer: XMLTokenizer(utf8: bytes, limits: XMLTokenizer.Limits(), isWellFormed: true))
    }

    private init(tokenizer: XMLTokenizer) {
        var tokenizer = tokenizer
        var builder = TreeBuilder()
        while let token = tokenizer.next() {
            builder.consume(token, at: tokenizer.offset)
        }
        builder.finish(at: tokenizer.offset)
        root = builder.root
        declaredEncoding = builder.declaredEncoding
        doctype = builder.doctype
        problems = (tokenizer.problems + builder.problems).sorted { $0.offset < $1.offset }
        let unlisted = tokenizer.unlistedProblemCount + builder.unlistedProblemCount
        if unlisted > 0 {
            problems.append(XMLProblem(.malformed, at: tokenizer.offset, "\(unlisted) more problems not listed"))
        }
    }
}
