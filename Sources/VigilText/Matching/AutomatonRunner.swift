/// Runs the name automaton over normalised bytes as the scanner produces them,
/// remembering in small rings where each recent byte came from and what it was,
/// so that a match found at its last byte can be traced back to where it began,
/// and discarded at once when it begins inside a word ("ken" in "token").
///
/// The automaton reads symbols, not bytes: an ASCII letter or digit that begins
/// a word is a symbol of its own (`wordStartFlag` added), and the watchlist's
/// patterns are spelled the same way. A name can then only begin where a word
/// begins, so inside words the automaton idles at its root instead of chasing
/// name prefixes ("ken" in "token"), whatever the size of the watchlist, at no
/// cost per byte beyond one bit of state.
struct AutomatonRunner: NormalizedByteSink {
    static let wordStartFlag: UInt16 = 0x100
    /// Patterns are at most `WatchlistPatterns.maximumLength` bytes, so 256
    /// recent bytes always cover the longest one and the byte before it.
    static let ringSize = 256
    private static let ringMask = ringSize - 1
    private let automaton: NameAutomaton
    private let transitions: UnsafeBufferPointer<UInt32>
    private let classes: UnsafeBufferPointer<UInt16>
    private let needsStartBoundary: UnsafeBufferPointer<Bool>
    /// Origin of each recent byte; negative (bitwise complement) when the byte
    /// does not begin its scalar's folded form.
    private let origins: UnsafeMutableBufferPointer<Int32>
    private let recentBytes: UnsafeMutableBufferPointer<UInt8>
    private var row: UInt32 = 0
    private var position = 0
    private var previousWasWord: UInt16 = 0
    var candidates: [CandidateMatch]

    init(
        automaton: NameAutomaton,
        transitions: UnsafeBufferPointer<UInt32>,
        classes: UnsafeBufferPointer<UInt16>,
        needsStartBoundary: UnsafeBufferPointer<Bool>,
        origins: UnsafeMutableBufferPointer<Int32>,
        recentBytes: UnsafeMutableBufferPointer<UInt8>,
        candidates: [CandidateMatch]
    ) {
        self.automaton = automaton
        self.transitions = transitions
        self.classes = classes
        self.needsStartBoundary = needsStartBoundary
        self.origins = origins
        self.recentBytes = recentBytes
        self.candidates = candidates
    }

    @inline(__always)
    mutating func take(_ byte: UInt8, origin: Int32, first: Bool, last: Bool) {
        let isWord: UInt16 = TextScanner.isASCIIWordByte(byte) ? 1 : 0
        let symbol = UInt16(byte) | ((isWord & ~previousWasWord) << 8)
        previousWasWord = isWord
        let slot = position & AutomatonRunner.ringMask
        origins[slot] = first ? origin : ~origin
        recentBytes[slot] = byte
        let next = transitions[Int(row) + Int(classes[Int(symbol)])]
        row = next & ~NameAutomaton.acceptFlag
        if next & NameAutomaton.acceptFlag != 0, last {
            record(endingAt: position, origin: origin)
        }
        position &+= 1
    }

    @inline(__always)
    private mutating func record(endingAt end: Int, origin: Int32) {
        var state = Int32(Int(row) / automaton.classCount)
        if automaton.ownPattern[Int(state)] < 0 { state = automaton.outputLink[Int(state)] }
        while state >= 0 {
            let pattern = automaton.ownPattern[Int(state)]
            state = automaton.outputLink[Int(state)]
            let start = end - Int(automaton.patternLengths[Int(pattern)]) + 1
            let startOrigin = origins[start & AutomatonRunner.ringMask]
            // A pattern that starts inside one scalar's folded form ("カ" inside "ガ") is no match.
            guard start >= 0, startOrigin >= 0 else { continue }
            if needsStartBoundary[Int(pattern)], start > 0 {
                let before = recentBytes[(start - 1) & AutomatonRunner.ringMask]
                if before < 0x80, TextScanner.isASCIIWordByte(before) { continue }
            }
            candidates.append(CandidateMatch(pattern: pattern, start: startOrigin, lastScalar: origin))
        }
    }
}
