import Crypto

/// The `X-Vigil-Signature` header: HMAC-SHA256 (RFC 2104) of the exact body
/// bytes, so a receiver can check that an alert came from this vigil and was
/// not altered. Receivers verify it with their own HMAC; the format is the
/// contract, the primitive is swift-crypto's.
public enum WebhookSignature {
    /// "sha256=" and the lowercase hex of the HMAC of `body` under `secret`.
    public static func header(secret: String, body: [UInt8]) -> String {
        "sha256=" + Hex.encode(code(key: Array(secret.utf8), message: body))
    }

    static func code(key: [UInt8], message: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }
}
