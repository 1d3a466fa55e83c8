import Foundation

/// What a session cookie says, once its signature checks: who signed in,
/// when, with which password, and the nonce the session's CSRF token derives from.
struct SessionClaims: Codable, Sendable, Equatable {
    var userID: Int64
    var issuedAt: Int64
    /// A digest of the password hash at sign-in: a new password ends every
    /// session opened with the old one.
    var passwordTag: String
    var nonce: String

    enum CodingKeys: String, CodingKey {
        case userID = "u", issuedAt = "i", passwordTag = "p", nonce = "n"
    }
}
