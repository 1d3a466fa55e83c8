import Testing
@testable import VigilAlerts

/// The webhook signature against the published HMAC-SHA256 vectors (RFC 4231),
/// since webhook receivers verify our signatures with their own implementations,
/// and the short digests that name bursts, groups and mail boundaries.
@Suite struct CryptoTests {
    @Test func shortDigestsAreTheSHA256PrefixInHex() {
        // FIPS 180-4's "abc" example, first 12 bytes: derived keys stay what
        // they were with the earlier hand-written hash, so rows queued by an
        // older vigil keep their keys.
        #expect(Hex.shortDigest(of: "abc") == "ba7816bf8f01cfea414140de")
        #expect(Hex.shortDigest(of: "") == "e3b0c44298fc1c149afbf4c8")
    }

    @Test func hmacRFC4231() {
        func bytes(_ hex: String) -> [UInt8] {
            var out: [UInt8] = []
            var index = hex.startIndex
            while index < hex.endIndex {
                let next = hex.index(index, offsetBy: 2)
                out.append(UInt8(hex[index..<next], radix: 16)!)
                index = next
            }
            return out
        }
        // Test case 1
        #expect(Hex.encode(WebhookSignature.code(key: [UInt8](repeating: 0x0b, count: 20), message: Array("Hi There".utf8)))
            == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        // Test case 2: a key shorter than the block
        #expect(Hex.encode(WebhookSignature.code(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        // Test case 3
        #expect(Hex.encode(WebhookSignature.code(key: [UInt8](repeating: 0xaa, count: 20), message: [UInt8](repeating: 0xdd, count: 50)))
            == "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe")
        // Test case 4
        #expect(Hex.encode(WebhookSignature.code(key: bytes("0102030405060708090a0b0c0d0e0f10111213141516171819"), message: [UInt8](repeating: 0xcd, count: 50)))
            == "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b")
        // Test case 6: a key longer than the block is hashed first
        #expect(Hex.encode(WebhookSignature.code(key: [UInt8](repeating: 0xaa, count: 131), message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
            == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
        // Test case 7
        let message = "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."
        #expect(Hex.encode(WebhookSignature.code(key: [UInt8](repeating: 0xaa, count: 131), message: Array(message.utf8)))
            == "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2")
    }

    @Test func signatureHeaderFormat() {
        let header = WebhookSignature.header(secret: "key", body: Array("The quick brown fox jumps over the lazy dog".utf8))
        #expect(header == "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8")
    }
}
