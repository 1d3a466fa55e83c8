/// When the surname alone counts as a mention of a watched person.
///
/// A distinctive surname ("Lovelace") identifies its person; a common one
/// ("Smith", "Wang") would fire on every page, so by default the surname counts
/// only when the same document also carries something else of that person.
public enum SurnamePolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// The surname alone is never a mention.
    case never
    /// The surname alone is a mention when the document also names the person's
    /// given name, an alias, a handle, a project or one of the context terms.
    case withContext = "with-context"
    /// The surname alone is always a mention.
    case always
}
