/// An element of a parsed document, with its namespace resolved.
///
/// A plain value: feeds are small enough that a tree is cheaper to reason
/// about than callbacks, and it can be handed across tasks.
public struct XMLElement: Sendable, Equatable {
    /// The name as written, prefix included (`dc:creator`).
    public var qualifiedName: String
    /// The name without its prefix (`creator`).
    public var localName: String
    /// The namespace URI the prefix (or the default namespace) resolves to; "" for none.
    public var namespace: String
    /// Attributes as written (qualified names), values entity-decoded.
    public var attributes: [XMLAttribute]
    public var children: [XMLNode]

    public init(qualifiedName: String, localName: String, namespace: String, attributes: [XMLAttribute] = [], children: [XMLNode] = []) {
        self.qualifiedName = qualifiedName
        self.localName = localName
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
    }

    /// The value of the attribute written exactly as `name` (e.g. `href`, `xml:base`).
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The value of the attribute whose local name matches, whatever its prefix,
    /// compared without regard to ASCII case (broken feeds write `HREF`).
    public func attribute(localName name: String) -> String? {
        if let exact = attribute(name) { return exact }
        // Readers ask for attributes most elements lack, for every element: ASCII names
        // (nearly all) are compared as bytes, without making lowercased strings.
        if let decided = Self.asciiLocalNameMatch(name, in: attributes) { return decided?.value }
        return attributes.first { attribute in
            let local = attribute.name.split(separator: ":").last.map(String.init) ?? attribute.name
            return local.lowercased() == name.lowercased()
        }?.value
    }

    /// The attribute whose local name equals `name` without regard to case, compared as
    /// bytes; `.none` when that cannot be decided from ASCII bytes alone (`.some(nil)`: no match).
    private static func asciiLocalNameMatch(_ name: String, in attributes: [XMLAttribute]) -> XMLAttribute?? {
        let wanted = name.utf8
        guard wanted.allSatisfy({ $0 < 0x80 }) else { return .none }
        for attribute in attributes {
            let bytes = attribute.name.utf8
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return .none }
            // The part after the last colon, ignoring trailing colons (as splitting on ":" does);
            // a name of colons only is its own local name.
            var end = bytes.endIndex
            while end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: ":") {
                end = bytes.index(before: end)
            }
            var start = bytes.startIndex
            if end > bytes.startIndex, let colon = bytes[..<end].lastIndex(of: UInt8(ascii: ":")) {
                start = bytes.index(after: colon)
            } else if end == bytes.startIndex {
                end = bytes.endIndex
            }
            let local = bytes[start..<end]
            if local.count == wanted.count,
               zip(local, wanted).allSatisfy({ ASCII.lowercased($0) == ASCII.lowercased($1) }) {
                return .some(attribute)
            }
        }
        return .some(nil)
    }

    /// Child elements, in order.
    public var elements: [XMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// The first child element with this local name (and namespace, when given).
    public func firstElement(_ localName: String, namespace: String? = nil) -> XMLElement? {
        for child in children {
            if case .element(let element) = child, element.localName == localName,
               namespace == nil || element.namespace == namespace {
                return element
            }
        }
        return nil
    }

    /// The concatenated text of this element and its descendants.
    public var text: String {
        // Most elements hold a single run of text: it is the answer, shared, not copied.
        if children.count == 1, case .text(let text) = children[0] { return text }
        var result = ""
        appendText(to: &result)
        return result
    }

    private func appendText(to result: inout String) {
        for child in children {
            switch child {
            case .text(let text): result += text
            case .element(let element): element.appendText(to: &result)
            }
        }
    }

    /// The child element when there is exactly one (text beside it allowed), found without
    /// collecting the children into an array.
    var soleElement: XMLElement? {
        var found: XMLElement?
        for child in children {
            guard case .element(let element) = child else { continue }
            if found != nil { return nil }
            found = element
        }
        return found
    }

    /// Whether any child is an element (e.g. unescaped HTML inside an RSS description).
    public var hasElementChildren: Bool {
        children.contains { if case .element = $0 { true } else { false } }
    }
}
