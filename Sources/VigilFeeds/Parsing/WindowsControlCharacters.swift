/// The characters Windows-1252 puts at 0x80...0x9F, where Latin-1 has C1 controls.
///
/// Feeds declare ISO-8859-1 but are written in Windows-1252, and numeric
/// references like `&#147;` mean the curly quote, not a control character;
/// every browser and feed reader reads them this way.
enum WindowsControlCharacters {
    static func scalar(for byte: UInt8) -> UInt32 {
        guard byte >= 0x80, byte <= 0x9F else { return UInt32(byte) }
        return table[Int(byte - 0x80)]
    }

    private static let table: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
