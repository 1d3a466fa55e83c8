/// The account a comment, an event or a pull request names: its login and
/// whether GitHub says it is a person, a bot or an organization.
public struct GitHubAccount: Decodable, Sendable, Equatable {
    public let login: String
    /// "User", "Bot" or "Organization" as GitHub sends it; an app's account is a "Bot".
    public let type: String

    public init(login: String, type: String) {
        self.login = login
        self.type = type
    }
}
