import VigilBytes

/// The text of an attribute value or a title, with character references decoded
/// the way browsers decode them in attributes: a legacy name without `;` stays
/// literal when a letter, digit or `=` follows, so `?a=1&not=2` in a link keeps
/// its query instead of turning into `?a=1¬=2`.
enum AttributeText {
    static func decoded(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == 0x26, let (characters, next) = reference(bytes, at: index, limit: range.upperBound) {
                output.append(contentsOf: characters.utf8)
                index = next
            } else {
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The characters of the reference starting at the `&` at `start`, and the index after it.
    private static func reference(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int
    ) -> (String, Int)? {
        var cursor = start + 1
        if cursor < limit, bytes[cursor] == 0x23 { // &#
            cursor += 1
            var radix: UInt32 = 10
            if cursor < limit, bytes[cursor] | 0x20 == 0x78 { radix = 16; cursor += 1 }
            var value: UInt32 = 0
            let digitsStart = cursor
            while cursor < limit, let digit = ASCIIDigit.value(bytes[cursor], radix: radix) {
                value = min(value &* radix &+ digit, 0x110000)
                cursor += 1
            }
            guard cursor > digitsStart else { return nil }
            if cursor < limit, bytes[cursor] == 0x3B { cursor += 1 }
            let scalar = CharacterReference.character(forCodePoint: value) ?? "\u{FFFD}"
            return (String(Character(scalar)), cursor)
        }
        while cursor < limit, cursor - start <= HTMLEntities.longestNameLength, HTMLScanner.isAlphanumeric(bytes[cursor]) {
            cursor += 1
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<cursor]), as: UTF8.self)
        if cursor < limit, bytes[cursor] == 0x3B, let characters = HTMLEntities.characters(named: name + ";") {
            return (characters, cursor + 1)
        }
        var length = name.utf8.count
        while length >= 2 {
            let end = start + 1 + length
            let follows = end < limit ? bytes[end] : 0
            if let characters = HTMLEntities.characters(named: name.prefix(length)) {
                return HTMLScanner.isAlphanumeric(follows) || follows == 0x3D ? nil : (characters, end)
            }
            length -= 1
        }
        return nil
    }
}
