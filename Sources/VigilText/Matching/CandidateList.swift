/// The candidates a scan found, and what it takes to find them.
final class CandidateList {
    let automaton: NameAutomaton
    var candidates: [CandidateMatch] = []

    init(automaton: NameAutomaton) {
        self.automaton = automaton
    }

    /// Notes every pattern that ends in the state at `row` with its last byte at
    /// `end`, unless it starts inside one scalar's folded form ("カ" inside "ガ").
    @inline(never)
    func record(row: UInt32, endingAt end: Int, origin: Int32, origins: UnsafeMutableBufferPointer<Int32>) {
        var state = Int32(automaton.state(ofRow: row))
        if automaton.ownPattern[Int(state)] < 0 { state = automaton.outputLink[Int(state)] }
        while state >= 0 {
            let pattern = automaton.ownPattern[Int(state)]
            state = automaton.outputLink[Int(state)]
            let start = end - Int(automaton.patternLengths[Int(pattern)]) + 1
            guard start >= 0 else { continue }
            let startOrigin = origins[start & (AutomatonRunner.ringSize - 1)]
            guard startOrigin >= 0 else { continue }
            candidates.append(CandidateMatch(pattern: pattern, start: startOrigin, lastScalar: origin))
        }
    }
}
