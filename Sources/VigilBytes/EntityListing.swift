/// Reads the entity listing: one entity a line, the name (with ";" when standard),
/// then its code points in hex, separated by single spaces; lines starting with
/// "#" are comments.
///
/// The listing is generated, not typed, so a malformed line is a defect of the
/// generator: it is skipped rather than reported at run time.
enum EntityListing {
    static func table(from listing: [UInt8]) -> [String: String] {
        var table: [String: String] = [:]
        table.reserveCapacity(2300)
        for line in listing.split(separator: UInt8(ascii: "\n")) where line.first != UInt8(ascii: "#") {
            let fields = line.split(separator: UInt8(ascii: " "))
            guard let name = fields.first else { continue }
            var characters = ""
            for field in fields.dropFirst() {
                if let scalar = scalar(hex: field) { characters.unicodeScalars.append(scalar) }
            }
            table[String(decoding: name, as: UTF8.self)] = characters
        }
        return table
    }

    private static func scalar(hex digits: ArraySlice<UInt8>) -> Unicode.Scalar? {
        guard !digits.isEmpty, digits.count <= 6 else { return nil }
        var value: UInt32 = 0
        for byte in digits {
            guard let digit = ASCIIDigit.value(byte, radix: 16) else { return nil }
            value = value << 4 | digit
        }
        return Unicode.Scalar(value)
    }
}
