import Foundation

/// Finds the line of a key in TOML source, so a config error can point at it.
/// TOML libraries report lines for syntax errors only; values that parse but
/// mean nothing (an unknown key, a bad duration) are located here.
struct TOMLKeyLocator {
    private let lines: [Substring]

    init(source: String) {
        lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The 1-based line of `key` inside the table named by `table`
    /// (e.g. `poll`, or `people` with `index` for the index-th `[[people]]`),
    /// or of the table header itself when `key` is nil.
    func line(table: String?, index: Int? = nil, key: String?) -> Int? {
        var start = 0
        if let table {
            var seen = -1
            var found: Int?
            for (number, line) in lines.enumerated() {
                let header = line.trimmingCharacters(in: .whitespaces)
                if header == "[[\(table)]]" || header.hasPrefix("[[\(table)]]") || header == "[\(table)]" || header.hasPrefix("[\(table)] ") {
                    seen += 1
                    if seen == (index ?? 0) { found = number; break }
                }
            }
            guard let found else { return nil }
            start = found
            if key == nil { return found + 1 }
        }
        guard let key else { return nil }
        for number in (table == nil ? 0 : start + 1)..<lines.count {
            let line = lines[number].trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") { break }
            if line.hasPrefix(key) {
                let rest = line.dropFirst(key.count).trimmingCharacters(in: .whitespaces)
                if rest.hasPrefix("=") { return number + 1 }
            }
        }
        return table == nil ? nil : start + 1
    }
}
