import Logging
import VigilAlerts
import VigilStore

/// Connects the pipeline to the alert channels: which alerts a new finding
/// queues (the router the Plan stage asks), and who delivers them.
public enum AlertWiring {
    /// The config's channels and team routes as a router.
    public static func router(for config: VigilConfig) -> AlertRouter {
        var teamChannels: [String: [String]] = [:]
        for team in config.teams { teamChannels[team.name, default: []].append(contentsOf: team.channels) }
        return AlertRouter(channels: config.channels, teamChannels: teamChannels, burstLimit: config.alerts.burstLimit)
    }

    public static func dispatcher(for config: VigilConfig, store: Store, logger: Logger) -> AlertDispatcher {
        AlertDispatcher(store: store, channels: config.channels, logger: logger)
    }
}
