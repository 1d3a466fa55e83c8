/// Writes element children back out as markup: the inner XHTML of an Atom
/// `type="xhtml"` construct, or HTML a feed put unescaped inside an RSS element.
enum MarkupSerializer {
    static func serialize(_ nodes: [XMLNode]) -> String {
        var output = ""
        for node in nodes { write(node, into: &output) }
        return output
    }

    private static func write(_ node: XMLNode, into output: inout String) {
        switch node {
        case .text(let text):
            escape(text, into: &output, quotes: false)
        case .element(let element):
            // The XHTML namespace is the default in the output; other prefixes stay.
            let name = element.namespace == FeedNamespace.xhtml ? element.localName : element.qualifiedName
            output += "<" + name
            for attribute in element.attributes where !isNamespaceDeclaration(attribute.name) {
                output += " " + attribute.name + "=\""
                escape(attribute.value, into: &output, quotes: true)
                output += "\""
            }
            if element.children.isEmpty, voidElements.contains(name.lowercased()) {
                output += " />"
                return
            }
            output += ">"
            for child in element.children { write(child, into: &output) }
            output += "</" + name + ">"
        }
    }

    private static func isNamespaceDeclaration(_ name: String) -> Bool {
        name == "xmlns" || name.hasPrefix("xmlns:")
    }

    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]

    private static func escape(_ text: String, into output: inout String, quotes: Bool) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where quotes: output += "&quot;"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }
}
