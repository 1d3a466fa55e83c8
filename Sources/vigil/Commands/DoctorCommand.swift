import ArgumentParser
import Foundation
import VigilAlerts

/// Checks what can be checked without waiting for an incident. So far:
/// - the config file loads;
/// - secrets: a config file holding secrets inline (chat and webhook URLs,
///   `secret`, `token`, `password`) or a secret file named by `*_file`
///   that its group or other users can read is a warning;
/// - channels: each channel's secrets resolve (variables set, files
///   readable), URLs have the right scheme, a `ca_file` is readable, a
///   JSON Lines folder is writable and an exec command exists. Nothing is
///   sent (`vigil alerts test CHANNEL` does that).
/// Database and feed reachability checks belong here too.
///
/// Warnings leave the exit status 0; any error makes it 1.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check config, database, channels and feed reachability."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print one JSON array for scripts.")
    var json = false

    struct Row: Encodable {
        let level: String
        let subject: String
        let message: String
    }

    func run() async throws {
        var results: [CheckResult] = []
        do {
            if let config = try CommandContext.loadConfig(global) {
                results.append(CheckResult(.ok, "config", "\(config.path) is valid (\(config.channels.count) channels, \(config.people.count) people, \(config.feeds.count) feeds)"))
                results += ChannelChecks.secretExposure(configPath: config.path, channels: config.channels)
                results += ChannelChecks.readiness(config.channels)
            } else {
                results.append(CheckResult(.warning, "config", "no config file at \(global.configPath) (`vigil init` writes one)"))
            }
        } catch {
            results.append(CheckResult(.error, "config", CommandFailure.describe(error)))
        }

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
