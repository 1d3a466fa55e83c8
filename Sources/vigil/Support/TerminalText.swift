/// Feed-derived text made safe for a terminal: escape sequences and other
/// control characters dropped, whitespace folded, and long text cut.
enum TerminalText {
    static func clean(_ text: String, limit: Int = 160) -> String {
        var result = ""
        var lastWasSpace = false
        var skippingEscape = false
        for scalar in text.unicodeScalars {
            if skippingEscape {
                // CSI and OSC sequences end at a final byte in @...~ or at BEL.
                if (0x40...0x7E).contains(scalar.value) || scalar.value == 0x07 { skippingEscape = false }
                continue
            }
            if scalar.value == 0x1B { skippingEscape = true; continue }
            let category = scalar.properties.generalCategory
            if category == .control || category == .format || category == .lineSeparator || category == .paragraphSeparator {
                if scalar == "\n" || scalar == "\t" || scalar == "\r" {
                    if !lastWasSpace { result.append(" "); lastWasSpace = true }
                }
                continue
            }
            if scalar.properties.isWhitespace {
                if !lastWasSpace { result.append(" "); lastWasSpace = true }
                continue
            }
            result.unicodeScalars.append(scalar)
            lastWasSpace = false
        }
        let trimmed = result.trimmingTrailingSpaces()
        return trimmed.count > limit ? String(trimmed.prefix(limit - 1)) + "…" : trimmed
    }
}
