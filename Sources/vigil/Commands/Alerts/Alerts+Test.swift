import ArgumentParser
import Foundation
import VigilAlerts

extension Vigil.Alerts {
    /// Sends a clearly marked test alert through one channel at once, bypassing
    /// the outbox, so a new channel can be checked end to end before it matters.
    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a test alert through a channel.",
            discussion: "Exit 0 when the receiver took it, 1 when delivery failed, 2 for an unknown channel."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The channel name.") var channel: String

        func run() async throws {
            guard let config = try CommandContext.loadConfig(global) else {
                throw CommandFailure.badInput("no config file at \(global.configPath); channels are declared there (`vigil init` writes one)")
            }
            guard let settings = config.channels.first(where: { $0.name == channel }) else {
                let known = config.channels.map(\.name)
                let hint = known.isEmpty ? "no channels are configured" : "configured: \(known.joined(separator: ", "))"
                throw CommandFailure.badInput("no channel named '\(channel)' in \(config.path) (\(hint))")
            }
            let envelope = AlertEnvelope.test(channel: settings.name)
            do {
                let sender = try ChannelSenders().sender(for: settings)
                try await sender.send(envelope)
            } catch let error as DeliveryError {
                throw CommandFailure.runtime("test alert through '\(settings.name)' failed: \(error.message)")
            }
            Output.line("sent a test alert through '\(settings.name)' (\(settings.kind.rawValue)); idempotency key \(envelope.idempotencyKey)")
        }
    }
}
