/// What the whitespace-delimited token around a match looks like. A name inside
/// a URL ("example.org/ada-lovelace-is-wrong") or an e-mail address is an
/// address, not a mention; a handle inside one ("github.com/adalovelace") is the
/// person's account and counts.
enum TokenShape {
    case word
    case url
    case email

    static func of(matchAt range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> TokenShape {
        var start = range.lowerBound
        while start > 0, range.lowerBound - start < 2048, !isDelimiter(bytes[start - 1]) { start -= 1 }
        var end = range.upperBound
        while end < bytes.count, end - range.upperBound < 2048, !isDelimiter(bytes[end]) { end += 1 }
        // Trailing sentence punctuation belongs to the sentence, not to the token.
        while end > range.upperBound, [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F].contains(bytes[end - 1]) { end -= 1 }
        let token = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if contains(TokenShape.schemeSeparator, in: token) { return .url }
        if hasPrefix(TokenShape.webPrefix, token) { return .url }
        if let at = token.firstIndex(of: 0x40), at > 0, token[(at + 1)...].contains(0x2E) { return .email }
        // "example.org/path": a dotted host followed by a slash.
        if let slash = token.firstIndex(of: 0x2F), slash > 0 {
            let host = token[..<slash]
            if let dot = host.lastIndex(of: 0x2E), dot > host.startIndex, host.endIndex - dot >= 3,
               host[(dot + 1)...].allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) {
                return .url
            }
        }
        return .word
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x22, 0x27, 0x3C, 0x3E, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x60: return true
        default: return false
        }
    }

    private static let schemeSeparator = Array("://".utf8)
    private static let webPrefix = Array("www.".utf8)

    private static func hasPrefix(_ needle: [UInt8], _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        guard token.count >= needle.count else { return false }
        for (offset, expected) in needle.enumerated() where token[offset] | 0x20 != expected | 0x20 { return false }
        return true
    }

    private static func contains(_ needle: [UInt8], in token: UnsafeBufferPointer<UInt8>) -> Bool {
        guard token.count >= needle.count else { return false }
        for start in 0...(token.count - needle.count) where token[start] == needle[0] {
            if (0..<needle.count).allSatisfy({ token[start + $0] == needle[$0] }) { return true }
        }
        return false
    }
}
