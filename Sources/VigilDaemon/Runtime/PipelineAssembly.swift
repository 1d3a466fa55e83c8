import Foundation
import Logging
import VigilAlerts
import VigilFeeds
import VigilScoring
import VigilStore

/// Builds the pipeline's stages from the config, the same way for the
/// daemon, `vigil poll --once` and the demo.
public enum PipelineAssembly {
    /// The fetcher's limits from the poll settings, with vigil's User-Agent.
    public static func fetchConfiguration(_ poll: PollSettings, version: String) -> FetchConfiguration {
        FetchConfiguration(
            userAgent: FetchConfiguration.userAgent(version: version),
            maxConcurrentTransfers: poll.maxConnections,
            maxConcurrentPerHost: poll.maxConnectionsPerHost,
            minimumHostGap: .milliseconds(Int64(poll.hostGapSeconds * 1000)),
            allowFileURLs: poll.allowFileURLs,
            allowPrivateAddresses: poll.allowPrivateAddresses)
    }

    /// The scoring policy with the config's severity thresholds.
    public static func attackPolicy(_ thresholds: SeverityThresholds) -> AttackPolicy {
        var policy = AttackPolicy.standard
        policy.lowThreshold = thresholds.low
        policy.mediumThreshold = thresholds.medium
        policy.highThreshold = thresholds.high
        return policy
    }

    /// A poll cycle over `store` with the shipped models.
    public static func pollCycle(
        config: VigilConfig, store: Store, version: String, logger: Logger,
        router: AlertRouter
    ) throws -> PollCycle {
        let fetcher: FeedFetcher
        do {
            fetcher = try FeedFetcher(configuration: fetchConfiguration(config.poll, version: version))
        } catch {
            throw DaemonError("cannot start the fetcher: \(error)")
        }
        let scorer: TextScorer
        do {
            scorer = try TextScorer.shipped(policy: attackPolicy(config.thresholds))
        } catch {
            throw DaemonError("cannot load the scoring models: \(error)")
        }
        let poller = FeedPoller(
            store: store, entries: EntryStage(fetcher: fetcher, stateUpdate: FeedStateUpdate(settings: config.poll)),
            assessment: AssessmentStage(scoring: ScoringStep(scorer: scorer)), planner: PollPlanner(router: router),
            linkSelection: config.poll.followLinks ? LinkSelection(onlyHosts: config.poll.followedLinkHosts) : nil)
        let source: GitHubSource
        do {
            // One API host, asked one request at a time: a quarter of the
            // feeds' gap keeps 100 repositories' 304s within a minute and a half.
            var engine = fetchConfiguration(config.poll, version: version).engineConfiguration
            engine.minimumHostGap = engine.minimumHostGap / 4
            engine.maxConcurrentPerHost = 1
            source = try GitHubSource(engineConfiguration: engine, allowPrivateAddresses: config.poll.allowPrivateAddresses)
        } catch {
            throw DaemonError("cannot start the GitHub client: \(error)")
        }
        let github = GitHubPoller(
            store: store, source: source, poller: poller, interval: .seconds(config.poll.intervalSeconds), logger: logger)
        var links: LinkFollower?
        if config.poll.followLinks {
            let following = AttackerFollowing(
                store: store, discoverer: FeedDiscoverer(fetcher: fetcher), intervalSeconds: config.poll.intervalSeconds, logger: logger)
            links = LinkFollower(
                store: store, fetcher: fetcher, poller: poller, following: following,
                maximumPerCycle: config.poll.maxLinksPerCycle, maximumPerHost: config.poll.maxLinksPerHost, logger: logger)
        }
        return PollCycle(
            poller: poller, maxFeedsInFlight: config.poll.maxConnections * 2, logger: logger, github: github, links: links)
    }
}
