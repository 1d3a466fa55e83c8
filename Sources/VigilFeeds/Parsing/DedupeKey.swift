/// A key that identifies an entry across polls, so the daemon scores it once.
///
/// The entry's id when it has one, else its link, else a hash of title, date
/// and content. The hash is FNV-1a (two 64-bit lanes): stable across runs and
/// machines, unlike `Hasher`, and not meant to resist forgery.
public enum DedupeKey {
    public static func make(id: String?, link: String?, title: String?, date: String?, content: String?) -> String {
        if let id = id?.trimmingASCIIWhitespace(), !id.isEmpty { return "id:" + id }
        if let link = link?.trimmingASCIIWhitespace(), !link.isEmpty { return "link:" + link }
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for part in [title ?? "", date ?? "", content ?? ""] {
            for byte in part.utf8 {
                first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                second = second.rotateLeft(5)
            }
            // A separator, so ("ab", "c") and ("a", "bc") differ.
            first = (first ^ 0xFF) &* 0x0000_0100_0000_01B3
            second = (second ^ 0xFF) &* 0x0000_0100_0000_01B3
        }
        return "hash:" + hex(first) + hex(second)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

private extension UInt64 {
    func rotateLeft(_ count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
