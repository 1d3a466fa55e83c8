/// Tells a feed from a web page by its first bytes and declared type, without a
/// full parse: enough to decide what discovery found.
public enum FeedSniffer {
    public enum Kind: String, Sendable, Equatable {
        case rss, atom, rdf, json
    }

    /// The feed kind these bytes start like, or nil for HTML and anything else. The
    /// declared type only settles JSON, which has no root element to go by.
    public static func kind(of body: [UInt8], contentType: String? = nil) -> Kind? {
        let head = String(decoding: body.prefix(2048), as: UTF8.self).lowercased()
        var text = Substring(head)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        text = text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" }
        if text.hasPrefix("{") {
            // JSON Feed names its version URL; a server may say so in the type instead.
            let declared = contentType?.lowercased().contains("application/feed+json") ?? false
            return declared || text.contains("jsonfeed.org/version") ? .json : nil
        }
        guard text.hasPrefix("<") else { return nil }
        // Skip the XML declaration, comments, processing instructions and doctypes to the first element.
        while let open = text.firstIndex(of: "<") {
            let rest = text[open...]
            if rest.hasPrefix("<?") || rest.hasPrefix("<!") {
                let terminator = rest.hasPrefix("<!--") ? "-->" : ">"
                guard let end = rest.firstRange(of: terminator) else { return nil }
                text = rest[end.upperBound...]
                continue
            }
            let name = rest.dropFirst().prefix { $0 != " " && $0 != ">" && $0 != "\n" && $0 != "\r" && $0 != "\t" && $0 != "/" && $0 != "\r\n" }
            switch name {
            case "rss": return .rss
            case "feed": return .atom
            case "rdf:rdf", "rdf": return .rdf
            default:
                if name.hasSuffix(":feed") { return .atom }
                if name.hasSuffix(":rss") { return .rss }
                return nil
            }
        }
        return nil
    }
}
