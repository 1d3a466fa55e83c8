/// Finds every watched person in a text in one pass.
///
/// Built once from the watchlist, then used for every document. Text and
/// watchlist are normalised alike (see `TextNormalizer`), an Aho–Corasick
/// automaton finds all patterns in one pass over the text, and a few rules then
/// discard what a reader would not call a mention: a pattern inside a word
/// ("Ann" in "Annual"), a name inside a URL or an e-mail address (unless it is
/// the person's handle), anything inside code, a bare surname without support
/// from the rest of the document, a short handle written without its "@".
public struct MentionMatcher: Sendable {
    public let people: [WatchedPerson]
    private let patterns: WatchlistPatterns
    private let automaton: NameAutomaton
    private let splitter = SentenceSplitter()

    public init(people: [WatchedPerson]) {
        self.people = people
        self.patterns = WatchlistPatterns(people: people)
        self.automaton = NameAutomaton(patterns: patterns.patterns)
    }

    /// Number of distinct normalised patterns the watchlist compiled to.
    public var patternCount: Int { patterns.patterns.count }

    /// Size of the compiled automaton: states, byte classes, and the transition
    /// table's bytes, for capacity planning with large watchlists.
    public var automatonSize: (states: Int, byteClasses: Int, tableBytes: Int) {
        (automaton.stateCount, automaton.classCount, automaton.tableBytes)
    }

    /// Mentions in `text`, in order of their start, with offsets in Unicode
    /// scalars of `text` and sentence indices from `SentenceSplitter`.
    public func mentions(in text: String) -> [Mention] {
        mentions(in: text, skippingIdleText: true)
    }

    /// `mentions(in:)`, optionally feeding every byte to the automaton, which
    /// skipping text that cannot begin a name must never change (tests compare).
    func mentions(in text: String, skippingIdleText: Bool) -> [Mention] {
        let found = locate(in: text, skippingIdleText: skippingIdleText)
        if found.isEmpty { return [] }
        return mentions(from: found, in: text, sentenceStarts: sentenceStarts(in: text, through: found))
    }

    /// Where the sentences start, as far as the mentions in `located` need it:
    /// the splitter runs only up to the first visible scalar at or after the last
    /// mention's start. Whether a sentence starts at some offset depends on the
    /// text before it and on the run of spaces after a sentence end up to the next
    /// visible character (is it lower case?), so every start up to the last
    /// mention comes out as from the whole text; and mentions are often early in
    /// long documents.
    private func sentenceStarts(in text: String, through located: [Located]) -> [Int] {
        var text = text
        let prefix: String? = text.withUTF8 { bytes in
            var end = located.map(\.range.lowerBound).max() ?? bytes.count
            while end < bytes.count {
                let lead = bytes[end]
                let scalar = lead < 0x80 ? Unicode.Scalar(lead) : Unicode.Scalar(TextScanner.decode(bytes, at: end).value) ?? " "
                end += TextScanner.scalarLength(lead: lead)
                if !SentenceSplitter.isSpace(scalar) { break }
            }
            return end < bytes.count ? String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self) : nil
        }
        return splitter.sentenceStarts(in: prefix ?? text)
    }

    /// Mentions in `text`, reporting sentence indices against `sentences`, for a
    /// caller that has split the text already.
    public func mentions(in text: String, sentences: [Sentence]) -> [Mention] {
        let found = locate(in: text)
        if found.isEmpty { return [] }
        return mentions(from: found, in: text, sentenceStarts: sentences.map(\.start))
    }

    /// Whether `text` mentions anyone, without building the mention records.
    public func containsMention(in text: String) -> Bool {
        !locate(in: text).isEmpty
    }

    // MARK: - Finding

    /// A mention before offsets are converted to scalars: UTF-8 byte range.
    private struct Located {
        let person: Int32
        let role: PatternRole
        let range: Range<Int>
    }

    private func locate(in text: String, skippingIdleText: Bool = true) -> [Located] {
        guard !people.isEmpty else { return [] }
        var text = text
        return text.withUTF8 { bytes in
            let candidates = scan(bytes, skippingIdleText: skippingIdleText)
            if candidates.isEmpty { return [] }
            return filter(candidates, in: bytes)
        }
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, skippingIdleText: Bool) -> [CandidateMatch] {
        let ascii = automaton.ascii
        return automaton.transitions.withUnsafeBufferPointer { transitions in
            automaton.classes.withUnsafeBufferPointer { classes in
                ascii.kinds.withUnsafeBufferPointer { kinds in
                    ascii.classes.withUnsafeBufferPointer { asciiClasses in
                        ascii.deadPairs.withUnsafeBufferPointer { deadPairs in
                            withUnsafeTemporaryAllocation(of: Int32.self, capacity: AutomatonRunner.ringSize) { origins in
                                let tables = AutomatonRunner.ASCIITables(
                                    kinds: kinds, classes: asciiClasses, deadPairs: deadPairs,
                                    separatorStaysAtRoot: ascii.separatorStaysAtRoot
                                )
                                var runner = AutomatonRunner(
                                    transitions: transitions, classes: classes, ascii: tables, origins: origins,
                                    found: CandidateList(automaton: automaton)
                                )
                                if skippingIdleText {
                                    TextScanner().scan(bytes, into: &runner)
                                } else {
                                    var everyByte = EveryByteRunner(runner: runner)
                                    TextScanner().scan(bytes, into: &everyByte)
                                }
                                return runner.found.candidates
                            }
                        }
                    }
                }
            }
        }
    }

    private func filter(_ candidates: [CandidateMatch], in bytes: UnsafeBufferPointer<UInt8>) -> [Located] {
        let table = FoldTable.shared
        var code: CodeRegions?
        // Code regions matter only up to the end of the last candidate.
        let lastEnd = candidates.reduce(0) { last, candidate in
            let lastScalar = Int(candidate.lastScalar)
            return max(last, lastScalar + TextScanner.scalarLength(lead: bytes[lastScalar]))
        }
        var located: [Located] = []
        var vouching: [Int32] = []
        // Given names and context terms only vouch for bare surnames: without a
        // surname among the candidates they need no checking at all.
        let anySurname = candidates.contains { patterns.isSurname[Int($0.pattern)] }
        for candidate in candidates {
            let pattern = Int(candidate.pattern)
            if !anySurname, patterns.reportableUses[pattern].isEmpty { continue }
            let start = Int(candidate.start)
            let end = Int(candidate.lastScalar) + TextScanner.scalarLength(lead: bytes[Int(candidate.lastScalar)])
            if patterns.needsStartBoundary[pattern], MentionMatcher.wordContinues(before: start, in: bytes, table: table) { continue }
            if patterns.needsEndBoundary[pattern], MentionMatcher.wordContinues(after: end, in: bytes, table: table),
               !MentionMatcher.pluralEnds(after: end, in: bytes, table: table) { continue }
            if code == nil { code = CodeRegions(bytes, upTo: lastEnd) }
            if code!.overlaps(start..<end) { continue }
            let shape = TokenShape.of(matchAt: start..<end, in: bytes)
            let precededByAt = start > 0 && bytes[start - 1] == 0x40
            if shape == .word, !patterns.vouchingPeople[pattern].isEmpty { vouching.append(candidate.pattern) }
            for use in patterns.reportableUses[pattern] {
                var role = use.role
                if role == .handle {
                    if shape == .word, !precededByAt, !MentionMatcher.standsAloneAsHandle(patterns.patterns[pattern]) {
                        role = .contextTerm
                    }
                } else if shape != .word {
                    continue
                }
                located.append(Located(person: use.person, role: role, range: start..<end))
            }
        }
        return resolve(located, vouching: vouching)
    }

    /// Keeps what counts: bare surnames only with support, no context-only
    /// terms, and of overlapping matches the longest (leftmost on ties).
    ///
    /// `vouching` lists the patterns found as words that vouch for people
    /// (given names, context terms); a given name may vouch for hundreds of
    /// people, so support is looked up only for the few people whose bare
    /// surname needs it.
    private func resolve(_ located: [Located], vouching: [Int32]) -> [Located] {
        var supported: [Int32] = []
        for match in located where match.role == .surname && people[Int(match.person)].surnamePolicy == .withContext {
            let person = match.person
            if supported.contains(person) { continue }
            if located.contains(where: { $0.role != .surname && $0.person == person })
                || vouching.contains(where: { patterns.vouchingPeople[Int($0)].contains(person) }) {
                supported.append(person)
            }
        }
        var reportable = located.filter { match in
            guard match.role.reportedKind != nil else { return false }
            if match.role == .surname {
                switch people[Int(match.person)].surnamePolicy {
                case .always: return true
                case .withContext: return supported.contains(match.person)
                case .never: return false
                }
            }
            return true
        }
        reportable.sort { lhs, rhs in
            if lhs.range.lowerBound != rhs.range.lowerBound { return lhs.range.lowerBound < rhs.range.lowerBound }
            if lhs.range.upperBound != rhs.range.upperBound { return lhs.range.upperBound > rhs.range.upperBound }
            if lhs.person != rhs.person { return lhs.person < rhs.person }
            return lhs.role < rhs.role
        }
        var kept: [Located] = []
        var coveredUpTo = -1
        var lastKeptRange: Range<Int>?
        for match in reportable {
            if let last = lastKeptRange, match.range == last {
                // Namesakes share the span; one person's second role for it does not count twice.
                if !kept.contains(where: { $0.range == match.range && $0.person == match.person }) { kept.append(match) }
                continue
            }
            if match.range.lowerBound < coveredUpTo { continue }
            kept.append(match)
            lastKeptRange = match.range
            coveredUpTo = match.range.upperBound
        }
        return kept
    }

    private func mentions(from located: [Located], in text: String, sentenceStarts: [Int]) -> [Mention] {
        var text = text
        return text.withUTF8 { bytes in
            // One sweep turns the sorted UTF-8 offsets into scalar offsets.
            var sortedOffsets: [Int] = []
            sortedOffsets.reserveCapacity(located.count * 2)
            for match in located { sortedOffsets.append(match.range.lowerBound); sortedOffsets.append(match.range.upperBound) }
            sortedOffsets.sort()
            var scalarCounts: [Int] = []
            scalarCounts.reserveCapacity(sortedOffsets.count)
            var scalars = 0
            var byte = 0
            for target in sortedOffsets {
                while byte < target {
                    if bytes[byte] & 0xC0 != 0x80 { scalars += 1 }
                    byte += 1
                }
                scalarCounts.append(scalars)
            }
            func scalarOffset(_ offset: Int) -> Int {
                var low = 0
                var high = sortedOffsets.count
                while low < high {
                    let middle = (low + high) / 2
                    if sortedOffsets[middle] < offset { low = middle + 1 } else { high = middle }
                }
                return scalarCounts[low]
            }
            return located.map { match in
                let start = scalarOffset(match.range.lowerBound)
                let person = people[Int(match.person)]
                return Mention(
                    person: person.name,
                    personIndex: Int(match.person),
                    matched: String(decoding: UnsafeBufferPointer(rebasing: bytes[match.range]), as: UTF8.self),
                    start: start,
                    end: scalarOffset(match.range.upperBound),
                    sentence: MentionMatcher.sentenceIndex(of: start, starts: sentenceStarts),
                    kind: match.role.reportedKind!
                )
            }
        }
    }

    /// The last sentence starting at or before `offset` (0 when none does).
    static func sentenceIndex(of offset: Int, starts: [Int]) -> Int {
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        return max(0, low - 1)
    }

    // MARK: - Rules

    /// Whether the nearest visible scalar before `offset` continues a word.
    static func wordContinues(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>, table: FoldTable) -> Bool {
        var index = offset
        while index > 0 {
            var lead = index - 1
            while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            let entry = entry(at: lead, in: bytes, table: table)
            index = lead
            if entry & FoldTable.removedFlag != 0 { continue }
            return entry & FoldTable.wordFlag != 0
        }
        return false
    }

    /// Whether the nearest visible scalar at or after `offset` continues a word.
    static func wordContinues(after offset: Int, in bytes: UnsafeBufferPointer<UInt8>, table: FoldTable) -> Bool {
        nextVisible(from: offset, in: bytes, table: table).map { $0.entry & FoldTable.wordFlag != 0 } ?? false
    }

    /// "the Lovelaces", "the Lovelaces'", "Joneses": a plural ending, then a word boundary.
    static func pluralEnds(after offset: Int, in bytes: UnsafeBufferPointer<UInt8>, table: FoldTable) -> Bool {
        var index = offset
        for expected: UInt8 in [0x65, 0x73] {
            guard let (entry, next) = nextVisible(from: index, in: bytes, table: table) else { return false }
            let folded = entry & FoldTable.lengthMask << FoldTable.lengthShift == 1 << FoldTable.lengthShift
                ? table.pool[Int(entry & FoldTable.offsetMask)]
                : (bytes[next.lowerBound] < 0x80 ? bytes[next.lowerBound] | 0x20 : 0)
            if folded == 0x73 {
                return !wordContinues(after: next.upperBound, in: bytes, table: table)
            }
            guard folded == expected else { return false }
            index = next.upperBound
        }
        return false
    }

    private static func nextVisible(from offset: Int, in bytes: UnsafeBufferPointer<UInt8>, table: FoldTable) -> (entry: UInt32, range: Range<Int>)? {
        var index = offset
        while index < bytes.count {
            let length = TextScanner.scalarLength(lead: bytes[index])
            let entry = entry(at: index, in: bytes, table: table)
            if entry & FoldTable.removedFlag == 0 { return (entry, index..<(index + length)) }
            index += length
        }
        return nil
    }

    @inline(__always)
    private static func entry(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, table: FoldTable) -> UInt32 {
        let byte = bytes[index]
        if byte < 0x80 {
            if TextScanner.isASCIIWordByte(byte) { return FoldTable.wordFlag }
            return byte <= 0x20 ? FoldTable.separatorFlag : 0
        }
        return table.entry(TextScanner.decode(bytes, at: index).value)
    }

    /// A handle written bare in prose counts when it cannot be an ordinary word:
    /// it has a digit, hyphen or underscore, or is at least six letters long.
    static func standsAloneAsHandle(_ marked: [UInt16]) -> Bool {
        let pattern = marked.map { UInt8(truncatingIfNeeded: $0) }
        return pattern.count >= 6 || pattern.contains { $0 == 0x2D || $0 == 0x5F || ($0 >= 0x30 && $0 <= 0x39) }
    }
}
