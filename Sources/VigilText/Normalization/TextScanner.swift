/// Walks the UTF-8 of a text once and emits its normalised form: every scalar
/// folded (`ScalarFold`), invisible characters dropped, each run of whitespace
/// and separators (line breaks, HTML tags, `&nbsp;`) turned into one space, and
/// no space at all between two characters of a script written without spaces,
/// so that "エイダ・ラブレス", "エイダ ラブレス" and "エイダラブレス" read the same.
struct TextScanner: Sendable {
    let table: FoldTable

    init(table: FoldTable = .shared) {
        self.table = table
    }

    /// ASCII bytes folded: upper case to lower case, controls and whitespace to
    /// `separatorByte`, the openers of tags and entities to `specialByte`,
    /// everything else unchanged.
    static let asciiFold: [UInt8] = (0..<128).map { (byte: Int) -> UInt8 in
        switch byte {
        case 0x41...0x5A: return UInt8(byte + 0x20)
        case 0x00...0x20, 0x7F: return separatorByte
        case 0x3C, 0x26: return specialByte
        default: return UInt8(byte)
        }
    }
    /// Marks "<" and "&", which may open a tag or an entity.
    static let specialByte: UInt8 = 0x80
    static let separatorByte: UInt8 = 0x20

    /// Letters, digits and the underscore: bytes that continue a word.
    @inline(__always)
    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
    }

    func scan<Sink: NormalizedByteSink>(_ bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        TextScanner.asciiFold.withUnsafeBufferPointer { ascii in
            table.basic.withUnsafeBufferPointer { basic in
                table.pool.withUnsafeBufferPointer { pool in
                    // A local copy the optimiser can keep in registers: the sink's state
                    // (an automaton's current row) is on the critical path of every byte.
                    var local = sink
                    scan(bytes, ascii: ascii, basic: basic, pool: pool, into: &local)
                    sink = local
                }
            }
        }
    }

    @inline(__always)
    private func scan<Sink: NormalizedByteSink>(
        _ bytes: UnsafeBufferPointer<UInt8>,
        ascii: UnsafeBufferPointer<UInt8>,
        basic: UnsafeBufferPointer<UInt32>,
        pool: UnsafeBufferPointer<UInt8>,
        into sink: inout Sink
    ) {
        let count = bytes.count
        var index = 0
        var emittedAnything = false
        var pendingSeparator: Int32 = -1
        var previousBoundaryFree = false
        while index < count {
            index = sink.consumeASCII(
                bytes, from: index,
                pendingSeparator: &pendingSeparator, emittedAnything: &emittedAnything, previousBoundaryFree: &previousBoundaryFree
            )
            if index >= count { break }
            let byte = bytes[index]
            if byte < 0x80 {
                let folded = ascii[Int(byte)]
                if folded &- 0x21 < 0x5F {
                    // The common case: a visible ASCII character other than "<" and "&".
                    if pendingSeparator >= 0 {
                        sink.take(TextScanner.separatorByte, origin: pendingSeparator, first: true, last: true)
                        pendingSeparator = -1
                    }
                    sink.take(folded, origin: Int32(truncatingIfNeeded: index), first: true, last: true)
                    emittedAnything = true
                    previousBoundaryFree = false
                    index += 1
                    continue
                }
                if folded == TextScanner.separatorByte {
                    if pendingSeparator < 0, emittedAnything { pendingSeparator = Int32(index) }
                    index += 1
                    continue
                }
                if byte == 0x3C /* < */, let end = TextScanner.tagEnd(in: bytes, from: index) {
                    if pendingSeparator < 0, emittedAnything { pendingSeparator = Int32(index) }
                    index = end
                    continue
                }
                if byte == 0x26 /* & */, let end = TextScanner.spaceEntityEnd(in: bytes, from: index) {
                    if pendingSeparator < 0, emittedAnything { pendingSeparator = Int32(index) }
                    index = end
                    continue
                }
                if pendingSeparator >= 0 {
                    sink.take(TextScanner.separatorByte, origin: pendingSeparator, first: true, last: true)
                    pendingSeparator = -1
                }
                sink.take(byte, origin: Int32(index), first: true, last: true)
                emittedAnything = true
                previousBoundaryFree = false
                index += 1
                continue
            }
            let (value, length) = TextScanner.decode(bytes, at: index)
            let entry = value < 0x10000 ? basic[Int(value)] : table.entry(value)
            if entry & FoldTable.removedFlag != 0 {
                index += length
                continue
            }
            if entry & FoldTable.separatorFlag != 0 {
                if pendingSeparator < 0, emittedAnything { pendingSeparator = Int32(index) }
                index += length
                continue
            }
            let boundaryFree = entry & FoldTable.boundaryFreeFlag != 0
            if pendingSeparator >= 0 {
                if !(boundaryFree && previousBoundaryFree) {
                    sink.take(TextScanner.separatorByte, origin: pendingSeparator, first: true, last: true)
                }
                pendingSeparator = -1
            }
            let origin = Int32(index)
            let foldedLength = Int((entry >> FoldTable.lengthShift) & FoldTable.lengthMask)
            if foldedLength == 0 {
                for offset in 0..<length {
                    sink.take(bytes[index + offset], origin: origin, first: offset == 0, last: offset == length - 1)
                }
            } else {
                let start = Int(entry & FoldTable.offsetMask)
                for offset in 0..<foldedLength {
                    sink.take(pool[start + offset], origin: origin, first: offset == 0, last: offset == foldedLength - 1)
                }
            }
            emittedAnything = true
            previousBoundaryFree = boundaryFree
            index += length
        }
    }

    /// Decodes the scalar whose lead byte is at `index` (the text is valid UTF-8:
    /// it came from a Swift `String`).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0xE0 {
            return (((lead & 0x1F) << 6) | (UInt32(bytes[index + 1]) & 0x3F), 2)
        }
        if lead < 0xF0 {
            return (((lead & 0x0F) << 12) | ((UInt32(bytes[index + 1]) & 0x3F) << 6) | (UInt32(bytes[index + 2]) & 0x3F), 3)
        }
        return (((lead & 0x07) << 18) | ((UInt32(bytes[index + 1]) & 0x3F) << 12)
            | ((UInt32(bytes[index + 2]) & 0x3F) << 6) | (UInt32(bytes[index + 3]) & 0x3F), 4)
    }

    /// UTF-8 length of the scalar whose lead byte is `lead`.
    @inline(__always)
    static func scalarLength(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// If an HTML tag (`<b>`, `</a>`, `<br/>`, `<!-- ... -->`) starts at `index`,
    /// the offset just past it. Text that merely contains "<" ("a < b") is not a tag.
    static func tagEnd(in bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int? {
        var next = index + 1
        guard next < bytes.count else { return nil }
        if bytes[next] == 0x2F /* / */ { next += 1 }
        guard next < bytes.count else { return nil }
        let opener = bytes[next]
        let isLetter = (opener | 0x20) >= 0x61 && (opener | 0x20) <= 0x7A
        guard isLetter || opener == 0x21 /* ! */ else { return nil }
        let limit = Swift.min(bytes.count, index + 1024)
        var scan = next + 1
        while scan < limit {
            let byte = bytes[scan]
            if byte == 0x3E /* > */ { return scan + 1 }
            if byte == 0x3C /* < */ { return nil }
            scan += 1
        }
        return nil
    }

    /// If a no-break-space entity (`&nbsp;`, `&#160;`, `&#xa0;`) starts at `index`,
    /// the offset just past it.
    static func spaceEntityEnd(in bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int? {
        for entity in spaceEntities where index + entity.count <= bytes.count {
            var matches = true
            for (offset, expected) in entity.enumerated() where bytes[index + offset] | (expected >= 0x61 ? 0x20 : 0) != expected {
                matches = false
                break
            }
            if matches { return index + entity.count }
        }
        return nil
    }

    private static let spaceEntities: [[UInt8]] = ["&nbsp;", "&#160;", "&#xa0;"].map { Array($0.utf8) }
}
