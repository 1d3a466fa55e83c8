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
    /// a string. The scanner asks for every tag of every entry, most of them inline
    /// tags with no role, so the table is open-addressed and a quarter full: a lookup
    /// is a multiply and, nearly always, one slot. The scanner packs each name once
    /// and uses it for this lookup and for matching end tags.
    static func of(_ key: PackedName) -> ElementRole? {
        var slot = slotIndex(key)
        while let entry = slots[slot] {
            if entry.name == key { return entry.role }
            slot = (slot + 1) & (slotCount - 1)
        }
        return nil
    }

    private static let slotCount = 256

    private static func slotIndex(_ key: PackedName) -> Int {
        let mixed = (key.high ^ (key.low &* 0xC2B2_AE3D_27D4_EB4F)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 56) & (slotCount - 1)
    }
}

extension ElementRole {
    private static let slots: [(name: PackedName, role: ElementRole)?] = {
        var slots = [(name: PackedName, role: ElementRole)?](repeating: nil, count: slotCount)
        for (name, role) in names {
            guard let key = PackedName(name) else { continue }
            var slot = slotIndex(key)
            while slots[slot] != nil { slot = (slot + 1) & (slotCount - 1) }
            slots[slot] = (key, role)
        }
        return slots
    }()

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
