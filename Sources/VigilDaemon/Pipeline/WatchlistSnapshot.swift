import VigilStore
import VigilText

/// The watchlist as one poll cycle sees it: the stored people, the matcher
/// built from them, and the way back from a mention to a person's row.
///
/// Built once per cycle (and on SIGHUP), so matching costs one automaton pass
/// per item whatever the size of the watchlist.
public struct WatchlistSnapshot: Sendable {
    public let entries: [PersonEntry]
    public let people: [WatchedPerson]
    public let matcher: MentionMatcher

    public init(entries: [PersonEntry]) {
        self.entries = entries
        people = entries.map { entry in
            WatchedPerson(
                name: entry.person.name, aliases: entry.person.aliases, handles: entry.person.handles,
                projects: entry.person.projects, contextTerms: entry.person.contextTerms,
                surnamePolicy: entry.person.surnameNeedsContext ? .withContext : .always)
        }
        matcher = MentionMatcher(people: people)
    }

    /// The stored ID of the person a mention refers to.
    public func personID(forIndex index: Int) -> Int64? {
        entries.indices.contains(index) ? entries[index].person.id : nil
    }

    /// The terms a search template is expanded with, by kind ("names" covers
    /// names and aliases), filtered by the template's pattern when it has one.
    public func queryTerms(kinds: [String], pattern: String?) -> [String] {
        let kinds = kinds.isEmpty ? ["names"] : kinds
        var terms: [String] = []
        for entry in entries {
            if kinds.contains("names") { terms.append(entry.person.name); terms.append(contentsOf: entry.person.aliases) }
            if kinds.contains("handles") { terms.append(contentsOf: entry.person.handles) }
            if kinds.contains("projects") { terms.append(contentsOf: entry.person.projects) }
        }
        guard let pattern, let expression = try? Regex(pattern) else { return terms }
        return terms.filter { (try? expression.wholeMatch(in: $0)) != nil }
    }
}
