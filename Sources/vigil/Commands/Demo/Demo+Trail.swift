import Foundation
import VigilDaemon
import VigilStore
import VigilText

extension Vigil.Demo {
    /// The demo's GitHub trail: what the first cycle read from the
    /// repository, which links it followed and which feed it subscribed,
    /// then a second cycle in which that feed (the only one due) is polled.
    enum Trail {
        static func print(first: CycleReport, cycle: PollCycle, store: Store, watchlist: WatchlistSnapshot) async throws -> CycleReport {
            Output.line("")
            Output.line("== the GitHub trail")
            for repository in first.repositories {
                let outcome = repository.failure.map { "failed: \(UntrustedText.plain($0, limit: 200))" }
                    ?? "\(repository.comments) comments, \(repository.summary.findingsNew) findings"
                Output.line("   \(UntrustedText.plain(repository.repo)): \(repository.requests) requests, \(outcome)")
            }
            for link in try store.followedLinks().reversed() {
                Output.line("   followed \(UntrustedText.plain(URLRedaction.redacted(link.url), limit: 160)) (linked by @\(UntrustedText.plain(link.linkedBy ?? "?"))): \(UntrustedText.plain(link.detail ?? link.state.rawValue, limit: 120))")
            }
            for url in first.links.feedsSubscribed {
                let reason = try store.feed(url: url)?.addedReason ?? ""
                Output.line("   subscribed \(UntrustedText.plain(URLRedaction.redacted(url), limit: 160)), tagged followed")
                Output.line("     why: \(UntrustedText.plain(URLRedaction.redactingURLs(in: reason), limit: 200))")
            }
            let second = try await cycle.run(dueOnly: true, watchlist: watchlist)
            Output.line("== second cycle: \(second.feedsPolled) feed due (the one vigil subscribed), \(second.entries) entries, \(second.summary.findingsNew) new findings")
            return second
        }
    }
}
