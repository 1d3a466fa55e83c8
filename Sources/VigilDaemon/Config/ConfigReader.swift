import Foundation
import TOMLKit
import VigilAlerts
import VigilHTTP
import VigilStore

/// Walks a parsed TOML table into a `VigilConfig`, keeping track of where it
/// is so that each error can name the line and the key.
struct ConfigReader {
    let path: String
    let locator: TOMLKeyLocator

    init(path: String, locator: TOMLKeyLocator) {
        self.path = path
        self.locator = locator
    }

    mutating func read(_ root: TOMLTable) throws -> VigilConfig {
        let scope = Scope(table: nil, index: nil)
        try checkKeys(root, allowed: ["database", "password_env", "password_file", "poll", "thresholds", "people", "teams", "feeds", "github", "channels", "alerts", "digest", "log", "metrics", "web"], scope: scope)
        let folder = (path as NSString).deletingLastPathComponent
        let database = try string(root, "database", scope) ?? "vigil.db"
        let databasePath = database.hasPrefix("/") || PostgreSQLLocation.isURL(database)
            ? database : (folder.isEmpty ? database : folder + "/" + database)
        var config = VigilConfig(path: path, databasePath: databasePath)
        config.databasePasswordEnv = try string(root, "password_env", scope)
        config.databasePasswordFile = try string(root, "password_file", scope).map {
            $0.hasPrefix("/") || folder.isEmpty ? $0 : folder + "/" + $0
        }

        if let poll = try subtable(root, "poll") {
            let scope = Scope(table: "poll", index: nil)
            try checkKeys(poll, allowed: ["interval", "min_interval", "max_interval", "allow_file_urls", "allow_private_addresses", "max_connections", "max_connections_per_host", "host_gap", "retention", "follow_links", "max_links_per_cycle", "max_links_per_host", "worker_lease"], scope: scope)
            config.poll.intervalSeconds = try duration(poll, "interval", scope) ?? config.poll.intervalSeconds
            config.poll.minIntervalSeconds = try duration(poll, "min_interval", scope) ?? min(config.poll.minIntervalSeconds, config.poll.intervalSeconds)
            config.poll.maxIntervalSeconds = try duration(poll, "max_interval", scope) ?? max(config.poll.maxIntervalSeconds, config.poll.intervalSeconds)
            config.poll.allowFileURLs = try bool(poll, "allow_file_urls", scope) ?? false
            config.poll.allowPrivateAddresses = try bool(poll, "allow_private_addresses", scope) ?? false
            config.poll.maxConnections = try positiveInt(poll, "max_connections", scope) ?? config.poll.maxConnections
            config.poll.maxConnectionsPerHost = try positiveInt(poll, "max_connections_per_host", scope) ?? config.poll.maxConnectionsPerHost
            if let gap = try duration(poll, "host_gap", scope, allowZero: true) { config.poll.hostGapSeconds = Double(gap) }
            config.poll.retentionSeconds = try duration(poll, "retention", scope) ?? config.poll.retentionSeconds
            config.poll.followLinks = try bool(poll, "follow_links", scope) ?? config.poll.followLinks
            config.poll.maxLinksPerCycle = try positiveInt(poll, "max_links_per_cycle", scope) ?? config.poll.maxLinksPerCycle
            config.poll.maxLinksPerHost = try positiveInt(poll, "max_links_per_host", scope) ?? config.poll.maxLinksPerHost
            config.poll.workerLeaseSeconds = try duration(poll, "worker_lease", scope) ?? config.poll.workerLeaseSeconds
            guard config.poll.intervalSeconds > 0 else { throw error(scope, "interval", "must be longer than 0s") }
            guard config.poll.minIntervalSeconds <= config.poll.intervalSeconds,
                  config.poll.intervalSeconds <= config.poll.maxIntervalSeconds else {
                throw error(scope, "interval", "must lie between min_interval and max_interval")
            }
        }

        if let thresholds = try subtable(root, "thresholds") {
            let scope = Scope(table: "thresholds", index: nil)
            try checkKeys(thresholds, allowed: ["low", "medium", "high"], scope: scope)
            config.thresholds.low = try probability(thresholds, "low", scope) ?? config.thresholds.low
            config.thresholds.medium = try probability(thresholds, "medium", scope) ?? config.thresholds.medium
            config.thresholds.high = try probability(thresholds, "high", scope) ?? config.thresholds.high
            guard config.thresholds.low <= config.thresholds.medium, config.thresholds.medium <= config.thresholds.high else {
                throw error(scope, "medium", "thresholds must rise: low <= medium <= high")
            }
        }

        var names = Set<String>()
        for (index, person) in try tables(root, "people").enumerated() {
            let scope = Scope(table: "people", index: index)
            try checkKeys(person, allowed: ["name", "aliases", "handles", "projects", "context", "teams", "surname_needs_context"], scope: scope)
            guard let name = try string(person, "name", scope), !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw error(scope, "name", "every [[people]] entry needs a name")
            }
            guard names.insert(name.lowercased()).inserted else { throw error(scope, "name", "'\(name)' is declared twice") }
            let spec = PersonSpec(
                name: name,
                aliases: try strings(person, "aliases", scope),
                handles: try strings(person, "handles", scope),
                projects: try strings(person, "projects", scope),
                contextTerms: try strings(person, "context", scope),
                surnameNeedsContext: try bool(person, "surname_needs_context", scope) ?? true,
                teams: try strings(person, "teams", scope))
            try checkTerms(of: spec, scope)
            config.people.append(spec)
        }

        for (index, team) in try tables(root, "teams").enumerated() {
            let scope = Scope(table: "teams", index: index)
            try checkKeys(team, allowed: ["name", "channels"], scope: scope)
            guard let name = try string(team, "name", scope) else { throw error(scope, "name", "every [[teams]] entry needs a name") }
            var settings = TeamSettings(name: name)
            settings.channels = try strings(team, "channels", scope)
            config.teams.append(settings)
        }

        var urls = Set<String>()
        for (index, feed) in try tables(root, "feeds").enumerated() {
            let scope = Scope(table: "feeds", index: index)
            try checkKeys(feed, allowed: ["url", "title", "every", "tags", "enabled"], scope: scope)
            guard let url = try string(feed, "url", scope) else { throw error(scope, "url", "every [[feeds]] entry needs a url") }
            guard urls.insert(url).inserted else { throw error(scope, "url", "\(url) is declared twice") }
            config.feeds.append(FeedSpec(
                url: url, title: try string(feed, "title", scope), tags: try strings(feed, "tags", scope),
                intervalSeconds: try duration(feed, "every", scope), enabled: try bool(feed, "enabled", scope) ?? true))
        }

        var repositories = Set<String>()
        for (index, repository) in try tables(root, "github").enumerated() {
            let scope = Scope(table: "github", index: index)
            try checkKeys(repository, allowed: ["repo", "api_url", "token_env", "token_file"], scope: scope)
            guard let repo = try string(repository, "repo", scope) else {
                throw error(scope, "repo", "every [[github]] entry needs a repo (OWNER/NAME)")
            }
            let spec: GitHubRepositorySpec
            do {
                spec = try GitHubRepositorySpec(
                    repo: repo, apiURL: try string(repository, "api_url", scope) ?? GitHubRepositorySpec.defaultAPIURL,
                    tokenEnv: try string(repository, "token_env", scope), tokenFile: try string(repository, "token_file", scope)
                ).validated()
            } catch let failure as StoreError {
                throw error(scope, nil, failure.message)
            }
            guard repositories.insert("\(spec.repo.lowercased()) \(spec.apiURL)").inserted else {
                throw error(scope, "repo", "\(spec.repo) is declared twice")
            }
            config.github.append(spec)
        }

        var channelNames = Set<String>()
        for (index, channel) in try tables(root, "channels").enumerated() {
            let scope = Scope(table: "channels", index: index)
            let settings = try readChannel(channel, scope: scope)
            guard channelNames.insert(settings.name).inserted else { throw error(scope, "name", "channel '\(settings.name)' is declared twice") }
            config.channels.append(settings)
        }
        for (index, team) in config.teams.enumerated() {
            for channel in team.channels where !channelNames.contains(channel) {
                throw error(Scope(table: "teams", index: index), "channels", "no channel named '\(channel)'")
            }
        }

        if let alerts = try subtable(root, "alerts") {
            let scope = Scope(table: "alerts", index: nil)
            try checkKeys(alerts, allowed: ["burst_limit"], scope: scope)
            config.alerts.burstLimit = try nonNegativeInt(alerts, "burst_limit", scope) ?? config.alerts.burstLimit
        }

        if let digest = try subtable(root, "digest") {
            let scope = Scope(table: "digest", index: nil)
            try checkKeys(digest, allowed: ["schedule", "time_zone", "channels", "format"], scope: scope)
            config.digest.schedule = try string(digest, "schedule", scope) ?? config.digest.schedule
            config.digest.timeZone = try string(digest, "time_zone", scope)
            if let zone = config.digest.timeZone, TimeZone(identifier: zone) == nil {
                throw error(scope, "time_zone", "unknown time zone '\(zone)'")
            }
            config.digest.channels = try strings(digest, "channels", scope)
            for channel in config.digest.channels where !channelNames.contains(channel) {
                throw error(scope, "channels", "no channel named '\(channel)'")
            }
            config.digest.format = try oneOf(digest, "format", ["text", "markdown", "html", "json"], scope) ?? config.digest.format
        }

        if let log = try subtable(root, "log") {
            let scope = Scope(table: "log", index: nil)
            try checkKeys(log, allowed: ["level", "format"], scope: scope)
            config.log.level = try oneOf(log, "level", ["trace", "debug", "info", "notice", "warning", "error", "critical"], scope) ?? config.log.level
            if let format = try oneOf(log, "format", ["text", "json"], scope) { config.log.format = LogSettings.Format(rawValue: format)! }
        }

        if let metrics = try subtable(root, "metrics") {
            let scope = Scope(table: "metrics", index: nil)
            try checkKeys(metrics, allowed: ["listen"], scope: scope)
            config.metricsListen = try string(metrics, "listen", scope)
        }
        if let web = try subtable(root, "web") {
            let scope = Scope(table: "web", index: nil)
            try checkKeys(web, allowed: ["listen", "trusted_proxies"], scope: scope)
            config.webListen = try string(web, "listen", scope)
            config.webTrustedProxies = try strings(web, "trusted_proxies", scope)
            for proxy in config.webTrustedProxies where IPAddress(proxy) == nil {
                throw error(scope, "trusted_proxies", "\(proxy) is not an IP address")
            }
        }
        return config
    }

    private func readChannel(_ channel: TOMLTable, scope: Scope) throws -> ChannelSettings {
        try checkKeys(channel, allowed: [
            "name", "kind", "min_severity", "kinds", "people", "teams", "url", "url_env", "url_file", "secret", "secret_env",
            "secret_file", "token", "token_env", "token_file", "password", "password_env", "password_file", "headers",
            "path", "room", "from", "to", "username", "starttls", "command", "timeout", "quiet_hours", "time_zone", "group_window",
            "rate_limit_per_hour", "max_age", "ca_file", "max_in_flight",
        ], scope: scope)
        guard let name = try string(channel, "name", scope), !name.isEmpty else {
            throw error(scope, "name", "every [[channels]] entry needs a name")
        }
        guard let kindName = try oneOf(channel, "kind", ChannelSettings.Kind.allCases.map(\.rawValue), scope) else {
            throw error(scope, "kind", "channel '\(name)' needs a kind (\(ChannelSettings.Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        var settings = ChannelSettings(name: name, kind: ChannelSettings.Kind(rawValue: kindName)!)
        settings.minSeverity = try oneOf(channel, "min_severity", Severity.allCases.map(\.rawValue), scope) ?? settings.minSeverity
        if channel["kinds"] != nil {
            settings.kinds = try findingKinds(channel, "kinds", scope)
        }
        settings.people = try strings(channel, "people", scope)
        settings.teams = try strings(channel, "teams", scope)
        settings.url = try secret(channel, "url", scope)
        settings.secret = try secret(channel, "secret", scope)
        settings.token = try secret(channel, "token", scope)
        settings.password = try secret(channel, "password", scope)
        if let headers = try subtable(channel, "headers") {
            for key in headers.keys {
                guard let value = headers[key]?.string else { throw error(scope, "headers", "header '\(key)' must be a string") }
                settings.headers[key] = value
            }
        }
        settings.path = try string(channel, "path", scope).map(resolvedPath)
        settings.room = try string(channel, "room", scope)
        settings.from = try string(channel, "from", scope)
        settings.to = try strings(channel, "to", scope)
        settings.username = try string(channel, "username", scope)
        settings.starttls = try bool(channel, "starttls", scope) ?? true
        settings.caFile = try string(channel, "ca_file", scope).map(resolvedPath)
        settings.command = try strings(channel, "command", scope)
        settings.timeoutSeconds = try duration(channel, "timeout", scope) ?? settings.timeoutSeconds
        settings.quietHours = try string(channel, "quiet_hours", scope)
        if let quietHours = settings.quietHours, QuietHours(parsing: quietHours) == nil {
            throw error(scope, "quiet_hours", "must be a daily period such as \"22:00-07:00\"")
        }
        settings.timeZone = try string(channel, "time_zone", scope)
        if let zone = settings.timeZone, TimeZone(identifier: zone) == nil {
            throw error(scope, "time_zone", "unknown time zone '\(zone)'")
        }
        settings.groupWindowSeconds = try duration(channel, "group_window", scope) ?? 0
        settings.rateLimitPerHour = try nonNegativeInt(channel, "rate_limit_per_hour", scope) ?? settings.rateLimitPerHour
        settings.maxInFlight = try positiveInt(channel, "max_in_flight", scope) ?? settings.maxInFlight
        settings.maxAgeSeconds = try duration(channel, "max_age", scope) ?? settings.maxAgeSeconds

        switch settings.kind {
        case .webhook, .slack, .discord, .ntfy:
            guard settings.url != nil else { throw error(scope, "url", "a \(kindName) channel needs url, url_env or url_file") }
        case .matrix:
            guard settings.url != nil, settings.room != nil, settings.token != nil else {
                throw error(scope, "url", "a matrix channel needs url (the homeserver), room and token")
            }
        case .email:
            guard settings.url != nil, settings.from != nil, !settings.to.isEmpty else {
                throw error(scope, "url", "an email channel needs url (smtp:// or smtps://), from and to")
            }
        case .exec:
            guard !settings.command.isEmpty else { throw error(scope, "command", "an exec channel needs a command (an array of strings)") }
        case .jsonl:
            guard settings.path != nil else { throw error(scope, "path", "a jsonl channel needs a path") }
        case .console:
            break
        }
        return settings
    }

    /// A path from the config, anchored at the config file's folder like the database.
    private func resolvedPath(_ value: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return value.hasPrefix("/") || folder.isEmpty ? value : folder + "/" + value
    }

    // MARK: - Typed access with located errors

    struct Scope {
        var table: String?
        var index: Int?
    }

    func error(_ scope: Scope, _ key: String?, _ reason: String) -> ConfigError {
        let displayKey: String?
        if let table = scope.table {
            let base = scope.index.map { "\(table)[\($0)]" } ?? table
            displayKey = key.map { "\(base).\($0)" } ?? base
        } else {
            displayKey = key
        }
        return ConfigError(file: path, line: locator.line(table: scope.table, index: scope.index, key: key), key: displayKey, reason: reason)
    }

    private func checkKeys(_ table: TOMLTable, allowed: Set<String>, scope: Scope) throws {
        for key in table.keys.sorted() where !allowed.contains(key) {
            throw error(scope, key, "unknown key (expected one of: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    private func subtable(_ table: TOMLTable, _ key: String) throws -> TOMLTable? {
        guard let value = table[key] else { return nil }
        guard let subtable = value.table else { throw error(Scope(table: nil, index: nil), key, "must be a table") }
        return subtable
    }

    private func tables(_ table: TOMLTable, _ key: String) throws -> [TOMLTable] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else { throw error(Scope(table: nil, index: nil), key, "must be an array of tables ([[\(key)]])") }
        var result: [TOMLTable] = []
        for (index, element) in array.enumerated() {
            guard let entry = element.table else { throw error(Scope(table: key, index: index), nil, "must be a table") }
            result.append(entry)
        }
        return result
    }

    private func string(_ table: TOMLTable, _ key: String, _ scope: Scope) throws -> String? {
        guard let value = table[key] else { return nil }
        guard let string = value.string else { throw error(scope, key, "must be a string") }
        return string
    }

    /// Every term of a `[[people]]` entry passes the store's checks (a visible
    /// character, no control characters), reported here with the file, line and key.
    private func checkTerms(of spec: PersonSpec, _ scope: Scope) throws {
        let fields: [(key: String, what: String, values: [String])] = [
            ("name", "name", [spec.name]), ("aliases", "alias", spec.aliases), ("handles", "handle", spec.handles),
            ("projects", "project", spec.projects), ("context", "context term", spec.contextTerms), ("teams", "team", spec.teams),
        ]
        for field in fields {
            for value in field.values {
                do {
                    _ = try PersonSpec.checkedTerm(field.key == "handles" && value.hasPrefix("@") ? String(value.dropFirst()) : value, what: field.what)
                } catch let problem as StoreError {
                    throw error(scope, field.key, problem.message)
                }
            }
        }
    }

    private func strings(_ table: TOMLTable, _ key: String, _ scope: Scope) throws -> [String] {
        guard let value = table[key] else { return [] }
        if let single = value.string { return [single] }
        guard let array = value.array else { throw error(scope, key, "must be an array of strings") }
        return try array.map { element in
            guard let string = element.string else { throw error(scope, key, "must be an array of strings") }
            return string
        }
    }

    private func bool(_ table: TOMLTable, _ key: String, _ scope: Scope) throws -> Bool? {
        guard let value = table[key] else { return nil }
        guard let bool = value.bool else { throw error(scope, key, "must be true or false") }
        return bool
    }

    private func positiveInt(_ table: TOMLTable, _ key: String, _ scope: Scope) throws -> Int? {
        guard let value = table[key] else { return nil }
        guard let int = value.int, int > 0 else { throw error(scope, key, "must be a positive whole number") }
        return int
    }

    private func nonNegativeInt(_ table: TOMLTable, _ key: String, _ scope: Scope) throws -> Int? {
        guard let value = table[key] else { return nil }
        guard let int = value.int, int >= 0 else { throw error(scope, key, "must be a whole number, 0 or more") }
        return int
    }

    private func probability(_ table: TOMLTable, _ key: String, _ scope: Scope) throws -> Double? {
        guard let value = table[key] else { return nil }
        guard let number = value.double ?? value.int.map(Double.init), (0...1).contains(number) else {
            throw error(scope, key, "must be a number from 0 to 1")
        }
        return number
    }

    private func duration(_ table: TOMLTable, _ key: String, _ scope: Scope, allowZero: Bool = false) throws -> Int? {
        guard let value = table[key] else { return nil }
        if let int = value.int, int > 0 || (allowZero && int == 0) { return int }
        guard let text = value.string, let seconds = DurationParser.seconds(text), seconds > 0 || (allowZero && seconds == 0) else {
            throw error(scope, key, "must be a duration such as \"90s\", \"15m\", \"1h30m\" or \"7d\"")
        }
        return seconds
    }

    private func oneOf(_ table: TOMLTable, _ key: String, _ choices: [String], _ scope: Scope) throws -> String? {
        guard let value = try string(table, key, scope) else { return nil }
        guard choices.contains(value) else { throw error(scope, key, "must be one of \(choices.joined(separator: ", ")), not '\(value)'") }
        return value
    }

    /// A list of finding kinds, each once; `[]` is allowed (a channel for
    /// digests only hears about no finding).
    private func findingKinds(_ table: TOMLTable, _ key: String, _ scope: Scope) throws -> [FindingKind] {
        var kinds: [FindingKind] = []
        for value in try strings(table, key, scope) {
            guard let kind = FindingKind(rawValue: value) else {
                throw error(scope, key, "must list kinds among \(FindingKind.allCases.map(\.rawValue).joined(separator: ", ")), not '\(value)'")
            }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        return kinds
    }

    private func secret(_ table: TOMLTable, _ key: String, _ scope: Scope) throws -> SecretSource? {
        let literal = try string(table, key, scope)
        let environment = try string(table, key + "_env", scope)
        let file = try string(table, key + "_file", scope)
        let given = [literal, environment, file].compactMap { $0 }
        guard given.count <= 1 else { throw error(scope, key, "give only one of \(key), \(key)_env and \(key)_file") }
        if let literal { return .literal(literal) }
        if let environment { return .environment(environment) }
        if let file {
            let folder = (path as NSString).deletingLastPathComponent
            return .file(file.hasPrefix("/") || folder.isEmpty ? file : folder + "/" + file)
        }
        return nil
    }
}
