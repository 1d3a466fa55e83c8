import Foundation

/// Serialises the ad-hoc JSON objects chat services expect, keys sorted.
enum ChatJSON {
    static func encode(_ object: [String: Any]) -> [UInt8] {
        (try? Array(JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))) ?? Array("{}".utf8)
    }

    /// Cuts text to a service's field limit, with an ellipsis.
    static func limit(_ text: String, _ count: Int) -> String {
        text.count <= count ? text : String(text.prefix(count - 1)) + "…"
    }
}
