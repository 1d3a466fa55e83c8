import VigilStore

/// The user a valid session cookie names, with the token their forms carry.
struct SignedInUser: Sendable {
    var user: WebUser
    var claims: SessionClaims
    var csrfToken: String

    /// Whether the user may see findings about someone in `teams`.
    func maySee(personTeams teams: [String]) -> Bool {
        guard let visible = user.visibleTeams else { return true }
        let allowed = Set(visible.map { $0.lowercased() })
        return teams.contains { allowed.contains($0.lowercased()) }
    }
}
