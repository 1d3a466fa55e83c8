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
    private let idleActions: UnsafeBufferPointer<UInt8>
    /// Origin of each recent byte; negative (bitwise complement) when the byte
    /// does not begin its scalar's folded form.
    private let origins: UnsafeMutableBufferPointer<Int32>
    private let acceptingRow: UInt32
    /// Held by reference so that recording a match never takes the runner's address.
    let found: CandidateList
    private var row: UInt32 = 0
    private var position = 0
    private var previousWasWord: UInt16 = 0

    init(
        transitions: UnsafeBufferPointer<UInt32>,
        classes: UnsafeBufferPointer<UInt16>,
        idleActions: UnsafeBufferPointer<UInt8>,
        origins: UnsafeMutableBufferPointer<Int32>,
        found: CandidateList
    ) {
        self.transitions = transitions
        self.classes = classes
        self.idleActions = idleActions
        self.origins = origins
        self.found = found
        self.acceptingRow = found.automaton.acceptingRow
    }

    @inline(__always)
    mutating func take(_ byte: UInt8, origin: Int32, first: Bool, last: Bool) {
        let isWord: UInt16 = TextScanner.isASCIIWordByte(byte) ? 1 : 0
        let symbol = UInt16(byte) | ((isWord & ~previousWasWord) << 8)
        previousWasWord = isWord
        origins[position & AutomatonRunner.ringMask] = first ? origin : ~origin
        row = transitions[Int(row) + Int(classes[Int(symbol)])]
        if row >= acceptingRow, last {
            found.record(row: row, endingAt: position, origin: origin, origins: origins)
        }
        position &+= 1
    }

    /// At the root, a byte that leads back to the root changes nothing but
    /// `previousWasWord`: no match can begin before the byte that leaves the root,
    /// so neither the ring nor the position need it. Whitespace skipped here is
    /// still noted as pending, exactly as the scanner would, and a pending
    /// separator before a byte that stays at the root is spent (a separator leads
    /// back to the root too, or the table would skip nothing).
    ///
    /// Once a word has begun without leaving the root, the rest of it cannot leave
    /// the root either (patterns begin at word starts; the table is built only if
    /// so), and the innermost loop runs over it testing one flag per byte.
    @inline(__always)
    mutating func skipIdle(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int,
        pendingSeparator: inout Int32, emittedAnything: inout Bool, previousBoundaryFree: inout Bool
    ) -> Int {
        guard row == 0 else { return start }
        let count = bytes.count
        var index = start
        // A pending separator has not reached the automaton yet; once it has, the
        // previous byte is a space.
        var wasWord = pendingSeparator >= 0 ? 0 : Int(previousWasWord)
        var pending = pendingSeparator
        var emitted = emittedAnything
        var visibleSeen = false
        while index < count {
            let action = idleActions[wasWord << 8 | Int(bytes[index])]
            if action == NameAutomaton.idleStayInWord {
                index += 1
                while index < count, idleActions[NameAutomaton.idleWordFlags + Int(bytes[index])] != 0 { index += 1 }
                wasWord = 1
                pending = -1
                emitted = true
                visibleSeen = true
            } else if action == NameAutomaton.idleStayOutsideWord {
                index += 1
                wasWord = 0
                pending = -1
                emitted = true
                visibleSeen = true
            } else if action == NameAutomaton.idleWhitespace {
                if pending < 0, emitted { pending = Int32(truncatingIfNeeded: index) }
                index += 1
                wasWord = 0
            } else {
                break
            }
        }
        if index != start {
            previousWasWord = UInt16(wasWord)
            pendingSeparator = pending
            emittedAnything = emitted
            if visibleSeen { previousBoundaryFree = false }
        }
        return index
    }
}
