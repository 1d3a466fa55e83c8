/// An Aho–Corasick automaton over normalised UTF-8 (as symbols: see
/// `AutomatonRunner`), compiled to a dense transition table: one table lookup
/// per byte of text whatever the number of patterns, which is what lets one pass
/// serve a watchlist of ten thousand people.
///
/// Symbols that occur in no pattern share one class, so the table is
/// `states × classes` wide rather than `states × 512`. Each transition holds the
/// target row's offset; states that end a pattern (themselves or through their
/// suffixes) have the last rows, so the scanning loop tests a match with one
/// comparison that does not delay the next lookup.
final class NameAutomaton: Sendable {
    /// Rows at or past this offset belong to states that end a pattern.
    let acceptingRow: UInt32

    /// Symbol → class.
    let classes: [UInt16]
    let classCount: Int
    /// Row offset of the next state, per (row offset of state + class).
    let transitions: [UInt32]
    /// Per state: the pattern that ends exactly here, or -1.
    let ownPattern: [Int32]
    /// Per state: the nearest proper suffix state that ends a pattern, or -1.
    let outputLink: [Int32]
    /// Per pattern: its length in normalised bytes.
    let patternLengths: [Int32]

    static let symbolCount = 512

    /// - Parameter patterns: distinct, non-empty symbol strings.
    init(patterns: [[UInt16]]) {
        var used = [Bool](repeating: false, count: NameAutomaton.symbolCount)
        for pattern in patterns { for symbol in pattern { used[Int(symbol)] = true } }
        var classes = [UInt16](repeating: 0, count: NameAutomaton.symbolCount)
        var classCount = 1
        for symbol in 0..<NameAutomaton.symbolCount where used[symbol] {
            classes[symbol] = UInt16(classCount)
            classCount += 1
        }

        // The trie, as a dense table of state indices (-1: no edge yet).
        var next: [Int32] = Array(repeating: -1, count: classCount)
        var ownPattern: [Int32] = [-1]
        for (index, pattern) in patterns.enumerated() {
            var state = 0
            for byte in pattern {
                let slot = state * classCount + Int(classes[Int(byte)])
                if next[slot] < 0 {
                    next[slot] = Int32(ownPattern.count)
                    ownPattern.append(-1)
                    next.append(contentsOf: repeatElement(-1, count: classCount))
                }
                state = Int(next[slot])
            }
            ownPattern[state] = Int32(index)
        }
        let stateCount = ownPattern.count

        // Breadth-first: failure links, output links, and the missing transitions
        // filled from the failure state, which turns the trie into a DFA.
        var failure = [Int32](repeating: 0, count: stateCount)
        var outputLink = [Int32](repeating: -1, count: stateCount)
        var queue: [Int32] = []
        queue.reserveCapacity(stateCount)
        for symbol in 0..<classCount {
            let child = next[symbol]
            if child < 0 {
                next[symbol] = 0
            } else {
                failure[Int(child)] = 0
                queue.append(child)
            }
        }
        var head = 0
        while head < queue.count {
            let state = Int(queue[head])
            head += 1
            let fail = Int(failure[state])
            outputLink[state] = ownPattern[fail] >= 0 ? Int32(fail) : outputLink[fail]
            let row = state * classCount
            let failRow = fail * classCount
            for symbol in 0..<classCount {
                let child = next[row + symbol]
                if child < 0 {
                    next[row + symbol] = next[failRow + symbol]
                } else {
                    failure[Int(child)] = next[failRow + symbol]
                    queue.append(child)
                }
            }
        }

        // Renumber states breadth-first: the root and the shallow states, where
        // scanning spends nearly all its time, then share a few cache lines. States
        // that end a pattern come last, so "a pattern ends here" is a comparison
        // with `acceptingRow` that stays off the critical path of the next lookup.
        var renumbered = [Int32](repeating: 0, count: stateCount)
        let breadthFirst = [Int32(0)] + queue
        func accepts(_ state: Int32) -> Bool { ownPattern[Int(state)] >= 0 || outputLink[Int(state)] >= 0 }
        let order = breadthFirst.filter { !accepts($0) } + breadthFirst.filter(accepts)
        let firstAccepting = order.firstIndex(where: accepts) ?? stateCount
        for (newIndex, oldIndex) in order.enumerated() { renumbered[Int(oldIndex)] = Int32(newIndex) }
        var transitions = [UInt32](repeating: 0, count: next.count)
        var newOwnPattern = [Int32](repeating: -1, count: stateCount)
        var newOutputLink = [Int32](repeating: -1, count: stateCount)
        for (newIndex, oldIndex) in order.enumerated() {
            let old = Int(oldIndex)
            newOwnPattern[newIndex] = ownPattern[old]
            newOutputLink[newIndex] = outputLink[old] < 0 ? -1 : renumbered[Int(outputLink[old])]
            for symbol in 0..<classCount {
                let target = Int(next[old * classCount + symbol])
                transitions[newIndex * classCount + symbol] = UInt32(Int(renumbered[target]) * classCount)
            }
        }
        ownPattern = newOwnPattern
        outputLink = newOutputLink
        self.acceptingRow = UInt32(firstAccepting * classCount)
        self.classes = classes
        self.classCount = classCount
        self.transitions = transitions
        self.ownPattern = ownPattern
        self.outputLink = outputLink
        self.patternLengths = patterns.map { Int32($0.count) }
        self.ascii = ASCIIShortcuts(transitions: transitions, classes: classes, acceptingRow: UInt32(firstAccepting * classCount))
    }

    /// Tables for reading plain ASCII quickly (see `AutomatonRunner.consumeASCII`).
    let ascii: ASCIIShortcuts

    var stateCount: Int { ownPattern.count }
}
