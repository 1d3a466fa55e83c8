/// Stretches of a text that are code: Markdown fences (``` or ~~~), inline
/// `code` spans, and HTML <pre> and <code> elements. Identifiers in code
/// ("ann = annual_total()", a commit trailer in a log) are not people being
/// talked about, so the matcher reports nothing inside them.
struct CodeRegions {
    /// Sorted, disjoint UTF-8 byte ranges of the original text.
    private(set) var ranges: [Range<Int>] = []
    /// Regions are known only if they begin before this offset.
    private let limit: Int

    /// The code regions of `bytes` that begin before `limit`, which is all that
    /// `overlaps` needs for ranges ending at or before it: the matcher asks about
    /// candidates only, and a text's last candidate is often far from its end.
    init(_ bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int? = nil) {
        self.limit = min(limit ?? bytes.count, bytes.count)
        var hasBacktickOrTilde = false
        var hasAngle = false
        for byte in UnsafeBufferPointer(rebasing: bytes[..<self.limit]) {
            if byte == 0x60 || byte == 0x7E { hasBacktickOrTilde = true }
            if byte == 0x3C { hasAngle = true }
        }
        if hasBacktickOrTilde { addMarkdownCode(bytes) }
        if hasAngle {
            addElements(named: "pre", in: bytes)
            addElements(named: "code", in: bytes)
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
    }

    /// Whether the byte range `range` (ending at or before `limit`) touches code.
    func overlaps(_ range: Range<Int>) -> Bool {
        assert(range.upperBound <= limit, "code regions are known only up to \(limit)")
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound <= range.lowerBound { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].lowerBound < range.upperBound
    }

    private mutating func addMarkdownCode(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        var lineStart = true
        while index < limit {
            let byte = bytes[index]
            if lineStart, let fenceEnd = fence(in: bytes, at: index) {
                // A fenced block runs to the next line that opens with the same fence, or to the end.
                let fenceByte = bytes[index]
                var scan = fenceEnd
                var closed = bytes.count
                while scan < bytes.count {
                    if bytes[scan] == 0x0A, let after = lineContentStart(bytes, scan + 1),
                       after < bytes.count, bytes[after] == fenceByte, let close = fence(in: bytes, at: after) {
                        closed = close
                        break
                    }
                    scan += 1
                }
                ranges.append(index..<closed)
                index = closed
                lineStart = false
                continue
            }
            if byte == 0x60 {
                // An inline span: a run of backticks closed by an equal run on the same line.
                var run = 0
                while index + run < bytes.count, bytes[index + run] == 0x60 { run += 1 }
                var scan = index + run
                var closed: Int?
                while scan < bytes.count, bytes[scan] != 0x0A {
                    if bytes[scan] == 0x60 {
                        var closing = 0
                        while scan + closing < bytes.count, bytes[scan + closing] == 0x60 { closing += 1 }
                        if closing == run { closed = scan + closing; break }
                        scan += closing
                        continue
                    }
                    scan += 1
                }
                if let closed {
                    ranges.append(index..<closed)
                    index = closed
                } else {
                    index += run
                }
                lineStart = false
                continue
            }
            if byte == 0x0A {
                lineStart = true
                index += 1
                if let content = lineContentStart(bytes, index) { index = content }
                continue
            }
            lineStart = false
            index += 1
            // Inside a line only a backtick or the line's end can matter.
            while index < limit, bytes[index] != 0x60, bytes[index] != 0x0A { index += 1 }
        }
    }

    /// The offset after up to three spaces of indentation at `index`.
    private func lineContentStart(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int? {
        var scan = index
        while scan < bytes.count, scan - index < 3, bytes[scan] == 0x20 { scan += 1 }
        return scan
    }

    /// The end of a fence (three or more backticks or tildes) at `index`.
    private func fence(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let byte = bytes[index]
        guard byte == 0x60 || byte == 0x7E else { return nil }
        var run = 0
        while index + run < bytes.count, bytes[index + run] == byte { run += 1 }
        return run >= 3 ? index + run : nil
    }

    private mutating func addElements(named name: String, in bytes: UnsafeBufferPointer<UInt8>) {
        let open = Array("<\(name)".utf8)
        let close = Array("</\(name)>".utf8)
        var index = 0
        while let start = find(open, in: bytes, from: index), start < limit {
            let after = start + open.count
            guard after < bytes.count, bytes[after] == 0x3E || bytes[after] == 0x20 || bytes[after] == 0x09 || bytes[after] == 0x0A else {
                index = after
                continue
            }
            let end = find(close, in: bytes, from: after).map { $0 + close.count } ?? bytes.count
            ranges.append(start..<end)
            index = end
        }
    }

    /// Case-insensitive search for ASCII `needle`.
    private func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            // Every needle starts with "<": get to the next one first.
            while index + needle.count <= bytes.count, bytes[index] != needle[0] { index += 1 }
            guard index + needle.count <= bytes.count else { return nil }
            var matches = true
            for (offset, expected) in needle.enumerated() {
                var byte = bytes[index + offset]
                if byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
                if byte != expected { matches = false; break }
            }
            if matches { return index }
            index += 1
        }
        return nil
    }
}
