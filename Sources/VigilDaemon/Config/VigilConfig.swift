import Foundation
import VigilAlerts
import VigilDigest
import VigilStore

/// The whole configuration, read from one TOML file. Paths in it are
/// relative to the file's folder.
public struct VigilConfig: Sendable, Equatable {
    /// The config file this was read from.
    public var path: String
    /// The database file, resolved against the config file's folder, or a
    /// `postgresql://` URL.
    public var databasePath: String
    /// Where a PostgreSQL database's password comes from when its URL has none.
    public var databasePasswordEnv: String?
    public var databasePasswordFile: String?
    public var poll = PollSettings()
    public var thresholds = SeverityThresholds()
    public var people: [PersonSpec] = []
    public var teams: [TeamSettings] = []
    public var feeds: [FeedSpec] = []
    /// Repositories on GitHub whose comments and closed pull requests are read.
    public var github: [GitHubRepositorySpec] = []
    public var channels: [ChannelSettings] = []
    public var alerts = AlertSettings()
    public var digest = DigestSettings()
    public var log = LogSettings()
    /// Loopback address for the Prometheus endpoint, e.g. "127.0.0.1:9464"; nil disables it.
    public var metricsListen: String?
    /// `HOST:PORT` for the dashboard inside `vigil run`; nil serves none.
    public var webListen: String?
    /// `[web] trusted_proxies`: reverse proxies whose forwarding headers the dashboard believes.
    public var webTrustedProxies: [String] = []

    public init(path: String, databasePath: String) {
        self.path = path
        self.databasePath = databasePath
    }

    /// The PostgreSQL database the config names, or nil for a SQLite file.
    public func postgreSQLLocation() throws -> PostgreSQLLocation? {
        guard PostgreSQLLocation.isURL(databasePath) else { return nil }
        return try PostgreSQLLocation(url: databasePath, passwordEnv: databasePasswordEnv, passwordFile: databasePasswordFile)
    }

    /// Every team named anywhere in the config: declared ones and those people belong to.
    public var allTeamNames: [String] {
        var names = teams.map(\.name)
        for person in people { names.append(contentsOf: person.teams) }
        var seen = Set<String>()
        return names.filter { seen.insert($0.lowercased()).inserted }
    }

    /// Writes the config's people, teams, feeds and GitHub repositories into the store.
    @discardableResult
    public func sync(into store: Store) throws -> ConfigSyncSummary {
        let summary = try store.syncConfig(people: people, teams: allTeamNames, feeds: feeds, defaultIntervalSeconds: poll.intervalSeconds)
        try store.syncGitHubRepositories(github)
        try store.watchProjectRepositories()
        return summary
    }
}
