/// What a numeric character reference (`&#147;`, `&#x2019;`) stands for, as
/// browsers and feed readers read it.
public enum CharacterReference {
    /// The character for a code point, or nil when none is allowed (0, surrogates,
    /// beyond U+10FFFF). 0x80...0x9F map to their Windows-1252 characters: pages
    /// that say `&#147;` were written on Windows and mean a curly quote, not a
    /// C1 control.
    @inlinable
    public static func character(forCodePoint codePoint: UInt32) -> Unicode.Scalar? {
        if codePoint >= 0x80, codePoint <= 0x9F {
            return Unicode.Scalar(windows1252[Int(codePoint - 0x80)])
        }
        guard codePoint != 0 else { return nil }
        return Unicode.Scalar(codePoint)
    }

    /// The characters Windows-1252 puts where Latin-1 has the C1 controls.
    public static let windows1252: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
