import VigilStore

/// Orders a cycle's feeds so that feeds of one host stand as far apart as the
/// list allows: the first feed of every host, then the second, and so on.
///
/// The cycle keeps a fixed number of feeds in the pipeline, and a feed whose
/// host is inside its politeness gap holds its place there while it waits. In
/// schedule order, a few hosts with several feeds each keep many places
/// waiting (a second of gap per feed by default) while other hosts sit idle;
/// spread out, each host's turns come round only after every other host had
/// one, by when its gap has passed. Within a host the schedule order is kept,
/// and hosts take their turns in the order their first feed was due.
public enum HostInterleaving {
    public static func interleaved(_ feeds: [FeedRecord]) -> [FeedRecord] {
        var groupOfHost: [Substring: Int] = [:]
        var groups: [[FeedRecord]] = []
        for feed in feeds {
            let host = hostKey(of: feed.url)
            if let index = groupOfHost[host] {
                groups[index].append(feed)
            } else {
                groupOfHost[host] = groups.count
                groups.append([feed])
            }
        }
        guard groups.count > 1, groups.count < feeds.count else { return feeds }
        var ordered: [FeedRecord] = []
        ordered.reserveCapacity(feeds.count)
        // Hosts with feeds left for this round; a host drops out once its
        // feeds are placed, so one big host does not make every round long.
        var active = Array(groups.indices)
        var round = 0
        while !active.isEmpty {
            for index in active { ordered.append(groups[index][round]) }
            round += 1
            active.removeAll { groups[$0].count <= round }
        }
        return ordered
    }

    /// The host part of a URL as politeness sees it (no user, no port, any
    /// case), read without a full parse so that a search template's
    /// `{query}` does not get in the way. A URL without "://" is its own key.
    static func hostKey(of url: String) -> Substring {
        guard let schemeEnd = url.range(of: "://") else { return Substring(url) }
        var authority = url[schemeEnd.upperBound...]
        if let end = authority.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
            authority = authority[..<end]
        }
        if let at = authority.lastIndex(of: "@") {
            authority = authority[authority.index(after: at)...]
        }
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return Substring(authority[...close].lowercased())
        }
        if let colon = authority.lastIndex(of: ":") {
            authority = authority[..<colon]
        }
        return Substring(authority.lowercased())
    }
}
