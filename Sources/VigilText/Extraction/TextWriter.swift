/// Accumulates output bytes, deciding spaces and line breaks lazily so that
/// whitespace never doubles up and never trails.
struct TextWriter {
    var output: [UInt8] = []
    private var pendingBreaks = 0
    private var pendingSpace = false
    private var previousWasCarriageReturn = false
    /// Lines inside this many `<blockquote>`s start with as many `> `, so the
    /// scorer can tell a quoted attack from the words of the one quoting it.
    var quoteDepth = 0
    private var atLineStart = true

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
            flushPendingWhitespace()
            output.append(byte)
        }
    }

    /// Writes bytes known to hold no whitespace and no markup.
    mutating func writeRun(_ run: UnsafeBufferPointer<UInt8>) {
        guard !run.isEmpty else { return }
        flushPendingWhitespace()
        previousWasCarriageReturn = false
        output.append(contentsOf: run)
    }

    /// Writes the line breaks or the space held back since the last visible byte:
    /// whitespace is written only once something visible follows it, so the text
    /// never starts or ends with it.
    @inline(__always)
    private mutating func flushPendingWhitespace() {
        if !output.isEmpty {
            if pendingBreaks > 0 {
                for _ in 0..<pendingBreaks { output.append(0x0A) }
                atLineStart = true
            } else if pendingSpace, !atLineStart {
                output.append(0x20)
            }
        }
        if atLineStart, quoteDepth > 0 {
            for _ in 0..<quoteDepth { output.append(contentsOf: [0x3E, 0x20]) }
        }
        atLineStart = false
        pendingBreaks = 0
        pendingSpace = false
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
