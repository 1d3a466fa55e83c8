/// Which of a person's names a mention matched; scorers weigh a project
/// mention differently from the person's full name.
public enum MentionKind: String, Sendable, Hashable, Codable, CaseIterable {
    case name
    case alias
    case handle
    case initials
    case surname
    case project
}
