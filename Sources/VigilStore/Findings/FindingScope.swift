/// Whose findings a query or a digest covers: everyone, one watched person,
/// or the members of one team.
public enum FindingScope: Sendable, Hashable {
    case all
    case person(String)
    case team(String)

    /// The scope as the `digests` table keys it: `all`, `person:NAME`, `team:NAME`.
    public var key: String {
        switch self {
        case .all: "all"
        case .person(let name): "person:\(name)"
        case .team(let name): "team:\(name)"
        }
    }
}
