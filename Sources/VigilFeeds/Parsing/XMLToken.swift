/// One piece of an XML document as the tokenizer sees it, in document order.
///
/// Text is already entity-decoded; names keep their prefix (`dc:creator`) because
/// namespace resolution needs the enclosing elements, which a tokenizer does not keep.
public enum XMLToken: Sendable, Equatable {
    /// `<name a="b">` or `<name/>`; `selfClosing` tells them apart.
    case startTag(name: String, attributes: [XMLAttribute], selfClosing: Bool)
    /// `</name>`.
    case endTag(name: String)
    /// Character data between tags, entities decoded.
    case text(String)
    /// The content of `<![CDATA[...]]>`, verbatim.
    case cdata(String)
    /// The content of `<!--...-->`.
    case comment(String)
    /// `<?target data?>`, including the XML declaration (`target == "xml"`).
    case processingInstruction(target: String, data: String)
    /// The content of `<!DOCTYPE ...>` after the keyword, internal subset included.
    case doctype(String)
}
