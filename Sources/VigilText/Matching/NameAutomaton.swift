/// An Aho–Corasick automaton over normalised UTF-8 (as symbols: see
/// `AutomatonRunner`), compiled to a dense
/// transition table: one table lookup per byte of text whatever the number of
/// patterns, which is what lets one pass serve a watchlist of ten thousand people.
///
/// Symbols that occur in no pattern share one class, so the table is
/// `states × classes` wide rather than `states × 512`. Each transition holds the
/// target row's offset, with the top bit set when the target state ends a pattern
/// (itself or through its suffixes), so the scanning loop tests one bit per byte.
final class NameAutomaton: Sendable {
    static let acceptFlag: UInt32 = 1 << 31

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
        // scanning spends nearly all its time, then share a few cache lines.
        var renumbered = [Int32](repeating: 0, count: stateCount)
        var order: [Int32] = [0]
        order.reserveCapacity(stateCount)
        order.append(contentsOf: queue)
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
                var value = UInt32(Int(renumbered[target]) * classCount)
                if ownPattern[target] >= 0 || outputLink[target] >= 0 { value |= NameAutomaton.acceptFlag }
                transitions[newIndex * classCount + symbol] = value
            }
        }
        ownPattern = newOwnPattern
        outputLink = newOutputLink
        self.classes = classes
        self.classCount = classCount
        self.transitions = transitions
        self.ownPattern = ownPattern
        self.outputLink = outputLink
        self.patternLengths = patterns.map { Int32($0.count) }
    }

    var stateCount: Int { ownPattern.count }
}
