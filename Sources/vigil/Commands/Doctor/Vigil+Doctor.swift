import ArgumentParser
import Foundation
import VigilAlerts
import VigilDaemon
import VigilFeeds
import VigilStore

extension Vigil {
    /// Checks what can be checked without waiting for an incident. So far:
    /// - the config file loads;
    /// - permissions: the config file and the database (with its -wal and -shm)
    ///   readable by their group or other users are warnings, with the chmod;
    /// - secrets: a config file holding secrets inline (chat and webhook URLs,
    ///   `secret`, `token`, `password`) or a secret file named by `*_file`
    ///   that its group or other users can read is a warning;
    /// - channels: each channel's secrets resolve (variables set, files
    ///   readable), URLs have the right scheme, a `ca_file` is readable, a
    ///   JSON Lines folder is writable and an exec command exists. Nothing is
    ///   sent (`vigil alerts test CHANNEL` does that);
    /// - routing: every person declared in the config has a channel that hears
    ///   about their high-severity findings (a warning otherwise).
    /// - database: it opens and migrates, passes SQLite's quick check, runs in
    ///   WAL mode, and its disk has room;
    /// - feeds: feeds failing for a while or disabled (410 Gone, a move onto
    ///   another feed) are warnings; with `--fetch`, every enabled feed is
    ///   fetched once (conditionally, so unchanged feeds cost a 304) and parsed.
    ///
    /// Warnings leave the exit status 0; any error makes it 1.
    struct Doctor: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check config, database, channels and feed reachability."
        )

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Print one JSON array for scripts.")
        var json = false

        @Flag(help: "Also fetch every enabled feed once to check it is reachable and readable.")
        var fetch = false

        struct Row: Encodable {
            let level: String
            let subject: String
            let message: String
        }

        func run() async throws {
            var results: [CheckResult] = []
            do {
                if let config = try CommandContext.loadConfig(global) {
                    func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
                    results.append(CheckResult(.ok, "config", "\(config.path) is valid (\(count(config.channels.count, "channel")), \(config.people.count == 1 ? "1 person" : "\(config.people.count) people"), \(count(config.feeds.count, "feed")))"))
                    results += FilePrivacyChecks.config(config.path)
                    results += ChannelChecks.secretExposure(configPath: config.path, channels: config.channels)
                    results += ChannelChecks.readiness(config.channels)
                    let router = AlertRouter(
                        channels: config.channels,
                        teamChannels: Dictionary(config.teams.map { ($0.name, $0.channels) }, uniquingKeysWith: +))
                    results += ChannelChecks.coverage(people: config.people.map { ($0.name, $0.teams) }, router: router)
                } else {
                    results.append(CheckResult(.warning, "config", "no config file at \(global.configPath) (`vigil init` writes one)"))
                }
            } catch {
                results.append(CheckResult(.error, "config", CommandFailure(error).message))
            }

            results += await StoreChecks.run(global: global, fetch: fetch)

            if json {
                try Output.json(results.map { Row(level: $0.level.rawValue, subject: $0.subject, message: $0.message) })
            } else {
                for result in results {
                    Output.line("\(result.level.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))\(result.subject): \(result.message)")
                }
            }
            let errors = results.filter { $0.level == .error }.count
            if errors > 0 {
                throw CommandFailure.runtime("doctor found \(errors) problem\(errors == 1 ? "" : "s")")
            }
        }
    }
}
