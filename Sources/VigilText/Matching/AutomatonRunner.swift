/// Runs the name automaton over normalised bytes as the scanner produces them,
/// remembering in a small ring where each recent byte came from, so that a
/// match found at its last byte can be traced back to where it began.
///
/// The automaton reads symbols, not bytes: an ASCII letter or digit that begins
/// a word is a symbol of its own (`wordStartFlag` added), and the watchlist's
/// patterns are spelled the same way. A name can then only begin where a word
/// begins, so inside words the automaton idles at its root instead of chasing
/// name prefixes ("ken" in "token"), whatever the size of the watchlist, at no
/// cost per byte beyond one bit of state.
///
/// The runner keeps few values on purpose: its state is on the critical path of
/// every byte and must stay in registers inside the scanner's loop.
struct AutomatonRunner: NormalizedByteSink {
    static let wordStartFlag: UInt16 = 0x100
    /// Patterns are at most `WatchlistPatterns.maximumLength` bytes, so 256
    /// recent origins always cover the longest one.
    static let ringSize = 256
    private static let ringMask = ringSize - 1
    private let transitions: UnsafeBufferPointer<UInt32>
    private let classes: UnsafeBufferPointer<UInt16>
    private let ascii: ASCIITables
    /// Origin of each recent byte; negative (bitwise complement) when the byte
    /// does not begin its scalar's folded form.
    private let origins: UnsafeMutableBufferPointer<Int32>
    private let acceptingRow: UInt32
    private let deepRow: UInt32
    private let sparseRow: UInt32
    /// Held by reference so that recording a match never takes the runner's address.
    let found: CandidateList
    private var row: UInt32 = 0
    private var position = 0
    private var previousWasWord: UInt16 = 0
    /// The deep state the automaton is in while `row` is `deepRow`.
    private var deep: UInt32 = 0

    /// `ASCIIShortcuts`, as the pointers the loop reads.
    struct ASCIITables {
        let kinds: UnsafeBufferPointer<UInt8>
        let classes: UnsafeBufferPointer<UInt16>
        let deadPairs: UnsafeBufferPointer<UInt64>
        let separatorStaysAtRoot: Bool
    }

    init(
        transitions: UnsafeBufferPointer<UInt32>,
        classes: UnsafeBufferPointer<UInt16>,
        ascii: ASCIITables,
        origins: UnsafeMutableBufferPointer<Int32>,
        found: CandidateList
    ) {
        self.transitions = transitions
        self.classes = classes
        self.ascii = ascii
        self.origins = origins
        self.found = found
        self.acceptingRow = found.automaton.acceptingRow
        self.deepRow = found.automaton.deepRow
        self.sparseRow = found.automaton.sparseRow
    }

    /// One step of the automaton on `symbolClass`, recording what ends there.
    /// The common case is one lookup and one comparison; past `acceptingRow` a
    /// pattern may end, or the automaton is in or entering a deep state, which
    /// it walks aside from the table (see `NameAutomaton`).
    @inline(__always)
    private mutating func step(class symbolClass: UInt16, origin: Int32, last: Bool) {
        row = transitions[Int(row) + Int(symbolClass)]
        guard row >= acceptingRow else { return }
        var state = row
        if row == deepRow { state = found.automaton.step(fromDeep: deep, class: symbolClass) }
        if state >= sparseRow {
            deep = state
            row = deepRow
        } else {
            row = state
        }
        if state >= acceptingRow, last {
            found.record(row: state, endingAt: position, origin: origin, origins: origins)
        }
    }

    @inline(__always)
    mutating func take(_ byte: UInt8, origin: Int32, first: Bool, last: Bool) {
        let isWord: UInt16 = TextScanner.isASCIIWordByte(byte) ? 1 : 0
        let symbol = UInt16(byte) | ((isWord & ~previousWasWord) << 8)
        previousWasWord = isWord
        origins[position & AutomatonRunner.ringMask] = first ? origin : ~origin
        step(class: classes[Int(symbol)], origin: origin, last: last)
        position &+= 1
    }

    /// Feeds one ASCII byte whose class is known (see `ASCIIShortcuts.classes`).
    @inline(__always)
    private mutating func feed(class symbolClass: UInt16, origin: Int) {
        origins[position & AutomatonRunner.ringMask] = Int32(truncatingIfNeeded: origin)
        step(class: symbolClass, origin: Int32(truncatingIfNeeded: origin), last: true)
        position &+= 1
    }

    /// Reads plain ASCII from `start` exactly as the scanner would feed it, but
    /// word by word, and returns where it stopped (non-ASCII, "<", "&", the end).
    ///
    /// At the root, text that would lead straight back to the root is not fed at
    /// all: no match can begin before the byte that leaves the root, so neither
    /// the ring nor the position need it. That is a word whose first two letters
    /// lead back to the root (`ASCIIShortcuts.deadPairs`), the rest of any word
    /// once the root is reached again (patterns begin where words begin), and
    /// punctuation the root ignores. Whitespace becomes the scanner's pending
    /// separator, fed before the next visible byte, or spent silently at the root
    /// when the separator leads back to it.
    ///
    /// Kept out of line: as a function of its own, the loop gets the registers
    /// it needs whatever the scanner around it does, and measures steadier.
    @inline(never)
    mutating func consumeASCII(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int,
        pendingSeparator: inout Int32, emittedAnything: inout Bool, previousBoundaryFree: inout Bool
    ) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let count = bytes.count
        var index = start
        var pending = pendingSeparator
        var emitted = emittedAnything
        var visibleSeen = false
        // A pending separator has not reached the automaton yet; once it has, the
        // previous byte is a space.
        var wasWord = pending >= 0 ? false : previousWasWord != 0
        while index < count {
            let kind = ascii.kinds[Int(base[index])]
            if kind == ASCIIShortcuts.whitespace {
                if pending < 0, emitted { pending = Int32(truncatingIfNeeded: index) }
                wasWord = false
                index += 1
                continue
            }
            if kind == ASCIIShortcuts.stop { break }
            if pending >= 0 {
                if row != 0 || !ascii.separatorStaysAtRoot {
                    feed(class: ascii.classes[Int(TextScanner.separatorByte)], origin: Int(pending))
                }
                pending = -1
            }
            emitted = true
            visibleSeen = true
            if kind != ASCIIShortcuts.word {
                if row != 0 || kind == ASCIIShortcuts.punctuation {
                    feed(class: ascii.classes[Int(base[index])], origin: index)
                }
                wasWord = false
                index += 1
                continue
            }
            let end = AutomatonRunner.wordEnd(base, after: index, count: count)
            var next = index
            if row == 0 {
                if wasWord {
                    next = end
                } else if end - index >= 2 {
                    let pair = Int(base[index]) | Int(base[index + 1]) << 8
                    if ascii.deadPairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 { next = end }
                }
            }
            while next < end {
                feed(class: ascii.classes[(wasWord ? 256 : 0) | Int(base[next])], origin: next)
                wasWord = true
                next += 1
                if row == 0 { break }
            }
            wasWord = true
            index = end
            // Most words end at a plain space: take it here rather than in another turn of the loop.
            if index < count, base[index] == 0x20 {
                if pending < 0 { pending = Int32(truncatingIfNeeded: index) }
                wasWord = false
                index += 1
            }
        }
        if index != start {
            previousWasWord = wasWord ? 1 : 0
            pendingSeparator = pending
            emittedAnything = emitted
            if visibleSeen { previousBoundaryFree = false }
        }
        return index
    }

    /// Where the run of ASCII letters, digits and underscores that continues
    /// the word byte at `index` ends, eight bytes at a time.
    @inline(__always)
    static func wordEnd(_ base: UnsafePointer<UInt8>, after index: Int, count: Int) -> Int {
        var at = index &+ 1
        while at &+ 8 <= count {
            let chunk = UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
            let notWord = ~wordBytes(chunk) & 0x8080_8080_8080_8080
            if notWord != 0 { return at &+ notWord.trailingZeroBitCount &>> 3 }
            at &+= 8
        }
        while at < count, TextScanner.isASCIIWordByte(base[at]) { at &+= 1 }
        return at
    }

    /// The high bit of each byte of `chunk` set when that byte is an ASCII
    /// letter, digit or underscore. Each test adds a constant to the low seven
    /// bits of every byte, which can never carry into the next byte.
    @inline(__always)
    static func wordBytes(_ chunk: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let low = chunk & ~high
        let lower = low | (0x20 &* ones)
        // Bit 7 of (x + 0x80 - a) is set when x >= a; of (x + 0x7F - b) when x > b.
        let letters = (lower &+ (0x80 - 0x61) &* ones) & ~(lower &+ (0x7F - 0x7A) &* ones)
        let digits = (low &+ (0x80 - 0x30) &* ones) & ~(low &+ (0x7F - 0x39) &* ones)
        let underscores = (low &+ (0x80 - 0x5F) &* ones) & ~(low &+ (0x7F - 0x5F) &* ones)
        return (letters | digits | underscores) & ~chunk & high
    }
}
