/// Writes element children back out as markup: the inner XHTML of an Atom
/// `type="xhtml"` construct, or HTML a feed put unescaped inside an RSS element.
import VigilBytes

enum MarkupSerializer {
    static func serialize(_ nodes: [XMLNode]) -> String {
        var output: [UInt8] = []
        for node in nodes { write(node, into: &output) }
        // Pieces of strings joined at ASCII markup: well-formed without a second check.
        return String(wellFormedUTF8: output)
    }

    private static func write(_ node: XMLNode, into output: inout [UInt8]) {
        switch node {
        case .text(let text):
            escape(text, into: &output, quotes: false)
        case .element(let element):
            // The XHTML namespace is the default in the output; other prefixes stay.
            let name = element.namespace == FeedNamespace.xhtml ? element.localName : element.qualifiedName
            output.append(ASCII.lessThan)
            output.append(contentsOf: name.utf8)
            for attribute in element.attributes where !isNamespaceDeclaration(attribute.name) {
                output.append(ASCII.space)
                output.append(contentsOf: attribute.name.utf8)
                output.append(ASCII.equals)
                output.append(ASCII.doubleQuote)
                escape(attribute.value, into: &output, quotes: true)
                output.append(ASCII.doubleQuote)
            }
            if element.children.isEmpty, voidElements.contains(name.lowercased()) {
                output.append(contentsOf: " />".utf8)
                return
            }
            output.append(ASCII.greaterThan)
            for child in element.children { write(child, into: &output) }
            output.append(contentsOf: "</".utf8)
            output.append(contentsOf: name.utf8)
            output.append(ASCII.greaterThan)
        }
    }

    private static func isNamespaceDeclaration(_ name: String) -> Bool {
        name == "xmlns" || name.hasPrefix("xmlns:")
    }

    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]

    private static func escape(_ text: String, into output: inout [UInt8], quotes: Bool) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                // Many bytes a step (`ByteLanes`) until one needs escaping.
                index = ByteLanes.firstIndex(
                    in: bytes, from: index, to: bytes.count,
                    of: (ASCII.ampersand, ASCII.lessThan, ASCII.greaterThan, quotes ? ASCII.doubleQuote : ASCII.ampersand),
                    controls: false, allowed: (0, 0))
                guard index < bytes.count else { break }
                defer { index += 1 }
                let replacement: StaticString
                switch bytes[index] {
                case ASCII.ampersand: replacement = "&amp;"
                case ASCII.lessThan: replacement = "&lt;"
                case ASCII.greaterThan: replacement = "&gt;"
                case ASCII.doubleQuote where quotes: replacement = "&quot;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
    }
}
