/// An Aho–Corasick automaton over normalised UTF-8 (as symbols: see
/// `AutomatonRunner`): one step per byte of text whatever the number of
/// patterns, which is what lets one pass serve a watchlist of ten thousand people.
///
/// The shallow states, where scanning spends nearly all its time, form a dense
/// DFA: one table lookup per byte. Symbols that occur in no pattern share one
/// class, so a row is `classes` wide rather than 512. Deeper states are the
/// long tails of names and handles, nearly all with a single child; they keep
/// only their children and their failure link (an automaton of 10,000 people
/// has some 340,000 of them, which as dense rows would take over 100 MB and push
/// the shallow rows out of the caches).
///
/// A state is named by its "row": for a dense state the offset of its row in
/// `transitions`, for a deep state `sparseRow` plus its index. Dense states that
/// end a pattern (themselves or through their suffixes) come after the others,
/// then one row standing for "in some deep state" (`deepRow`, every entry
/// leading back to itself), then the deep states; so the scanning loop needs one
/// comparison against `acceptingRow`, which does not delay the next lookup, to
/// learn both that a match may end here and that the state is deep.
final class NameAutomaton: Sendable {
    /// Rows at or past this belong to states that end a pattern, or are deep.
    let acceptingRow: UInt32
    /// The row a runner stays on while in a deep state, which it keeps aside.
    let deepRow: UInt32
    /// Rows at or past this belong to deep states (see `step`).
    let sparseRow: UInt32

    /// Symbol → class.
    let classes: [UInt16]
    let classCount: Int
    /// Row of the next state, per (row of a dense state + class).
    let transitions: [UInt32]
    /// Per deep state: where its children begin in `childClasses` and
    /// `childRows` (one more entry marks the end of the last).
    let firstChild: [UInt32]
    let childClasses: [UInt16]
    let childRows: [UInt32]
    /// Per deep state: the row of its failure state (the longest proper suffix
    /// that is a prefix of some pattern), which is always shallower.
    let failureRow: [UInt32]
    /// Number of dense states; deep state `i` is state `denseCount + i`.
    let denseCount: Int

    /// Per state: the pattern that ends exactly here, or -1.
    let ownPattern: [Int32]
    /// Per state: the nearest proper suffix state that ends a pattern, or -1.
    let outputLink: [Int32]
    /// Per pattern: its length in normalised bytes.
    let patternLengths: [Int32]

    static let symbolCount = 512
    /// States this many symbols deep or less are dense. Nearly every word of
    /// text that leaves the root dies within three symbols.
    static let denseDepth = 3

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

        let trie = PatternTrie(patterns: patterns, classes: classes, classCount: classCount)
        let stateCount = trie.stateCount

        // Dense states in breadth-first order, those that end a pattern last; then
        // the deep states depth-first, so that a name's tail lies in one stretch.
        func accepts(_ state: Int32) -> Bool { trie.ownPattern[Int(state)] >= 0 || trie.outputLink[Int(state)] >= 0 }
        let shallow = trie.breadthFirst.filter { trie.depth[Int($0)] <= NameAutomaton.denseDepth }
        let denseOrder = shallow.filter { !accepts($0) } + shallow.filter(accepts)
        let firstAccepting = denseOrder.firstIndex(where: accepts) ?? denseOrder.count
        var sparseOrder: [Int32] = []
        sparseOrder.reserveCapacity(stateCount - denseOrder.count)
        var stack: [Int32] = []
        for state in shallow where trie.depth[Int(state)] == NameAutomaton.denseDepth {
            trie.forEachChild(of: state) { _, child in stack.append(child) }
            while let deep = stack.popLast() {
                sparseOrder.append(deep)
                trie.forEachChild(of: deep) { _, child in stack.append(child) }
            }
        }
        let denseCount = denseOrder.count
        let deepRow = UInt32(denseCount * classCount)
        let sparseRow = deepRow + UInt32(classCount)
        var rowOf = [UInt32](repeating: 0, count: stateCount)
        for (index, state) in denseOrder.enumerated() { rowOf[Int(state)] = UInt32(index * classCount) }
        for (index, state) in sparseOrder.enumerated() { rowOf[Int(state)] = sparseRow + UInt32(index) }

        // Dense rows, breadth-first: a state's row is its failure state's row (a
        // shallower state, filled already) with its own children written over it.
        var transitions = [UInt32](repeating: 0, count: denseCount * classCount)
        transitions.append(contentsOf: repeatElement(deepRow, count: classCount))
        for state in shallow {
            let row = Int(rowOf[Int(state)])
            if state != 0 {
                let failRow = Int(rowOf[Int(trie.failure[Int(state)])])
                for symbolClass in 0..<classCount { transitions[row + symbolClass] = transitions[failRow + symbolClass] }
            }
            trie.forEachChild(of: state) { symbolClass, child in transitions[row + Int(symbolClass)] = rowOf[Int(child)] }
        }

        var firstChild: [UInt32] = []
        var childClasses: [UInt16] = []
        var childRows: [UInt32] = []
        var failureRow: [UInt32] = []
        firstChild.reserveCapacity(sparseOrder.count + 1)
        failureRow.reserveCapacity(sparseOrder.count)
        for state in sparseOrder {
            firstChild.append(UInt32(childClasses.count))
            trie.forEachChild(of: state) { symbolClass, child in
                childClasses.append(symbolClass)
                childRows.append(rowOf[Int(child)])
            }
            failureRow.append(rowOf[Int(trie.failure[Int(state)])])
        }
        firstChild.append(UInt32(childClasses.count))

        // Per-state tables in the new numbering: dense states, then deep ones.
        let order = denseOrder + sparseOrder
        var newIndex = [Int32](repeating: 0, count: stateCount)
        for (index, state) in order.enumerated() { newIndex[Int(state)] = Int32(index) }
        self.ownPattern = order.map { trie.ownPattern[Int($0)] }
        self.outputLink = order.map { trie.outputLink[Int($0)] < 0 ? -1 : newIndex[Int(trie.outputLink[Int($0)])] }
        self.acceptingRow = UInt32(firstAccepting * classCount)
        self.deepRow = deepRow
        self.sparseRow = sparseRow
        self.classes = classes
        self.classCount = classCount
        self.transitions = transitions
        self.firstChild = firstChild
        self.childClasses = childClasses
        self.childRows = childRows
        self.failureRow = failureRow
        self.denseCount = denseCount
        self.patternLengths = patterns.map { Int32($0.count) }
        self.ascii = ASCIIShortcuts(acceptingRow: UInt32(firstAccepting * classCount), classes: classes) { row, symbolClass in
            NameAutomaton.step(
                from: row, class: symbolClass, transitions: transitions, sparseRow: sparseRow,
                firstChild: firstChild, childClasses: childClasses, childRows: childRows, failureRow: failureRow
            )
        }
    }

    /// Tables for reading plain ASCII quickly (see `AutomatonRunner.consumeASCII`).
    let ascii: ASCIIShortcuts

    var stateCount: Int { ownPattern.count }

    /// Bytes taken by the transition structures (dense rows and deep states).
    var tableBytes: Int {
        transitions.count * 4 + firstChild.count * 4 + childClasses.count * 2 + childRows.count * 4 + failureRow.count * 4
    }

    /// The state (index into `ownPattern` and `outputLink`) named by `row`.
    @inline(__always)
    func state(ofRow row: UInt32) -> Int {
        row < sparseRow ? Int(row) / classCount : denseCount + Int(row - sparseRow)
    }

    /// The next state from a deep state: a child, or else the failure state's
    /// next state, the standard Aho–Corasick walk, which ends at a dense state
    /// at the latest. Text reaches deep states only inside a name's tail, so the
    /// walk is rare and short.
    @inline(never)
    func step(fromDeep row: UInt32, class symbolClass: UInt16) -> UInt32 {
        NameAutomaton.step(
            from: row, class: symbolClass, transitions: transitions, sparseRow: sparseRow,
            firstChild: firstChild, childClasses: childClasses, childRows: childRows, failureRow: failureRow
        )
    }

    private static func step(
        from row: UInt32, class symbolClass: UInt16, transitions: [UInt32], sparseRow: UInt32,
        firstChild: [UInt32], childClasses: [UInt16], childRows: [UInt32], failureRow: [UInt32]
    ) -> UInt32 {
        var row = row
        while row >= sparseRow {
            let deep = Int(row - sparseRow)
            for child in Int(firstChild[deep])..<Int(firstChild[deep + 1]) where childClasses[child] == symbolClass {
                return childRows[child]
            }
            row = failureRow[deep]
        }
        return transitions[Int(row) + Int(symbolClass)]
    }
}
