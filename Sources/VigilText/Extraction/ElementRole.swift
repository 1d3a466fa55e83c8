/// What an element does to the text around it.
enum ElementRole {
    /// Not text a reader sees (script, style, nav, ...): dropped with its content.
    case dropped
    /// Ends a paragraph: a blank line before and after.
    case paragraph
    /// Ends a line.
    case line
    /// A table cell: a space between cells.
    case cell
}

extension ElementRole {
    /// The role of an element name (packed, so of any case), looked up without hashing
    /// a string: a binary search of a small sorted table of packed names. The scanner
    /// packs each name once and uses it for this lookup and for matching end tags.
    static func of(_ key: PackedName) -> ElementRole? {
        var low = 0
        var high = packedRoles.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let candidate = packedRoles[middle].name
            if candidate == key { return packedRoles[middle].role }
            if candidate < key { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }
}

extension ElementRole {
    private static let packedRoles: [(name: PackedName, role: ElementRole)] = names
        .compactMap { name, role in PackedName(name).map { ($0, role) } }
        .sorted { $0.name < $1.name }

    private static let names: [String: ElementRole] = {
        var roles: [String: ElementRole] = [:]
        for name in ["script", "style", "nav", "noscript", "template", "head", "svg", "iframe", "object", "select", "button"] {
            roles[name] = .dropped
        }
        for name in [
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dl", "table",
            "section", "article", "header", "footer", "aside", "main", "figure", "hr", "address",
            "details", "fieldset", "form", "body", "html",
        ] {
            roles[name] = .paragraph
        }
        for name in [
            "br", "div", "li", "dt", "dd", "tr", "figcaption", "caption", "summary", "legend", "center",
            "option", "tbody", "thead", "tfoot",
        ] {
            roles[name] = .line
        }
        roles["td"] = .cell
        roles["th"] = .cell
        return roles
    }()
}
