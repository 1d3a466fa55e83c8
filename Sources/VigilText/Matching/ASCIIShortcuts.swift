/// What the automaton runner needs to read plain ASCII in a loop of its own
/// (see `AutomatonRunner.consumeASCII`): most feed text is ASCII words, and
/// most words begin no name, so the runner classifies bytes with one lookup,
/// finds where a word ends eight bytes at a time, and can tell from a word's
/// first two letters alone that the automaton would come back to its root.
struct ASCIIShortcuts: Sendable {
    /// What a byte is for the runner, indexed by the byte.
    let kinds: [UInt8]
    static let word: UInt8 = 0
    /// Punctuation after which the automaton, at its root, is still at its root.
    static let idlePunctuation: UInt8 = 1
    static let punctuation: UInt8 = 2
    static let whitespace: UInt8 = 3
    /// Non-ASCII, "<" (a tag?) and "&" (an entity?): the scanner's own business.
    static let stop: UInt8 = 4

    /// The automaton's class of each ASCII byte as a symbol, folded, indexed by
    /// `continuesWord << 8 | byte`: a letter or digit that begins a word is a
    /// symbol of its own (`AutomatonRunner.wordStartFlag`).
    let classes: [UInt16]

    /// One bit per pair of ASCII word bytes (`first | second << 8`), set when a
    /// word beginning with them leads the automaton from its root back to its
    /// root without a match: the rest of such a word cannot leave the root
    /// either, so none of it need be fed. With ten thousand names nearly every
    /// first letter begins some name, but few pairs do.
    let deadPairs: [UInt64]

    /// Whether the separator, fed at the root, leaves it there; if so a pending
    /// separator is spent silently while the automaton is at its root.
    let separatorStaysAtRoot: Bool

    /// - Parameters:
    ///   - acceptingRow: rows at or past it may end a pattern (see `NameAutomaton`).
    ///   - classes: symbol → class.
    ///   - next: the automaton's step, from a row on a class.
    init(acceptingRow: UInt32, classes symbolClasses: [UInt16], next: (UInt32, UInt16) -> UInt32) {
        func step(_ row: UInt32, _ symbol: UInt16) -> UInt32 { next(row, symbolClasses[Int(symbol)]) }
        func symbol(_ byte: UInt8, continuesWord: Bool) -> UInt16 {
            let folded = TextScanner.asciiFold[Int(byte)]
            let startsWord = TextScanner.isASCIIWordByte(folded) && !continuesWord
            return UInt16(folded) | (startsWord ? AutomatonRunner.wordStartFlag : 0)
        }
        var classes = [UInt16](repeating: 0, count: 512)
        for byte in 0..<128 {
            classes[byte] = symbolClasses[Int(symbol(UInt8(byte), continuesWord: false))]
            classes[256 + byte] = symbolClasses[Int(symbol(UInt8(byte), continuesWord: true))]
        }
        self.classes = classes
        separatorStaysAtRoot = step(0, UInt16(TextScanner.separatorByte)) == 0

        // Inside a word the automaton at its root must stay there (patterns begin
        // where words begin); the runner relies on it, so without it (never, as
        // patterns are built) the runner leaves all text to the scanner.
        let wordsIdle = (0..<128).allSatisfy { byte in
            !TextScanner.isASCIIWordByte(UInt8(byte)) || step(0, symbol(UInt8(byte), continuesWord: true)) == 0
        }
        var kinds = [UInt8](repeating: ASCIIShortcuts.stop, count: 256)
        var deadPairs = [UInt64](repeating: 0, count: 65536 / 64)
        if wordsIdle {
            for byte in 0..<128 {
                let folded = TextScanner.asciiFold[byte]
                if TextScanner.isASCIIWordByte(UInt8(byte)) {
                    kinds[byte] = ASCIIShortcuts.word
                } else if folded == TextScanner.separatorByte {
                    kinds[byte] = ASCIIShortcuts.whitespace
                } else if folded != TextScanner.specialByte {
                    kinds[byte] = step(0, UInt16(folded)) == 0 ? ASCIIShortcuts.idlePunctuation : ASCIIShortcuts.punctuation
                }
            }
            for first in 0..<128 where TextScanner.isASCIIWordByte(UInt8(first)) {
                let afterFirst = step(0, symbol(UInt8(first), continuesWord: false))
                guard afterFirst < acceptingRow else { continue }
                for second in 0..<128 where TextScanner.isASCIIWordByte(UInt8(second)) {
                    guard step(afterFirst, symbol(UInt8(second), continuesWord: true)) == 0 else { continue }
                    let pair = first | second << 8
                    deadPairs[pair >> 6] |= 1 << UInt64(pair & 63)
                }
            }
        }
        self.kinds = kinds
        self.deadPairs = deadPairs
    }
}
