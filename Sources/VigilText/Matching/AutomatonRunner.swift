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
        origins: UnsafeMutableBufferPointer<Int32>,
        found: CandidateList
    ) {
        self.transitions = transitions
        self.classes = classes
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
}
