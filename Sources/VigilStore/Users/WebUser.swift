import Foundation

/// An account of the dashboard: who signs in, how the password is checked,
/// and whose findings they may see.
public struct WebUser: Sendable, Equatable {
    public var id: Int64
    public var name: String
    /// The password's bcrypt hash; the password itself is never stored.
    public var passwordHash: String
    /// An admin sees every finding; anyone else only those about people in `teams`.
    public var isAdmin: Bool
    /// Team names, sorted; they need not name a team anyone is in yet.
    public var teams: [String]
    public var createdAt: Date

    public init(id: Int64, name: String, passwordHash: String, isAdmin: Bool, teams: [String], createdAt: Date) {
        self.id = id
        self.name = name
        self.passwordHash = passwordHash
        self.isAdmin = isAdmin
        self.teams = teams
        self.createdAt = createdAt
    }

    /// What this user may see, as a filter narrows findings: nil for everyone's.
    public var visibleTeams: [String]? {
        isAdmin ? nil : teams
    }
}
