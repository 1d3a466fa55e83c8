/// Reads the `Link` header GitHub paginates with (RFC 8288):
/// `<https://…?page=2>; rel="next", <https://…?page=5>; rel="last"`.
enum LinkHeader {
    /// The target of the first link whose `rel` includes `relation`.
    static func target(of value: String, relation: String) -> String? {
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { return nil }
            let target = rest[rest.index(after: open)..<close]
            let afterTarget = rest[rest.index(after: close)...]
            let paramsEnd = afterTarget.firstIndex(of: "<") ?? afterTarget.endIndex
            let params = afterTarget[..<paramsEnd]
            if relations(in: params).contains(relation.lowercased()) { return String(target) }
            rest = afterTarget[paramsEnd...]
        }
        return nil
    }

    /// The relation types of a link's parameters: `rel="next"` or `rel="next prev"`.
    private static func relations(in params: Substring) -> [String] {
        for param in params.split(separator: ";") {
            let pair = param.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimming(" \t,") == "rel" else { continue }
            let quoted = pair[1].trimming(" \t,")
            let unquoted = quoted.hasPrefix("\"") && quoted.hasSuffix("\"") && quoted.count >= 2
                ? String(quoted.dropFirst().dropLast()) : quoted
            return unquoted.lowercased().split(separator: " ").map(String.init)
        }
        return []
    }
}

private extension Substring {
    func trimming(_ characters: String) -> String {
        let set = Set(characters)
        return String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
