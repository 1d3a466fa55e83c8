/// The patterns a watchlist compiles to, each normalised exactly as text is,
/// with who uses it and in which role.
struct WatchlistPatterns: Sendable {
    /// Normalised patterns, distinct, as the automaton's symbols.
    private(set) var patterns: [[UInt16]] = []
    private(set) var uses: [[PatternUse]] = []
    /// Per pattern: the uses that may be reported (a handle may still turn out
    /// to be written as a plain word and only vouch), in `uses` order.
    private(set) var reportableUses: [[PatternUse]] = []
    /// Per pattern: the people for whom it only vouches for a surname (given
    /// names, context terms). A common given name is shared by hundreds of people
    /// in a large watchlist; keeping them apart lets the matcher note one pattern
    /// per hit instead of one record per person.
    private(set) var vouchingPeople: [[Int32]] = []
    /// Per pattern: whether someone uses it as a bare surname, the only use that
    /// needs another pattern to vouch for it.
    private(set) var isSurname: [Bool] = []
    /// Whether a pattern begins (ends) with a letter of a script written with
    /// spaces, so it needs a word boundary there.
    private(set) var needsStartBoundary: [Bool] = []
    private(set) var needsEndBoundary: [Bool] = []
    private var indexOfPattern: [[UInt8]: Int] = [:]

    /// Patterns longer than this many normalised bytes are not names.
    static let maximumLength = 255
    /// Name particles that belong to the surname ("van Rossum", "de la Cruz").
    static let surnameParticles: Set<String> = [
        "van", "von", "de", "der", "den", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "ter", "ten", "bin", "al", "st", "mac",
    ]

    init(people: [WatchedPerson]) {
        for (index, person) in people.enumerated() {
            add(person, at: Int32(index))
        }
        reportableUses = uses.map { $0.filter { $0.role.reportedKind != nil } }
        vouchingPeople = uses.map { $0.filter { $0.role.reportedKind == nil }.map(\.person) }
        isSurname = uses.map { $0.contains { $0.role == .surname } }
    }

    private mutating func add(_ person: WatchedPerson, at index: Int32) {
        let nameTokens = WatchlistPatterns.tokens(of: person.name)
        addSpelling(person.name, role: .name, person: index)
        derive(from: nameTokens, person: person, index: index, withInitials: true)
        for alias in person.aliases {
            addSpelling(alias, role: .alias, person: index)
            derive(from: WatchlistPatterns.tokens(of: alias), person: person, index: index, withInitials: false)
        }
        for handle in person.handles {
            var login = Substring(handle.trimmingSpaces)
            while login.first == "@" { login = login.dropFirst() }
            add(TextNormalizer.normalizedBytes(String(login)), role: .handle, person: index)
        }
        for project in person.projects {
            addSpelling(project, role: .project, person: index)
        }
        for term in person.contextTerms {
            addSpelling(term, role: .contextTerm, person: index)
        }
    }

    /// Given name, surname and initials from a name's tokens.
    private mutating func derive(from tokens: [[UInt8]], person: WatchedPerson, index: Int32, withInitials: Bool) {
        guard tokens.count >= 2 else { return }
        var surnameStart = tokens.count - 1
        while surnameStart > 1, WatchlistPatterns.surnameParticles.contains(String(decoding: tokens[surnameStart - 1], as: UTF8.self)) {
            surnameStart -= 1
        }
        let surnames = (surnameStart..<tokens.count).map { Array(tokens[$0...].joined(separator: [TextScanner.separatorByte])) }
        if person.surnamePolicy != .never {
            for surname in surnames where WatchlistPatterns.isDistinctiveEnough(surname) {
                add(surname, role: .surname, person: index)
            }
        }
        let givenNames = Array(tokens[..<surnameStart])
        if WatchlistPatterns.isDistinctiveEnough(givenNames[0]) {
            add(givenNames[0], role: .givenName, person: index)
        }
        guard withInitials else { return }
        let initials = givenNames.compactMap(WatchlistPatterns.initial(of:))
        guard initials.count == givenNames.count, let surname = surnames.first else { return }
        let space = [TextScanner.separatorByte]
        let dotted = initials.map { $0 + [0x2E] }
        // "A. Lovelace", "A.Lovelace", "A. B. Lovelace", "A.B. Lovelace"; first initial alone too.
        add(dotted[0] + space + surname, role: .initials, person: index)
        add(dotted[0] + surname, role: .initials, person: index)
        if dotted.count > 1 {
            add(Array(dotted.joined(separator: space)) + space + surname, role: .initials, person: index)
            add(Array(dotted.joined()) + space + surname, role: .initials, person: index)
        }
    }

    /// Adds a spelling and its twin with spaces and hyphens swapped, since
    /// "analytical engine" and "analytical-engine" name the same thing.
    private mutating func addSpelling(_ spelling: String, role: PatternRole, person: Int32) {
        let bytes = TextNormalizer.normalizedBytes(spelling)
        add(bytes, role: role, person: person)
        if bytes.contains(TextScanner.separatorByte) {
            add(bytes.map { $0 == TextScanner.separatorByte ? 0x2D : $0 }, role: role, person: person)
        }
        if bytes.contains(0x2D) {
            add(bytes.map { $0 == 0x2D ? TextScanner.separatorByte : $0 }, role: role, person: person)
        }
    }

    private mutating func add(_ pattern: [UInt8], role: PatternRole, person: Int32) {
        guard !pattern.isEmpty, pattern.count <= WatchlistPatterns.maximumLength else { return }
        if role != .handle, role != .name, role != .alias, !WatchlistPatterns.isDistinctiveEnough(pattern) { return }
        let use = PatternUse(person: person, role: role)
        if let existing = indexOfPattern[pattern] {
            if !uses[existing].contains(use) { uses[existing].append(use) }
            return
        }
        indexOfPattern[pattern] = patterns.count
        let scalars = String(decoding: pattern, as: UTF8.self).unicodeScalars
        patterns.append(WatchlistPatterns.marked(pattern))
        uses.append([use])
        needsStartBoundary.append(scalars.first.map { !ScalarFold.isBoundaryFree($0) } ?? true)
        needsEndBoundary.append(scalars.last.map { !ScalarFold.isBoundaryFree($0) } ?? true)
    }

    /// The pattern as the automaton reads text: ASCII letters and digits that
    /// begin a word carry `AutomatonRunner.wordStartFlag`, exactly as the runner
    /// marks them in the text.
    static func marked(_ pattern: [UInt8]) -> [UInt16] {
        var previousWasWord = false
        return pattern.map { byte in
            let isWord = TextScanner.isASCIIWordByte(byte)
            defer { previousWasWord = isWord }
            return isWord && !previousWasWord ? UInt16(byte) | AutomatonRunner.wordStartFlag : UInt16(byte)
        }
    }

    /// A token of one or two letters ("Li", "A") is too common to stand alone.
    static func isDistinctiveEnough(_ pattern: [UInt8]) -> Bool {
        let scalars = String(decoding: pattern, as: UTF8.self).unicodeScalars
        if scalars.contains(where: ScalarFold.isBoundaryFree) { return scalars.count >= 2 }
        return scalars.count >= 3
    }

    /// The normalised tokens of a name, split at whitespace and name separators
    /// before normalising, since normalising removes separators inside CJK names.
    static func tokens(of name: String) -> [[UInt8]] {
        var tokens: [[UInt8]] = []
        var current = String.UnicodeScalarView()
        func flush() {
            let normalized = TextNormalizer.normalizedBytes(String(current))
            if !normalized.isEmpty { tokens.append(normalized) }
            current = String.UnicodeScalarView()
        }
        for scalar in name.unicodeScalars {
            if ScalarFold.isSeparator(scalar) { flush() } else { current.append(scalar) }
        }
        flush()
        return tokens
    }

    /// The normalised first letter of a token, when it is a letter of an
    /// alphabetic script (initials make no sense for Han or kana).
    static func initial(of token: [UInt8]) -> [UInt8]? {
        guard let first = String(decoding: token, as: UTF8.self).unicodeScalars.first,
              first.properties.isAlphabetic, !ScalarFold.isBoundaryFree(first) else { return nil }
        return Array(String(first).utf8)
    }
}

extension String {
    var trimmingSpaces: Substring {
        let view = Substring(self)
        guard let first = view.firstIndex(where: { !$0.isWhitespace }),
              let last = view.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return view[first...last]
    }
}
