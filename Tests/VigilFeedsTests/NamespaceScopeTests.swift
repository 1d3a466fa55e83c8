import Testing
@testable import VigilFeeds

/// The scope answers like a plain list of declarations searched innermost first,
/// below and above the size at which it switches to an index.
@Suite struct NamespaceScopeTests {
    /// The reference: every declaration in a list, searched from the end.
    struct PlainScope {
        var declarations: [(String, String)] = [("xml", XMLDocument.xmlNamespace)]
        var starts: [Int] = []
        mutating func enter() { starts.append(declarations.count) }
        mutating func leave() { declarations.removeSubrange(starts.removeLast()...) }
        mutating func declare(_ prefix: String, _ namespace: String) {
            if let index = declarations[starts.last!...].firstIndex(where: { $0.0 == prefix }) {
                declarations[index].1 = namespace
            } else {
                declarations.append((prefix, namespace))
            }
        }
        func resolve(_ prefix: String) -> String? {
            declarations.last { $0.0 == prefix }?.1 ?? (prefix.isEmpty ? "" : nil)
        }
    }

    @Test(arguments: [4, 31, 33, 200])
    func nestedDeclarationsResolveLikeAPlainList(perElement: Int) {
        var scope = NamespaceScope()
        var plain = PlainScope()
        let prefixes = (0..<(perElement + 5)).map { "p\($0)" } + ["", "xml"]
        for depth in 0..<4 {
            scope.enterElement()
            plain.enter()
            for index in 0..<perElement {
                // Each level redeclares some prefixes of the level above and adds its own;
                // a prefix repeated in one tag keeps its last value.
                let prefix = prefixes[(index * 3 + depth) % prefixes.count]
                scope.declare(prefix, "urn:\(depth):\(index)")
                plain.declare(prefix, "urn:\(depth):\(index)")
            }
            for prefix in prefixes + ["undeclared"] { #expect(scope.resolve(prefix) == plain.resolve(prefix)) }
        }
        for _ in 0..<4 {
            scope.leaveElement()
            plain.leave()
            for prefix in prefixes + ["undeclared"] { #expect(scope.resolve(prefix) == plain.resolve(prefix)) }
        }
    }

    @Test func aFeedDeclaringThousandsOfPrefixesStillParses() {
        var xml = "<rss version=\"2.0\"><channel"
        for index in 0..<5_000 { xml += " xmlns:n\(index)=\"urn:n:\(index)\"" }
        xml += "><title>Many</title>"
        for index in 0..<500 { xml += "<item><n\(index * 7):extra>x</n\(index * 7):extra><title>Item \(index)</title></item>" }
        xml += "</channel></rss>"
        let feed = FeedParser.parse(Array(xml.utf8), contentType: nil, url: nil)
        #expect(feed.entries.count == 500)
        #expect(feed.entries.last?.title?.value == "Item 499")
    }
}
