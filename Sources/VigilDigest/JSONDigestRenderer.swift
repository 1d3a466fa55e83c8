import VigilText
import Foundation

/// The digest as one JSON object with snake_case keys and ISO 8601 dates.
/// Text from feeds is kept as it is (it is data here), but characters a
/// terminal could act on are written as `\u` escapes.
enum JSONDigestRenderer {
    static func render(_ digest: Digest) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let json = String(decoding: try encoder.encode(digest), as: UTF8.self)
        return UntrustedText.jsonEscapingInvisibles(json) + "\n"
    }
}
