/// A person on the watchlist, with every way the web may refer to them.
///
/// The matcher derives its patterns from these fields: the full name, the
/// aliases (any script), the handles (`@login`, GitHub logins; a leading `@` is
/// optional), initials of the given names with the surname ("A. Lovelace"), the
/// surname alone under `surnamePolicy`, and the projects. `contextTerms` are
/// never reported on their own; they only vouch for a bare surname.
public struct WatchedPerson: Sendable, Hashable, Codable {
    public var name: String
    public var aliases: [String]
    public var handles: [String]
    public var projects: [String]
    public var contextTerms: [String]
    public var surnamePolicy: SurnamePolicy

    public init(
        name: String,
        aliases: [String] = [],
        handles: [String] = [],
        projects: [String] = [],
        contextTerms: [String] = [],
        surnamePolicy: SurnamePolicy = .withContext
    ) {
        self.name = name
        self.aliases = aliases
        self.handles = handles
        self.projects = projects
        self.contextTerms = contextTerms
        self.surnamePolicy = surnamePolicy
    }
}
