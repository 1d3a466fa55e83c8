/// The keyword trie of a watchlist's patterns, with Aho–Corasick failure and
/// output links: what `NameAutomaton` is compiled from. Children are kept as
/// lists, not rows, so that building for a large watchlist costs memory in
/// proportion to its patterns, not to patterns times classes.
struct PatternTrie {
    /// Per state: the pattern that ends exactly here, or -1.
    private(set) var ownPattern: [Int32] = [-1]
    /// Per state: its distance from the root, in symbols.
    private(set) var depth: [Int32] = [0]
    /// Per state: the longest proper suffix that is also a prefix of a pattern.
    private(set) var failure: [Int32] = []
    /// Per state: the nearest proper suffix state that ends a pattern, or -1.
    private(set) var outputLink: [Int32] = []
    /// Every state, the root first, in breadth-first order.
    private(set) var breadthFirst: [Int32] = []

    private var firstChild: [Int32] = [-1]
    private var nextSibling: [Int32] = [-1]
    /// Per state: the class of the edge that leads to it.
    private var edgeClass: [UInt16] = [0]
    /// `state * classCount + class` → child, to find a child while building.
    private var childOf: [Int: Int32] = [:]
    private let classCount: Int

    var stateCount: Int { ownPattern.count }

    /// - Parameters:
    ///   - patterns: distinct, non-empty symbol strings.
    ///   - classes: symbol → class, every symbol of every pattern in a class of its own.
    init(patterns: [[UInt16]], classes: [UInt16], classCount: Int) {
        self.classCount = classCount
        for (index, pattern) in patterns.enumerated() {
            var state: Int32 = 0
            for symbol in pattern {
                let symbolClass = classes[Int(symbol)]
                if let next = child(of: state, class: symbolClass) {
                    state = next
                } else {
                    state = addChild(to: state, class: symbolClass)
                }
            }
            ownPattern[Int(state)] = Int32(index)
        }
        linkFailures()
    }

    func child(of state: Int32, class symbolClass: UInt16) -> Int32? {
        childOf[Int(state) * classCount + Int(symbolClass)]
    }

    /// Calls `body` with the class and state of each child of `state`.
    func forEachChild(of state: Int32, _ body: (UInt16, Int32) -> Void) {
        var child = firstChild[Int(state)]
        while child >= 0 {
            body(edgeClass[Int(child)], child)
            child = nextSibling[Int(child)]
        }
    }

    private mutating func addChild(to parent: Int32, class symbolClass: UInt16) -> Int32 {
        let state = Int32(ownPattern.count)
        ownPattern.append(-1)
        depth.append(depth[Int(parent)] + 1)
        firstChild.append(-1)
        nextSibling.append(firstChild[Int(parent)])
        edgeClass.append(symbolClass)
        firstChild[Int(parent)] = state
        childOf[Int(parent) * classCount + Int(symbolClass)] = state
        return state
    }

    /// Breadth-first, so that a state's failure state, which is shallower, is
    /// linked before it.
    private mutating func linkFailures() {
        failure = [Int32](repeating: 0, count: stateCount)
        outputLink = [Int32](repeating: -1, count: stateCount)
        breadthFirst = [0]
        breadthFirst.reserveCapacity(stateCount)
        var head = 0
        while head < breadthFirst.count {
            let parent = breadthFirst[head]
            head += 1
            var child = firstChild[Int(parent)]
            while child >= 0 {
                breadthFirst.append(child)
                child = nextSibling[Int(child)]
            }
            guard parent != 0 else { continue }
            child = firstChild[Int(parent)]
            while child >= 0 {
                let symbolClass = edgeClass[Int(child)]
                var candidate = failure[Int(parent)]
                var fail: Int32 = 0
                while true {
                    if let next = self.child(of: candidate, class: symbolClass) {
                        fail = next
                        break
                    }
                    if candidate == 0 { break }
                    candidate = failure[Int(candidate)]
                }
                failure[Int(child)] = fail
                outputLink[Int(child)] = ownPattern[Int(fail)] >= 0 ? fail : outputLink[Int(fail)]
                child = nextSibling[Int(child)]
            }
        }
    }
}
