import Foundation
import VigilStore

/// Which links of a poll's entries vigil follows: those of new or edited
/// entries that mention a watched person, and those of comments on a pull
/// request a watched person closed (`PreparedEntry.followsLinks`). Links to
/// the hosts that are sources in their own right (GitHub's pages and API)
/// and to the entry itself are not followed.
public struct LinkSelection: Sendable {
    /// At most this many links of one entry: a link dump is not a trail.
    public var maximumPerEntry: Int
    /// Hosts never followed (lowercased).
    public var skippedHosts: Set<String>
    /// When set, the only hosts followed (lowercased).
    public var onlyHosts: Set<String>?

    public init(
        maximumPerEntry: Int = 10, skippedHosts: Set<String> = ["github.com", "api.github.com", "gist.github.com"],
        onlyHosts: Set<String>? = nil
    ) {
        self.maximumPerEntry = maximumPerEntry
        self.skippedHosts = skippedHosts
        self.onlyHosts = onlyHosts
    }

    public func links(of polled: PolledFeed, mentions: EntryMentions, statuses: [EntryStatus], now: Date) -> [FollowedLinkRecord] {
        var links: [FollowedLinkRecord] = []
        var seen = Set<String>()
        for (index, entry) in polled.entries.enumerated() where index < statuses.count {
            switch statuses[index] {
            case .new, .edited: break
            case .unchanged, .duplicateContent: continue
            }
            guard entry.followsLinks || !mentions.mentions[index].isEmpty else { continue }
            var taken = 0
            for link in entry.followableLinks() where taken < maximumPerEntry && link != entry.url {
                guard let url = URL(string: link), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
                      let host = url.host?.lowercased(), !host.isEmpty, !skippedHosts.contains(host),
                      onlyHosts?.contains(host) ?? true,
                      seen.insert(link).inserted
                else { continue }
                taken += 1
                links.append(FollowedLinkRecord(url: link, host: host, fromUrl: entry.url, linkedBy: entry.account, queuedAt: now))
            }
        }
        return links
    }
}
