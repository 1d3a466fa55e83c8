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
        var scanner = Scanner(bytes: bytes)
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

/// What an element does to the text around it.
private enum ElementRole {
    /// Not text a reader sees (script, style, nav, ...): dropped with its content.
    case dropped
    /// Ends a paragraph: a blank line before and after.
    case paragraph
    /// Ends a line.
    case line
    /// A table cell: a space between cells.
    case cell
}

extension ElementRole {
    /// The role of an element name (any case), looked up without hashing a string:
    /// names are packed into two integers and compared against a small sorted table.
    static func of(_ name: UnsafeBufferPointer<UInt8>) -> ElementRole? {
        guard let key = PackedName(name) else { return nil }
        var low = 0
        var high = packedRoles.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let candidate = packedRoles[middle].name
            if candidate == key { return packedRoles[middle].role }
            if candidate < key { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }
}

/// An element name of up to 16 ASCII letters and digits, lowercased, packed big-endian.
private struct PackedName: Comparable {
    var high: UInt64 = 0
    var low: UInt64 = 0

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count <= 16 else { return nil }
        for (index, byte) in bytes.enumerated() {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            if index < 8 {
                high |= UInt64(lower) << (56 - 8 * UInt64(index))
            } else {
                low |= UInt64(lower) << (56 - 8 * UInt64(index - 8))
            }
        }
    }

    init?(_ name: String) {
        var name = name
        guard let packed = name.withUTF8({ PackedName($0) }) else { return nil }
        self = packed
    }

    static func < (left: PackedName, right: PackedName) -> Bool {
        (left.high, left.low) < (right.high, right.low)
    }
}

private let packedRoles: [(name: PackedName, role: ElementRole)] = elementRoles
    .compactMap { name, role in PackedName(name).map { ($0, role) } }
    .sorted { $0.name < $1.name }

private let elementRoles: [String: ElementRole] = {
    var roles: [String: ElementRole] = [:]
    for name in ["script", "style", "nav", "noscript", "template", "head", "svg", "iframe", "object", "select", "button"] {
        roles[name] = .dropped
    }
    for name in [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dl", "table",
        "section", "article", "header", "footer", "aside", "main", "figure", "hr", "address",
        "details", "fieldset", "form", "body", "html",
    ] {
        roles[name] = .paragraph
    }
    for name in [
        "br", "div", "li", "dt", "dd", "tr", "figcaption", "caption", "summary", "legend", "center",
        "option", "tbody", "thead", "tfoot",
    ] {
        roles[name] = .line
    }
    roles["td"] = .cell
    roles["th"] = .cell
    return roles
}()

/// Accumulates output bytes, deciding spaces and line breaks lazily so that
/// whitespace never doubles up and never trails.
struct TextWriter {
    var output: [UInt8] = []
    private var pendingBreaks = 0
    private var pendingSpace = false
    private var previousWasCarriageReturn = false

    mutating func reserve(_ count: Int) { output.reserveCapacity(count) }

    mutating func requestBreak(_ count: Int) {
        pendingBreaks = max(pendingBreaks, count)
    }

    mutating func requestSpace() { pendingSpace = true }

    /// Writes one byte of text. Whitespace is deferred; in preformatted text (or
    /// when `keepNewlines`) newlines are line breaks, elsewhere spaces.
    @inline(__always)
    mutating func write(_ byte: UInt8, preformatted: Bool, keepNewlines: Bool) {
        switch byte {
        case 0x20, 0x09, 0x0C:
            previousWasCarriageReturn = false
            pendingSpace = true
        case 0x0A, 0x0D:
            if byte == 0x0A, previousWasCarriageReturn {
                previousWasCarriageReturn = false
                return
            }
            previousWasCarriageReturn = byte == 0x0D
            if preformatted || keepNewlines {
                if pendingBreaks < 2 { pendingBreaks += 1 }
            } else {
                pendingSpace = true
            }
        default:
            previousWasCarriageReturn = false
            if !output.isEmpty {
                if pendingBreaks > 0 {
                    for _ in 0..<pendingBreaks { output.append(0x0A) }
                } else if pendingSpace {
                    output.append(0x20)
                }
            }
            pendingBreaks = 0
            pendingSpace = false
            output.append(byte)
        }
    }

    /// Writes bytes known to hold no whitespace and no markup.
    mutating func writeRun(_ run: UnsafeBufferPointer<UInt8>) {
        guard !run.isEmpty else { return }
        if !output.isEmpty {
            if pendingBreaks > 0 {
                for _ in 0..<pendingBreaks { output.append(0x0A) }
            } else if pendingSpace {
                output.append(0x20)
            }
        }
        pendingBreaks = 0
        pendingSpace = false
        previousWasCarriageReturn = false
        output.append(contentsOf: run)
    }

    mutating func write(_ scalar: Unicode.Scalar, preformatted: Bool) {
        if scalar == "\u{A0}" {
            write(0x20, preformatted: preformatted, keepNewlines: false)
            return
        }
        for byte in String(Character(scalar)).utf8 {
            write(byte, preformatted: preformatted, keepNewlines: false)
        }
    }
}

/// One pass over the bytes of an HTML document.
private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var output = TextWriter()
    /// The dropped element being skipped, if any (its end tag ends the skip).
    var skipping: PackedName?
    static let preformattedName = PackedName("pre")
    var skipDepth = 0
    var preformattedDepth = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        output.reserve(bytes.count / 2)
    }

    mutating func run() {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x3C {
                markup()
            } else if skipping != nil {
                position += 1
            } else if byte == 0x26 {
                reference()
            } else if byte == 0xC2, position + 1 < bytes.count, bytes[position + 1] == 0xA0 {
                output.write(0x20, preformatted: false, keepNewlines: false)
                position += 2
            } else if byte > 0x20, byte != 0xC2 {
                // A run of ordinary bytes goes out in one piece.
                var end = position + 1
                while end < bytes.count {
                    let next = bytes[end]
                    if next > 0x20, next != 0x3C, next != 0x26, next != 0xC2 {
                        end += 1
                        continue
                    }
                    // A single space between two words is already normal: keep it in the run.
                    if next == 0x20, end + 1 < bytes.count {
                        let after = bytes[end + 1]
                        if after > 0x20, after != 0x3C, after != 0x26, after != 0xC2 {
                            end += 2
                            continue
                        }
                    }
                    break
                }
                output.writeRun(UnsafeBufferPointer(rebasing: bytes[position..<end]))
                position = end
            } else {
                output.write(byte, preformatted: preformattedDepth > 0, keepNewlines: false)
                position += 1
            }
        }
    }

    private mutating func markup() {
        let start = position
        guard start + 1 < bytes.count else {
            if skipping == nil { output.write(0x3C, preformatted: false, keepNewlines: false) }
            position += 1
            return
        }
        let next = bytes[start + 1]
        if next == 0x21 { // <!
            if matches("<!--", at: start) {
                position = find("-->", from: start + 4).map { $0 + 3 } ?? bytes.count
            } else if matches("<![CDATA[", at: start) {
                let end = find("]]>", from: start + 9) ?? bytes.count
                if skipping == nil {
                    for index in (start + 9)..<end {
                        output.write(bytes[index], preformatted: preformattedDepth > 0, keepNewlines: false)
                    }
                }
                position = min(end + 3, bytes.count)
            } else {
                position = find(0x3E, from: start).map { $0 + 1 } ?? bytes.count
            }
            return
        }
        if next == 0x3F { // <? ... >
            position = find(0x3E, from: start).map { $0 + 1 } ?? bytes.count
            return
        }
        let isEnd = next == 0x2F
        let nameStart = start + (isEnd ? 2 : 1)
        guard nameStart < bytes.count, isLetter(bytes[nameStart]) else {
            // Not a tag: a literal '<' in text.
            if skipping == nil { output.write(0x3C, preformatted: false, keepNewlines: false) }
            position += 1
            return
        }
        var nameEnd = nameStart
        while nameEnd < bytes.count, isNameByte(bytes[nameEnd]) { nameEnd += 1 }
        // The local name (after any prefix), compared as packed bytes, never as a String.
        var localStart = nameStart
        for index in nameStart..<nameEnd where bytes[index] == 0x3A { localStart = index + 1 }
        let nameBytes = UnsafeBufferPointer(rebasing: bytes[localStart..<nameEnd])
        let name = PackedName(nameBytes)
        let tagEnd = tagClose(from: nameEnd)
        let selfClosing = tagEnd > start && tagEnd <= bytes.count && bytes[tagEnd - 1] == 0x3E
            && tagEnd - 2 >= nameEnd && bytes[tagEnd - 2] == 0x2F
        position = tagEnd

        if let skipped = skipping {
            if let name, name == skipped {
                if isEnd {
                    skipDepth -= 1
                    if skipDepth == 0 { skipping = nil }
                } else if !selfClosing {
                    skipDepth += 1
                }
            }
            return
        }
        guard let role = ElementRole.of(nameBytes) else { return }
        switch role {
        case .dropped:
            if !isEnd && !selfClosing, let name {
                skipping = name
                skipDepth = 1
            }
        case .paragraph:
            if name == Self.preformattedName {
                preformattedDepth = max(0, preformattedDepth + (isEnd ? -1 : 1))
            }
            output.requestBreak(2)
        case .line:
            output.requestBreak(1)
        case .cell:
            output.requestSpace()
        }
    }

    /// The index after the `>` ending the tag whose name ended at `start`, honouring quotes.
    private func tagClose(from start: Int) -> Int {
        var index = start
        var quote: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == 0x22 || byte == 0x27 {
                // Only a quote after '=' opens a value; stray quotes elsewhere do not.
                var back = index - 1
                while back >= start, bytes[back] == 0x20 { back -= 1 }
                if back >= start, bytes[back] == 0x3D { quote = byte }
            } else if byte == 0x3E {
                return index + 1
            }
            index += 1
        }
        return bytes.count
    }

    private mutating func reference() {
        let start = position
        var cursor = start + 1
        if cursor < bytes.count, bytes[cursor] == 0x23 { // &#
            cursor += 1
            var radix: UInt32 = 10
            if cursor < bytes.count, bytes[cursor] | 0x20 == 0x78 { radix = 16; cursor += 1 }
            var value: UInt32 = 0
            let digitsStart = cursor
            while cursor < bytes.count, let digit = digitValue(bytes[cursor], radix: radix) {
                value = min(value &* radix &+ digit, 0x110000)
                cursor += 1
            }
            guard cursor > digitsStart else {
                output.write(0x26, preformatted: false, keepNewlines: false)
                position += 1
                return
            }
            if cursor < bytes.count, bytes[cursor] == 0x3B { cursor += 1 }
            position = cursor
            let scalar = CharacterReference.character(forCodePoint: value) ?? "\u{FFFD}"
            output.write(scalar, preformatted: preformattedDepth > 0)
            return
        }
        // Named: the longest name in the table that the text starts with.
        while cursor < bytes.count, cursor - start <= HTMLEntities.longestNameLength,
              isAlphanumeric(bytes[cursor]) {
            cursor += 1
        }
        let hasSemicolon = cursor < bytes.count && bytes[cursor] == 0x3B
        let nameBytes = UnsafeBufferPointer(rebasing: bytes[(start + 1)..<cursor])
        if hasSemicolon, let common = Self.commonEntity(nameBytes) {
            output.write(common, preformatted: preformattedDepth > 0)
            position = cursor + 1
            return
        }
        if hasSemicolon,
           let characters = HTMLEntities.characters(named: String(decoding: nameBytes, as: UTF8.self) + ";") {
            emit(characters)
            position = cursor + 1
            return
        }
        // Legacy names without ';' ("&copy 2024", "&ampx"): try prefixes, longest first.
        var length = nameBytes.count
        while length >= 2 {
            let candidate = String(decoding: UnsafeBufferPointer(rebasing: nameBytes[0..<length]), as: UTF8.self)
            if let characters = HTMLEntities.characters(named: candidate) {
                emit(characters)
                position = start + 1 + length
                return
            }
            length -= 1
        }
        output.write(0x26, preformatted: false, keepNewlines: false)
        position += 1
    }

    /// The entities most text uses, without a table lookup.
    private static func commonEntity(_ name: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        switch name.count {
        case 2:
            if name[0] == 0x6C, name[1] == 0x74 { return "<" }
            if name[0] == 0x67, name[1] == 0x74 { return ">" }
        case 3:
            if name[0] == 0x61, name[1] == 0x6D, name[2] == 0x70 { return "&" }
        case 4:
            if name[0] == 0x71, name[1] == 0x75, name[2] == 0x6F, name[3] == 0x74 { return "\"" }
            if name[0] == 0x6E, name[1] == 0x62, name[2] == 0x73, name[3] == 0x70 { return "\u{A0}" }
            if name[0] == 0x61, name[1] == 0x70, name[2] == 0x6F, name[3] == 0x73 { return "'" }
        default:
            break
        }
        return nil
    }

    private mutating func emit(_ characters: String) {
        for scalar in characters.unicodeScalars {
            output.write(scalar, preformatted: preformattedDepth > 0)
        }
    }

    private func matches(_ prefix: StaticString, at start: Int) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard start + count <= bytes.count else { return false }
        let pattern = prefix.utf8Start
        for offset in 0..<count where lowercased(bytes[start + offset]) != lowercased(pattern[offset]) { return false }
        return true
    }

    private func find(_ byte: UInt8, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    private func find(_ needle: StaticString, from start: Int) -> Int? {
        var index = start
        let first = needle.utf8Start[0]
        while let candidate = find(first, from: index) {
            if matches(needle, at: candidate) { return candidate }
            index = candidate + 1
        }
        return nil
    }

    private func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    private func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 0x30 && byte <= 0x39)
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == 0x2D || byte == 0x3A || byte == 0x5F
    }

    private func digitValue(_ byte: UInt8, radix: UInt32) -> UInt32? {
        let value: UInt32
        switch byte {
        case 0x30...0x39: value = UInt32(byte - 0x30)
        case 0x61...0x66: value = UInt32(byte - 0x61 + 10)
        case 0x41...0x46: value = UInt32(byte - 0x41 + 10)
        default: return nil
        }
        return value < radix ? value : nil
    }
}
