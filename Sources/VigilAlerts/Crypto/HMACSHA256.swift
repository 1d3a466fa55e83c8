/// HMAC-SHA256 (RFC 2104), used to sign webhook bodies so a receiver can
/// check that an alert came from this vigil and was not altered.
public enum HMACSHA256 {
    public static func authenticationCode(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var blockKey = key.count > SHA256.blockSize ? SHA256.hash(key) : key
        blockKey += [UInt8](repeating: 0, count: SHA256.blockSize - blockKey.count)
        var inner = SHA256()
        inner.update(blockKey.map { $0 ^ 0x36 })
        inner.update(message)
        let innerDigest = inner.finalize()
        var outer = SHA256()
        outer.update(blockKey.map { $0 ^ 0x5c })
        outer.update(innerDigest)
        return outer.finalize()
    }

    /// The value of the `X-Vigil-Signature` header for `body`: "sha256=" and lowercase hex.
    public static func signatureHeader(secret: String, body: [UInt8]) -> String {
        "sha256=" + Hex.encode(authenticationCode(key: Array(secret.utf8), message: body))
    }
}
