/// Writes a feed list as OPML 2.0, grouping feeds under their first tag so
/// that an export imports back with the same tags.
public enum OPMLWriter {
    public static func write(_ outlines: [OPMLOutline], title: String) -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<opml version="2.0" xmlns:vigil="\#(OPMLReader.vigilNamespace)">"#,
            "  <head>",
            "    <title>\(escape(title))</title>",
            "  </head>",
            "  <body>",
        ]
        var groups: [(tag: String?, outlines: [OPMLOutline])] = []
        for outline in outlines {
            let tag = outline.tags.first
            if let index = groups.firstIndex(where: { $0.tag == tag }) {
                groups[index].outlines.append(outline)
            } else {
                groups.append((tag, [outline]))
            }
        }
        for group in groups {
            if let tag = group.tag {
                lines.append("    <outline text=\"\(escape(tag))\">")
                lines.append(contentsOf: group.outlines.map { "      " + element($0, extraTags: Array($0.tags.dropFirst())) })
                lines.append("    </outline>")
            } else {
                lines.append(contentsOf: group.outlines.map { "    " + element($0, extraTags: []) })
            }
        }
        lines.append("  </body>")
        lines.append("</opml>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func element(_ outline: OPMLOutline, extraTags: [String]) -> String {
        var attributes = [("type", "rss"), ("text", outline.title ?? outline.xmlURL)]
        if let title = outline.title { attributes.append(("title", title)) }
        attributes.append(("xmlUrl", outline.xmlURL))
        if let html = outline.htmlURL { attributes.append(("htmlUrl", html)) }
        if !extraTags.isEmpty { attributes.append(("category", extraTags.joined(separator: ","))) }
        if let every = outline.every { attributes.append(("vigil:every", every)) }
        if !outline.queryTerms.isEmpty { attributes.append(("vigil:terms", outline.queryTerms.joined(separator: ","))) }
        if let pattern = outline.queryTermPattern { attributes.append(("vigil:termPattern", pattern)) }
        return "<outline " + attributes.map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: " ") + "/>"
    }

    /// Escapes text for an XML attribute or element, including line breaks in
    /// attributes, which XML would otherwise normalise to spaces.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            case "\t": result += "&#9;"
            default:
                // Control characters are not allowed in XML 1.0 at all.
                if scalar.value < 0x20 { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
