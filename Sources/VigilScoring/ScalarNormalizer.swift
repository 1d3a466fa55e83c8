/// The first feature pass over a sentence: lower-cases, maps digits to `0` and
/// curly apostrophes to `'`, collapses whitespace runs to one space (or a newline),
/// and counts the character statistics on the way. Its state is a struct rather
/// than variables captured by nested functions, which Swift would box and check
/// for exclusive access at every step.
struct ScalarNormalizer {
    private let out: UnsafeMutableBufferPointer<UInt32>
    private var used = 0
    private var stats = TextStatistics()
    private var pendingSpace = false
    private var pendingNewline = false
    private var linePosition = 0
    private var lineFirst: UInt32 = 0
    private var lineSecond: UInt32 = 0
    private var previous: UInt32 = 0
    private var upperRun = 0
    private var runHasLower = false
    private var remaining: Int

    /// `out` has room for every scalar to be read plus two; at most `budget` are read.
    init(out: UnsafeMutableBufferPointer<UInt32>, budget: Int) {
        self.out = out
        remaining = budget
        append(32)
    }

    @inline(__always)
    private mutating func append(_ value: UInt32) {
        out[used] = value
        used += 1
    }

    private mutating func endLine() {
        if linePosition > 0 {
            stats.lines += 1
            if lineFirst == 35 {
                stats.headings += 1
            } else if (lineFirst == 45 || lineFirst == 42 || lineFirst == 43 || lineFirst == 0x2022) && lineSecond == 32 {
                stats.listLines += 1
            } else if (48...57).contains(lineFirst) && (lineSecond == 46 || lineSecond == 41) {
                stats.listLines += 1
            }
        }
        linePosition = 0
    }

    @inline(__always)
    private mutating func endLetterRun() {
        if upperRun >= 3 && !runHasLower { stats.allCapsWords += 1 }
        upperRun = 0
        runHasLower = false
    }

    /// Reads one scalar; false once the scalar budget is spent.
    @inline(__always)
    mutating func visit(_ scalar: Unicode.Scalar) -> Bool {
        if remaining == 0 { return false }
        remaining -= 1
        let value = scalar.value
        stats.scalars += 1
        let isSpace = value == 32 || (9...13).contains(value)
            || (value >= 128 && (value == 0xA0 || value == 0x2028 || value == 0x2029 || scalar.properties.isWhitespace))
        if isSpace {
            if linePosition == 1 { lineSecond = 32; linePosition = 2 }
            if value == 10 || value == 13 || value == 0x2028 || value == 0x2029 {
                endLine()
                pendingNewline = true
            }
            pendingSpace = true
            endLetterRun()
            previous = value
            return true
        }
        if pendingSpace {
            append(pendingNewline ? 10 : 32)
            pendingSpace = false
            pendingNewline = false
        }
        if linePosition == 0 { lineFirst = value } else if linePosition == 1 { lineSecond = value }
        if linePosition < 2 { linePosition += 1 }

        var mapped = value
        if value < 128 {
            switch value {
            case 65...90:
                stats.letters += 1; stats.uppercase += 1; upperRun += 1
                mapped = value + 32
            case 97...122:
                stats.letters += 1; runHasLower = true
            case 48...57:
                stats.digits += 1; mapped = 48; endLetterRun()
            default:
                endLetterRun()
                if value != 95 { stats.punctuation += 1 }
                if value == 33 { stats.exclamations += 1 }
                if value == 96 { stats.backticks += 1 }
                if value == 42 && previous == 42 { stats.bold += 1 }
                if value == 45 && previous == 45 { stats.emDashes += 1 }
            }
        } else {
            mapped = nonASCII(scalar)
        }
        append(mapped)
        previous = value
        return true
    }

    /// Reads the lower-case ASCII letters that start `bytes[index...]`, when the
    /// scalar before them left nothing pending (inside a word, past a line's first
    /// two scalars), in a loop that keeps its state in registers; returns how many
    /// bytes it read (0 when it cannot take the fast path). Same effect as
    /// `visit` on each of them: most of a text is such runs.
    @inline(__always)
    mutating func lowercaseRun(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        guard !pendingSpace, linePosition >= 2 else { return 0 }
        var position = index
        var written = used
        let end = index + min(bytes.count - index, remaining)
        while position < end {
            let byte = bytes[position]
            guard byte >= 97 && byte <= 122 else { break }
            out[written] = UInt32(byte)
            written += 1
            position += 1
        }
        let read = position - index
        guard read > 0 else { return 0 }
        used = written
        remaining -= read
        stats.scalars += read
        stats.letters += read
        runHasLower = true
        previous = UInt32(bytes[position - 1])
        return read
    }

    private mutating func nonASCII(_ scalar: Unicode.Scalar) -> UInt32 {
        let value = scalar.value
        if value == 0x2019 || value == 0x2018 || value == 0x02BC {
            stats.punctuation += 1
            return 39
        }
        if value == 0x2014 {
            stats.emDashes += 1; stats.punctuation += 1; endLetterRun()
            return value
        }
        let properties = scalar.properties
        if properties.isAlphabetic {
            stats.letters += 1
            if properties.isUppercase {
                stats.uppercase += 1; upperRun += 1
                if let lower = properties.lowercaseMapping.unicodeScalars.first { return lower.value }
            } else {
                runHasLower = true
            }
        } else if properties.numericType != nil {
            stats.digits += 1; endLetterRun()
        } else if (0x1F300...0x1FAFF).contains(value) || (0x2600...0x27BF).contains(value) {
            stats.emoji += 1; endLetterRun()
        } else {
            stats.punctuation += 1; endLetterRun()
        }
        return value
    }

    /// Ends the text: merges the character statistics into `statistics` (which
    /// holds none yet) and returns how many scalars were written.
    mutating func finish(_ statistics: inout TextStatistics) -> Int {
        endLine()
        endLetterRun()
        append(32)
        statistics = stats
        return used
    }
}
