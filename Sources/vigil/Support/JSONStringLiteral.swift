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
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                output += String(format: "\\u%04x", scalar.value)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
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
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x22 || byte == 0x5C || byte < 0x20 { return false }
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                if byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) { return false }
                index += 1
            }
            return true
        }
    }
}
