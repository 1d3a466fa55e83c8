/// Runs the name automaton over normalised bytes as the scanner produces them,
/// remembering in a small ring where each recent byte came from, so that a match
/// found at its last byte can be traced back to where it began.
struct AutomatonRunner: NormalizedByteSink {
    /// Patterns are at most `WatchlistPatterns.maximumLength` bytes, so 256
    /// recent origins always cover the longest one.
    static let ringSize = 256
    private let automaton: NameAutomaton
    private let transitions: UnsafeBufferPointer<UInt32>
    private let classes: UnsafeBufferPointer<UInt8>
    /// Origin of each recent byte; negative (bitwise complement) when the byte
    /// does not begin its scalar's folded form.
    private let ring: UnsafeMutableBufferPointer<Int32>
    private var row: UInt32 = 0
    private var position = 0
    private(set) var candidates: [CandidateMatch] = []

    init(automaton: NameAutomaton, transitions: UnsafeBufferPointer<UInt32>, classes: UnsafeBufferPointer<UInt8>, ring: UnsafeMutableBufferPointer<Int32>) {
        self.automaton = automaton
        self.transitions = transitions
        self.classes = classes
        self.ring = ring
    }

    @inline(__always)
    mutating func take(_ byte: UInt8, origin: Int32, first: Bool, last: Bool) {
        ring[position & (AutomatonRunner.ringSize - 1)] = first ? origin : ~origin
        let next = transitions[Int(row) + Int(classes[Int(byte)])]
        row = next & ~NameAutomaton.acceptFlag
        if next & NameAutomaton.acceptFlag != 0, last {
            record(endingAt: position, origin: origin)
        }
        position += 1
    }

    private mutating func record(endingAt end: Int, origin: Int32) {
        let ring = self.ring
        let lengths = automaton.patternLengths
        var found: [CandidateMatch] = []
        automaton.forEachPattern(endingAtRow: row) { pattern in
            let length = Int(lengths[Int(pattern)])
            let startOrigin = ring[(end - length + 1) & (AutomatonRunner.ringSize - 1)]
            // A pattern that starts inside one scalar's folded form ("カ" inside "ガ") is no match.
            guard end - length + 1 >= 0, startOrigin >= 0 else { return }
            found.append(CandidateMatch(pattern: pattern, start: startOrigin, lastScalar: origin))
        }
        candidates.append(contentsOf: found)
    }
}
