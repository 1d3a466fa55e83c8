/// The normalisation the matcher applies, exposed so that other stages (and
/// people reading a surprising match) can see exactly what the matcher saw.
public enum TextNormalizer {
    /// `text` folded as the matcher folds it: compatibility forms, case,
    /// diacritics, quotes, hyphens, homoglyphs, invisible characters, separators.
    public static func normalize(_ text: String) -> String {
        String(decoding: normalizedBytes(text), as: UTF8.self)
    }

    static func normalizedBytes(_ text: String) -> [UInt8] {
        var collector = ByteCollector()
        var copy = text
        copy.withUTF8 { TextScanner().scan($0, into: &collector) }
        return collector.bytes
    }
}

/// Collects normalised bytes, for the watchlist's patterns and for tests.
struct ByteCollector: NormalizedByteSink {
    var bytes: [UInt8] = []

    mutating func take(_ byte: UInt8, origin: Int32, first: Bool, last: Bool) {
        bytes.append(byte)
    }
}
