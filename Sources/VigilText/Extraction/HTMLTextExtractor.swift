import VigilBytes

/// Turns HTML (a feed entry's content, a fragment or a whole page) into the plain
/// text vigil scores.
///
/// Block elements become line breaks (paragraph-like ones a blank line, so
/// sentence splitting sees paragraph ends); script, style, nav and other
/// non-content elements are dropped with their content; entities are decoded;
/// whitespace is collapsed to single spaces within a line. It is a scanner,
/// not a full HTML parser: it never fails, whatever the markup.
public struct HTMLTextExtractor: Sendable {
    public init() {}

    /// The plain text of `html`.
    public func text(fromHTML html: String) -> String {
        var html = html
        // A String's bytes are well-formed, and the scanner cuts them only at ASCII bytes
        // and adds only whole characters: its output needs no second check.
        return html.withUTF8 { String(wellFormedUTF8: Self.scan($0)) }
    }

    /// The plain text of HTML given as UTF-8 bytes (ill-formed sequences replaced).
    public func text(fromUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: Self.scan(bytes), as: UTF8.self)
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var scanner = HTMLScanner(bytes: bytes)
        scanner.run()
        return scanner.output.output
    }

    /// Plain text with its whitespace normalised the way extracted text is:
    /// runs of spaces collapsed, lines trimmed, at most one blank line in a row.
    public static func normalizeWhitespace(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var writer = TextWriter()
            writer.reserve(bytes.count)
            for byte in bytes { writer.write(byte, preformatted: false, keepNewlines: true) }
            // Only ASCII whitespace is moved or dropped, so the bytes stay well-formed.
            return String(wellFormedUTF8: writer.output)
        }
    }
}
