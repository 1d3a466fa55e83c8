/// What a pattern stands for in one person's entry. Roles without a
/// `MentionKind` are never reported: they only vouch for a bare surname.
enum PatternRole: UInt8, Sendable, Hashable, Comparable {
    case name
    case alias
    case handle
    case initials
    case project
    case surname
    case givenName
    case contextTerm

    var reportedKind: MentionKind? {
        switch self {
        case .name: .name
        case .alias: .alias
        case .handle: .handle
        case .initials: .initials
        case .project: .project
        case .surname: .surname
        case .givenName, .contextTerm: nil
        }
    }

    static func < (lhs: PatternRole, rhs: PatternRole) -> Bool { lhs.rawValue < rhs.rawValue }
}
