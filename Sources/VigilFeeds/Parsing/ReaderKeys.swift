/// The keys a reader switches on (see `FeedNamespace.key`), for the elements of one document.
///
/// Working out a namespace's key prefix hashes its URI through a set and a dictionary;
/// a document uses a handful of namespaces for thousands of elements, so each prefix is
/// worked out once and then recognised by comparison, which is immediate for elements
/// sharing the declaration's string.
final class ReaderKeys {
    private let core: [String]
    private var known: [(namespace: String, prefix: String)] = []
    /// More namespaces than this (a hostile document) are worked out each time rather than
    /// remembered, so recognising one never becomes a long scan.
    private static let maximumRemembered = 16

    init(core: [String]) {
        self.core = core
    }

    func key(for element: XMLElement) -> String {
        let namespace = element.namespace
        guard !namespace.isEmpty else { return FeedNamespace.key(for: element, core: core) }
        for entry in known where entry.namespace == namespace {
            return entry.prefix + ":" + element.localName
        }
        let prefix = FeedNamespace.keyPrefix(for: namespace, core: core)
        if known.count < Self.maximumRemembered { known.append((namespace, prefix)) }
        return prefix + ":" + element.localName
    }
}
