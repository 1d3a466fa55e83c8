/// The searches both markup walkers make in a page's bytes (`HTMLScanner`
/// turning it into text, `OutlineBuilder` into an outline): a tag or
/// comment delimiter, and a name compared without regard to ASCII case.
extension UnsafeBufferPointer<UInt8> {
    func matchesIgnoringASCIICase(_ prefix: StaticString, at start: Int) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard start + length <= count else { return false }
        let pattern = prefix.utf8Start
        for offset in 0..<length where Self.lowercased(self[start + offset]) != Self.lowercased(pattern[offset]) { return false }
        return true
    }

    func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        var index = start
        while index < count {
            if self[index] == byte { return index }
            index += 1
        }
        return nil
    }

    func firstIndex(ofIgnoringASCIICase needle: StaticString, from start: Int) -> Int? {
        var index = start
        let first = needle.utf8Start[0]
        while let candidate = firstIndex(of: first, from: index) {
            if matchesIgnoringASCIICase(needle, at: candidate) { return candidate }
            index = candidate + 1
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }
}
