/// Reads the feed list out of an OPML 1.0 or 2.0 file.
///
/// Feed lists are user input, not feeds from the wild: unlike the feed
/// parser, this reader refuses a broken file instead of guessing, so that an
/// import never half-succeeds. Nested outlines become tags on the feeds inside
/// them, as do `category` attributes (`/a/b` paths are split).
public enum OPMLReader {
    /// The vigil namespace for `every`, `terms` and `termPattern` attributes.
    public static let vigilNamespace = "urn:vigil:opml:1"

    public static func read(_ bytes: [UInt8]) throws -> [OPMLOutline] {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            throw OPMLError(reason: "UTF-16 OPML is not supported; save the file as UTF-8")
        }
        let document = XMLDocument(utf8: bytes)
        let structural: Set<XMLProblem.Kind> = [.mismatchedTag, .unclosedElement, .unexpectedEndOfInput, .noRootElement, .contentAfterRoot, .strayLessThan, .malformedAttribute]
        if let problem = document.problems.first(where: { structural.contains($0.kind) }) {
            throw OPMLError(line: line(of: problem.offset, in: bytes), reason: "not well-formed XML: \(problem)")
        }
        guard let root = document.root, root.localName.lowercased() == "opml" else {
            throw OPMLError(reason: "not an OPML file (the root element is <\(document.root?.qualifiedName ?? "nothing")>, expected <opml>)")
        }
        guard let body = root.firstElement("body") else {
            throw OPMLError(reason: "OPML file has no <body>")
        }
        var outlines: [OPMLOutline] = []
        collect(body.elements, tags: [], into: &outlines)
        return outlines
    }

    private static func collect(_ elements: [XMLElement], tags: [String], into outlines: inout [OPMLOutline]) {
        for element in elements where element.localName == "outline" {
            let name = (element.attribute("text") ?? element.attribute("title"))?.trimmed
            let categories = (element.attribute("category") ?? "")
                .split(separator: ",")
                .flatMap { $0.split(separator: "/") }
                .map { String($0).trimmed }
                .filter { !$0.isEmpty }
            if let url = element.attribute(localName: "xmlUrl")?.trimmed, !url.isEmpty {
                outlines.append(OPMLOutline(
                    xmlURL: url,
                    title: (element.attribute("title") ?? element.attribute("text"))?.trimmed,
                    htmlURL: element.attribute(localName: "htmlUrl")?.trimmed,
                    tags: unique(tags + categories),
                    every: vigilAttribute("every", of: element),
                    queryTerms: (vigilAttribute("terms", of: element) ?? "")
                        .split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty },
                    queryTermPattern: vigilAttribute("termPattern", of: element)))
            }
            let childTags = name.map { tags + [$0] } ?? tags
            collect(element.elements, tags: element.attribute(localName: "xmlUrl") == nil ? childTags : tags, into: &outlines)
        }
    }

    private static func vigilAttribute(_ name: String, of element: XMLElement) -> String? {
        element.attributes.first { attribute in
            attribute.name.hasSuffix(":" + name) && attribute.name.split(separator: ":").count == 2
        }?.value.trimmed
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0.lowercased()).inserted }
    }

    static func line(of offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[..<min(offset, bytes.count)].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}

extension String {
    var trimmed: String {
        var scalars = unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
