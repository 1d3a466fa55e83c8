import Foundation

/// Lenient Base64 for Atom 0.3 `mode="base64"` content: whitespace and missing padding allowed.
enum Base64 {
    static func decode(_ text: String) -> [UInt8]? {
        var cleaned = text.filter { !$0.isWhitespace }
        while cleaned.count % 4 != 0 { cleaned += "=" }
        return Data(base64Encoded: cleaned).map { [UInt8]($0) }
    }
}
