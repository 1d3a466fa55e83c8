/// Decimal and hexadecimal digits read from bytes: numeric character references
/// (`&#233;`, `&#xE9;`) in the HTML extractor and the XML tokenizer, and `\u`
/// escapes in the JSON that `vigil scan --jsonl` reads.
package enum ASCIIDigit {
    /// The value of `byte` as a digit in `radix` (10 or 16), or nil when it is not one.
    @inlinable @inline(__always)
    package static func value(_ byte: UInt8, radix: UInt32) -> UInt32? {
        let value: UInt32
        switch byte {
        case 0x30...0x39: value = UInt32(byte - 0x30)
        case 0x61...0x66: value = UInt32(byte - 0x61 + 10)
        case 0x41...0x46: value = UInt32(byte - 0x41 + 10)
        default: return nil
        }
        return value < radix ? value : nil
    }
}
