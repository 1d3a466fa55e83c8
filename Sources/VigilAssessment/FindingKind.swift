/// What a text does to a watched person: the distinction between an attack and
/// the news about one, which decides whether a finding may page anyone.
public enum FindingKind: String, Codable, Sendable, CaseIterable {
    /// The author attacks the person, reports having attacked them, or plans to.
    case attack
    /// The text reports, quotes, analyses or condemns an attack or controversy
    /// involving the person.
    case coverage
    /// Anything else that names the person.
    case mention
}
