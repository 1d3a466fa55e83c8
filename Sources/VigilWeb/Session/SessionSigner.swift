import Crypto
import Foundation

/// Signs and checks the dashboard's cookies and CSRF tokens with one secret
/// key (HMAC-SHA256). Sessions live in the cookie itself, so the server keeps
/// no session table; the signature is what makes the cookie unforgeable.
struct SessionSigner: Sendable {
    /// How long a session lasts from sign-in.
    static let lifetime: TimeInterval = 12 * 3600

    /// The HMAC key's bytes (a digest of the stored secret); `SymmetricKey` is not `Sendable`.
    private let keyBytes: [UInt8]

    init(secret: String) {
        keyBytes = Array(SHA256.hash(data: Data(secret.utf8)))
    }

    /// A random key for a new database, as text.
    static func generateSecret() -> String {
        randomToken(bytes: 32)
    }

    static func randomToken(bytes: Int = 16) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }

    /// The cookie value for `claims`: the JSON, base64url, a dot and its signature.
    func cookieValue(for claims: SessionClaims) -> String {
        let payload = Self.base64URL((try? JSONEncoder().encode(claims)) ?? Data())
        return payload + "." + signature(of: "session:" + payload)
    }

    /// The claims of a cookie whose signature checks and that has not expired.
    func claims(fromCookie value: String, now: Date) -> SessionClaims? {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, Self.constantTimeEqual(signature(of: "session:" + parts[0]), String(parts[1])),
              let data = Self.data(base64URL: String(parts[0])),
              let claims = try? JSONDecoder().decode(SessionClaims.self, from: data)
        else { return nil }
        let age = now.timeIntervalSince1970 - Double(claims.issuedAt)
        guard age >= -60, age < Self.lifetime else { return nil }
        return claims
    }

    /// The token a signed-in session's forms carry.
    func csrfToken(for claims: SessionClaims) -> String {
        signature(of: "csrf:" + claims.nonce)
    }

    /// The token the login form carries, bound to the nonce in the login cookie.
    func loginToken(forNonce nonce: String) -> String {
        signature(of: "login:" + nonce)
    }

    /// A short digest of a password hash, for `SessionClaims.passwordTag`.
    func passwordTag(for passwordHash: String) -> String {
        String(signature(of: "password:" + passwordHash).prefix(16))
    }

    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8)
        let b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    private func signature(of message: String) -> String {
        Self.base64URL(Data(HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: SymmetricKey(data: keyBytes))))
    }

    private static func base64URL(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func data(base64URL text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
