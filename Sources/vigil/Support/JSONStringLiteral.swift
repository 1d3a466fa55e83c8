import VigilBytes

/// JSON string literals for the line-oriented outputs (`parse --json`, `scan --jsonl`),
/// written by hand because `JSONSerialization` costs more than the work it reports
/// on. U+2028 and U+2029 are escaped as well, so a record stays one line for
/// readers that treat them as line ends.
enum JSONStringLiteral {
    /// Appends `text`, quoted and escaped, to `output`.
    static func append(_ text: String, to output: inout String) {
        if needsNoEscape(text) {
            output += "\""
            output += text
            output += "\""
            return
        }
        var bytes: [UInt8] = []
        append(text, to: &bytes)
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 of `text`, quoted and escaped, to `output`: the runs between
    /// escapes are copied whole, since the text is mostly plain.
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        output.append(UInt8(ascii: "\""))
        text.withUTF8 { bytes in
            var run = 0
            while run < bytes.count {
                let index = nextEscape(in: bytes, from: run)
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                guard index < bytes.count else { break }
                let byte = bytes[index]
                run = index + 1
                switch byte {
                case 0xE2:
                    // U+2028 or U+2029: E2 80 A8 or E2 80 A9.
                    output.append(contentsOf: bytes[index + 2] == 0xA8 ? #"\u2028"#.utf8 : #"\u2029"#.utf8)
                    run = index + 3
                case 0x22: output.append(contentsOf: #"\""#.utf8)
                case 0x5C: output.append(contentsOf: #"\\"#.utf8)
                case 0x0A: output.append(contentsOf: #"\n"#.utf8)
                case 0x0D: output.append(contentsOf: #"\r"#.utf8)
                case 0x09: output.append(contentsOf: #"\t"#.utf8)
                default:
                    // The other controls as \u00xx, lower-case hex.
                    output.append(contentsOf: #"\u00"#.utf8)
                    output.append(byte >> 4 + UInt8(ascii: "0"))
                    let low = byte & 0x0F
                    output.append(low < 10 ? low + UInt8(ascii: "0") : low - 10 + UInt8(ascii: "a"))
                }
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// `text` quoted and escaped.
    static func quoted(_ text: String) -> String {
        var output = ""
        append(text, to: &output)
        return output
    }

    /// Most text needs no escape and is copied whole; one look at its UTF-8 tells.
    private static func needsNoEscape(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { nextEscape(in: $0, from: 0) == $0.count }
    }

    /// The index of the first byte from `start` on that begins an escape (a quote, a
    /// backslash, a control, or U+2028 or U+2029), or the end: many bytes a step.
    private static func nextEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        var index = start
        while true {
            // No control is allowed: the two "allowed" bytes are not controls.
            index = ByteLanes.firstIndex(
                in: bytes, from: index, to: bytes.count, of: (quote, backslash, 0xE2, 0xE2),
                controls: true, allowed: (quote, quote))
            guard index < bytes.count, bytes[index] == 0xE2 else { return index }
            if index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                return index
            }
            index += 1
        }
    }
}
