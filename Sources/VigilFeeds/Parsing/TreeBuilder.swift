import Foundation

/// Turns tokens into elements, resolving namespaces and repairing nesting.
struct TreeBuilder {
    var root: XMLElement?
    var declaredEncoding: String?
    var doctype: String?
    var problems: [XMLProblem] = []

    private var stack: [XMLElement] = []
    /// Problems beyond the tokenizer's maximum, counted but not kept.
    var unlistedProblemCount = 0
    /// Deeper elements are read as part of their parent: bounded depth keeps every
    /// walk of the tree (text, serialisation, destruction) off the edge of the stack,
    /// and unmatched end tags cheap to look up.
    static let maximumDepth = 256
    private var ignoredDepth = 0
    private var namespaces = NamespaceScope()
    private var rootClosed = false
    private var reportedAfterRoot = false
    private var sawMarkup = false

    mutating func consume(_ token: XMLToken, at offset: Int) {
        switch token {
        case .startTag(let name, let attributes, let selfClosing):
            open(name, attributes, selfClosing: selfClosing, at: offset)
        case .endTag(let name):
            close(name, at: offset)
        case .text(let text):
            appendText(text, at: offset, isCDATA: false)
        case .cdata(let text):
            appendText(text, at: offset, isCDATA: true)
        case .comment:
            break
        case .processingInstruction(let target, let data):
            if target == "xml", declaredEncoding == nil, !sawMarkup {
                declaredEncoding = Self.pseudoAttribute("encoding", in: data)
            }
        case .doctype(let content):
            if doctype == nil { doctype = content }
        }
        sawMarkup = true
    }

    mutating func finish(at offset: Int) {
        if !stack.isEmpty {
            let names = stack.map(\.qualifiedName).joined(separator: ", ")
            report(XMLProblem(.unclosedElement, at: offset, names))
            while !stack.isEmpty { popAndAttach() }
        }
        if root == nil {
            report(XMLProblem(.noRootElement, at: offset))
        }
    }

    private mutating func open(_ name: String, _ attributes: [XMLAttribute], selfClosing: Bool, at offset: Int) {
        if rootClosed {
            reportAfterRoot(at: offset, "<\(name)>")
            return
        }
        if stack.count >= Self.maximumDepth {
            if ignoredDepth == 0 { report(XMLProblem(.malformed, at: offset, "elements nested deeper than \(Self.maximumDepth)")) }
            if !selfClosing { ignoredDepth += 1 }
            return
        }
        namespaces.enterElement()
        for attribute in attributes where attribute.name.utf8.starts(with: "xmlns".utf8) {
            if attribute.name == "xmlns" {
                namespaces.declare("", attribute.value)
            } else if attribute.name.hasPrefix("xmlns:") {
                namespaces.declare(String(attribute.name.dropFirst(6)), attribute.value)
            }
        }
        let (prefix, localName) = Self.split(name)
        let namespace: String
        if let resolved = namespaces.resolve(prefix) {
            namespace = resolved
        } else {
            namespace = ""
            report(XMLProblem(.undeclaredPrefix, at: offset, prefix))
        }
        let element = XMLElement(qualifiedName: name, localName: localName, namespace: namespace, attributes: attributes)
        stack.append(element)
        if selfClosing { popAndAttach() }
    }

    private mutating func close(_ name: String, at offset: Int) {
        if ignoredDepth > 0 {
            // Closes one of the elements read as part of their parent.
            ignoredDepth -= 1
            return
        }
        if rootClosed || stack.isEmpty {
            reportAfterRoot(at: offset, "</\(name)>")
            return
        }
        if stack[stack.count - 1].qualifiedName == name {
            popAndAttach()
            return
        }
        let match = stack.lastIndex { $0.qualifiedName == name }
            ?? stack.lastIndex { $0.qualifiedName.lowercased() == name.lowercased() }
        guard let match else {
            report(XMLProblem(.mismatchedTag, at: offset, "</\(name)> closes nothing open"))
            return
        }
        report(XMLProblem(
            .mismatchedTag, at: offset,
            "</\(name)> while <\(stack[stack.count - 1].qualifiedName)> is open"))
        while stack.count > match { popAndAttach() }
    }

    private mutating func popAndAttach() {
        let element = stack.removeLast()
        namespaces.leaveElement()
        if stack.isEmpty {
            root = element
            rootClosed = true
        } else {
            attach(.element(element))
        }
    }

    private mutating func appendText(_ text: String, at offset: Int, isCDATA: Bool) {
        guard !stack.isEmpty else {
            if !isCDATA, text.utf8.allSatisfy(ASCII.isWhitespace) { return }
            if rootClosed {
                reportAfterRoot(at: offset, "text")
            } else {
                report(XMLProblem(.contentBeforeRoot, at: offset, "text"))
            }
            return
        }
        let last = stack.count - 1
        if case .text(let previous)? = stack[last].children.last {
            stack[last].children[stack[last].children.count - 1] = .text(previous + text)
        } else {
            attach(.text(text))
        }
    }

    /// Appends a child to the innermost open element. A third child marks a container
    /// (an item, an entry, a paragraph of markup), so room for eight is made at once
    /// rather than growing the array one, two, four, eight; waiting for the third keeps
    /// a document of tiny two-child elements from costing eight slots each.
    private mutating func attach(_ node: XMLNode) {
        let last = stack.count - 1
        if stack[last].children.count == 2 { stack[last].children.reserveCapacity(8) }
        stack[last].children.append(node)
    }

    private mutating func report(_ problem: XMLProblem) {
        if problems.count < XMLTokenizer.maximumProblems {
            problems.append(problem)
        } else {
            unlistedProblemCount += 1
        }
    }

    private mutating func reportAfterRoot(at offset: Int, _ what: String) {
        guard !reportedAfterRoot else { return }
        reportedAfterRoot = true
        report(XMLProblem(.contentAfterRoot, at: offset, what))
    }

    private static func split(_ name: String) -> (prefix: String, localName: String) {
        // Searched as bytes: a colon is ASCII, so its index cuts between characters.
        let bytes = name.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return ("", name) }
        return (String(name[..<colon]), String(name[bytes.index(after: colon)...]))
    }

    /// Reads `name="value"` out of the XML declaration's data.
    static func pseudoAttribute(_ name: String, in data: String) -> String? {
        guard let range = data.range(of: name) else { return nil }
        var rest = data[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        rest = rest.dropFirst()
        guard let end = rest.firstIndex(of: quote) else { return nil }
        return String(rest[..<end])
    }
}
