import Foundation
import VigilFeeds

/// Finds the public conformance suites in ../shared/testdata/feeds and turns
/// each fixture into a record: what the suite expects, and what vigil parsed.
struct ConformanceFixtures {
    let root: URL

    /// The suites' folder, or nil when ../shared is not there (a user's fresh clone).
    static func locate() -> ConformanceFixtures? {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            ProcessInfo.processInfo.environment["VIGIL_FEED_FIXTURES"].map { URL(fileURLWithPath: $0) },
            packageRoot.appendingPathComponent("../shared/testdata/feeds").standardizedFileURL,
        ].compactMap { $0 }
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("feedparser").path) {
            return ConformanceFixtures(root: candidate)
        }
        return nil
    }

    /// Every file below `folder` whose name ends in one of `extensions`, sorted.
    func files(under folder: String, extensions: Set<String>) -> [URL] {
        let base = root.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        var result: [URL] = []
        for case let url as URL in enumerator where extensions.contains(url.pathExtension) {
            result.append(url)
        }
        return result.sorted { $0.path < $1.path }
    }

    func relativePath(_ url: URL) -> String {
        String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
    }

    /// The header comment of a feedparser fixture: `Expect:`, `Header:`, `SkipUnless:`, `Description:`.
    struct FeedparserHeader {
        var description = ""
        var expect = ""
        var skipUnless: String?
        var headers: [(name: String, value: String)] = []
    }

    static func feedparserHeader(_ bytes: [UInt8], isJSON: Bool) -> FeedparserHeader? {
        // The comment is in the document's own encoding (UTF-16/32 included).
        let decoded = CharacterDecoder.decode(bytes)
        let text = String(decoding: decoded.utf8, as: UTF8.self)
        var header = FeedparserHeader()
        if isJSON {
            guard let object = try? JSONSerialization.jsonObject(with: Data(decoded.utf8)) as? [String: Any],
                  let lines = object["__TEST__"] else { return nil }
            let joined = (lines as? [String])?.joined(separator: "\n") ?? (lines as? String) ?? ""
            parse(joined, into: &header)
        } else {
            guard let start = text.range(of: "<!--"), let end = text.range(of: "-->", range: start.upperBound..<text.endIndex) else {
                return nil
            }
            parse(String(text[start.upperBound..<end.lowerBound]), into: &header)
        }
        return header.expect.isEmpty ? nil : header
    }

    private static func parse(_ comment: String, into header: inout FeedparserHeader) {
        for rawLine in comment.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            func value(after prefix: String) -> String? {
                guard line.hasPrefix(prefix) else { return nil }
                return String(line.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            }
            if let expect = value(after: "Expect:") {
                header.expect = expect
            } else if let description = value(after: "Description:") {
                header.description = description
            } else if let skip = value(after: "SkipUnless:") {
                header.skipUnless = skip
            } else if let raw = value(after: "Header:"), let colon = raw.firstIndex(of: ":") {
                header.headers.append((
                    String(raw[..<colon]).trimmingCharacters(in: .whitespaces),
                    String(raw[raw.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
            }
        }
    }
}
