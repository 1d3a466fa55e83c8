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
        return html.withUTF8 { text(fromUTF8: $0) }
    }

    /// The plain text of HTML given as UTF-8 bytes.
    public func text(fromUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        var scanner = HTMLScanner(bytes: bytes)
        scanner.run()
        return String(decoding: scanner.output.output, as: UTF8.self)
    }

    /// Plain text with its whitespace normalised the way extracted text is:
    /// runs of spaces collapsed, lines trimmed, at most one blank line in a row.
    public static func normalizeWhitespace(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var writer = TextWriter()
            writer.reserve(bytes.count)
            for byte in bytes { writer.write(byte, preformatted: false, keepNewlines: true) }
            return String(decoding: writer.output, as: UTF8.self)
        }
    }
}
