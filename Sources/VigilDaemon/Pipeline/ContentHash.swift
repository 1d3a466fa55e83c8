/// A stable 128-bit content fingerprint (two FNV-1a 64 lanes over UTF-8),
/// enough to tell an edited entry from an unchanged one and to spot the same
/// text reposted elsewhere. Not a security hash: nothing trusts it.
public enum ContentHash {
    public static func hex(of text: String) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in text.utf8 {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second &+ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second ^= second >> 29
        }
        return hex64(first) + hex64(second)
    }

    private static func hex64(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
