import VigilBytes

/// One pass over the bytes of an HTML document.
struct HTMLScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var output = TextWriter()
    /// The dropped element being skipped, if any (its end tag ends the skip).
    var skipping: PackedName?
    static let preformattedName = PackedName("pre")
    static let blockquoteName = PackedName("blockquote")
    static let maximumQuoteDepth = 4
    var skipDepth = 0
    var preformattedDepth = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // Text is most of a post's bytes and markup rarely expands: room for all of them
        // means one allocation, where half of them meant growing (and copying) once more.
        output.reserve(bytes.count)
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
                var end = Self.plainRunEnd(bytes, from: position + 1)
                while end < bytes.count {
                    let next = bytes[end]
                    if Self.isPlain(next) {
                        end += 1
                        continue
                    }
                    // A single space between two words is already normal: keep it in the run.
                    if next == 0x20, end + 1 < bytes.count, Self.isPlain(bytes[end + 1]) {
                        end += 2
                        continue
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

    /// Where the run of ordinary text starting at `start` may end: the first byte that is
    /// neither plain nor a single space before a plain byte, or a point within eight bytes
    /// of the end, where the byte loop takes over. Most of an entry's text is such runs, so
    /// they are found sixteen bytes a step (each byte's successor from a load one byte on),
    /// then seven a step in a word.
    @inline(__always)
    static func plainRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if index + 17 <= bytes.count, let base = bytes.baseAddress {
            let space = SIMD16<UInt8>(repeating: 0x20), ampersand = SIMD16<UInt8>(repeating: 0x26)
            let lessThan = SIMD16<UInt8>(repeating: 0x3C), lead = SIMD16<UInt8>(repeating: 0xC2)
            while index + 17 <= bytes.count {
                let here = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
                let next = UnsafeRawPointer(base + index + 1).loadUnaligned(as: SIMD16<UInt8>.self)
                let special = (here .< space) .| (here .== ampersand) .| (here .== lessThan) .| (here .== lead)
                let specialNext = (next .<= space) .| (next .== ampersand) .| (next .== lessThan) .| (next .== lead)
                let stops = special .| ((here .== space) .& specialNext)
                if any(stops) {
                    for lane in 0..<16 where stops[lane] { return index + lane }
                }
                index += 16
            }
        }
        while index + 8 <= bytes.count {
            let word = ByteLanes.load(bytes, at: index)
            let special = ByteLanes.less(word, than: 0x20) | ByteLanes.equal(word, 0x26)
                | ByteLanes.equal(word, 0x3C) | ByteLanes.equal(word, 0xC2)
            let space = ByteLanes.equal(word, 0x20)
            // A space ends the run unless the byte after it is plain (lane k + 1 shifted onto lane k).
            let stops = (special | (space & ((special | space) >> 8))) & 0x0080_8080_8080_8080
            if stops != 0 { return index + ByteLanes.firstLane(stops) }
            index += 7
        }
        return index
    }

    /// Whether a byte is ordinary text: not whitespace or a control, not `<`, `&`, or the
    /// lead byte of U+00A0 (0xC2). One bit test, no branches per class.
    @inline(__always)
    static func isPlain(_ byte: UInt8) -> Bool {
        // Below 0x40 a bit mask decides (controls, space, `&`, `<` are not plain); above,
        // only 0xC2 is not. Both are computed and one selected, so no branch mispredicts.
        let lowMask = ~UInt64(0x1_FFFF_FFFF) & ~(UInt64(1) << 0x26) & ~(UInt64(1) << 0x3C)
        let low = (lowMask >> UInt64(byte & 63)) & 1 == 1
        let high = byte != 0xC2
        return byte < 0x40 ? low : high
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
        guard nameStart < bytes.count, Self.isLetter(bytes[nameStart]) else {
            // Not a tag: a literal '<' in text.
            if skipping == nil { output.write(0x3C, preformatted: false, keepNewlines: false) }
            position += 1
            return
        }
        var nameEnd = nameStart
        while nameEnd < bytes.count, Self.isNameByte(bytes[nameEnd]) { nameEnd += 1 }
        // The local name (after any prefix), compared as packed bytes, never as a String.
        var localStart = nameStart
        for index in nameStart..<nameEnd where bytes[index] == 0x3A { localStart = index + 1 }
        let nameBytes = UnsafeBufferPointer(rebasing: bytes[localStart..<nameEnd])
        let name = PackedName(nameBytes)
        let tagEnd = Self.tagEnd(in: bytes, after: nameEnd)
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
        guard let name, let role = ElementRole.of(name) else { return }
        switch role {
        case .dropped:
            if !isEnd && !selfClosing {
                skipping = name
                skipDepth = 1
            }
        case .paragraph:
            if name == Self.preformattedName {
                preformattedDepth = max(0, preformattedDepth + (isEnd ? -1 : 1))
            } else if name == Self.blockquoteName, !selfClosing {
                output.requestBreak(2)
                // Deeper nesting adds nothing a reader needs and would let a hostile
                // entry multiply its size with prefixes.
                output.quoteDepth = min(Self.maximumQuoteDepth, max(0, output.quoteDepth + (isEnd ? -1 : 1)))
            }
            output.requestBreak(2)
        case .line:
            output.requestBreak(1)
        case .cell:
            output.requestSpace()
        }
    }

    /// The index after the `>` ending the tag whose name ended at `start`, honouring quotes.
    /// The page outline cuts pages at the same tag ends, so both read markup alike.
    static func tagEnd(in bytes: UnsafeBufferPointer<UInt8>, after start: Int) -> Int {
        // Most tags (`<p>`, `</em>`) end right after their name.
        if start < bytes.count, bytes[start] == 0x3E { return start + 1 }
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
            while cursor < bytes.count, let digit = ASCIIDigit.value(bytes[cursor], radix: radix) {
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
              Self.isAlphanumeric(bytes[cursor]) {
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
        case 5:
            // Typographic punctuation, as common in posts as the markup characters.
            if equals(name, "mdash") { return "\u{2014}" }
            if equals(name, "ndash") { return "\u{2013}" }
            if equals(name, "rsquo") { return "\u{2019}" }
            if equals(name, "lsquo") { return "\u{2018}" }
            if equals(name, "ldquo") { return "\u{201C}" }
            if equals(name, "rdquo") { return "\u{201D}" }
        case 6:
            if equals(name, "hellip") { return "\u{2026}" }
        default:
            break
        }
        return nil
    }

    private static func equals(_ name: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard name.count == literal.utf8CodeUnitCount else { return false }
        let pattern = literal.utf8Start
        for index in 0..<name.count where name[index] != pattern[index] { return false }
        return true
    }

    private mutating func emit(_ characters: String) {
        for scalar in characters.unicodeScalars {
            output.write(scalar, preformatted: preformattedDepth > 0)
        }
    }

    private func matches(_ prefix: StaticString, at start: Int) -> Bool {
        bytes.matchesIgnoringASCIICase(prefix, at: start)
    }

    private func find(_ byte: UInt8, from start: Int) -> Int? {
        bytes.firstIndex(of: byte, from: start)
    }

    private func find(_ needle: StaticString, from start: Int) -> Int? {
        bytes.firstIndex(ofIgnoringASCIICase: needle, from: start)
    }


    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 0x30 && byte <= 0x39)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == 0x2D || byte == 0x3A || byte == 0x5F
    }
}
