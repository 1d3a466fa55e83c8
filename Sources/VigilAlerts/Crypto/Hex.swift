import Crypto

/// Lowercase hexadecimal, as signatures and derived identifiers are written.
public enum Hex {
    public static func encode(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The first 12 bytes of the SHA-256 of `text`, in hex: a short name
    /// derived from keys (a burst's, a group's, a mail's boundary) that is the
    /// same wherever and however often it is derived.
    public static func shortDigest(of text: String) -> String {
        encode(Array(SHA256.hash(data: Array(text.utf8)).prefix(12)))
    }
}
