import Foundation

/// Builds the sender for a configured channel, resolving its secrets at the
/// moment of use: a rotated secret file or a fixed environment variable
/// takes effect on the next attempt, without a restart.
public struct ChannelSenders: Sendable {
    public var environment: [String: String]
    public var console: ConsoleSender

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, console: ConsoleSender = ConsoleSender()) {
        self.environment = environment
        self.console = console
    }

    /// The sender, or a permanent `DeliveryError` naming what is missing.
    public func sender(for channel: ChannelSettings) throws -> any AlertSender {
        func required(_ source: SecretSource?, _ key: String) throws -> String {
            guard let source else { throw DeliveryError.permanent("channel '\(channel.name)' has no \(key)") }
            return try resolve(source, key)
        }
        func optional(_ source: SecretSource?, _ key: String) throws -> String? {
            try source.map { try resolve($0, key) }
        }
        func resolve(_ source: SecretSource, _ key: String) throws -> String {
            do {
                return try source.resolve(environment: environment)
            } catch let error as SecretError {
                throw DeliveryError.permanent("channel '\(channel.name)': \(key): \(error.reason)")
            }
        }
        let timeout = channel.timeoutSeconds
        switch channel.kind {
        case .console:
            return console
        case .jsonl:
            guard let path = channel.path else { throw DeliveryError.permanent("channel '\(channel.name)' has no path") }
            return JSONLinesSender(path: path)
        case .webhook:
            return WebhookSender(
                url: try required(channel.url, "url"), secret: try optional(channel.secret, "secret"),
                headers: channel.headers, timeoutSeconds: timeout, caFile: channel.caFile)
        case .slack:
            return SlackSender(url: try required(channel.url, "url"), timeoutSeconds: timeout, caFile: channel.caFile)
        case .discord:
            return DiscordSender(url: try required(channel.url, "url"), timeoutSeconds: timeout, caFile: channel.caFile)
        case .matrix:
            guard let room = channel.room else { throw DeliveryError.permanent("channel '\(channel.name)' has no room") }
            return MatrixSender(
                homeserver: try required(channel.url, "url"), room: room, token: try required(channel.token, "token"),
                timeoutSeconds: timeout, caFile: channel.caFile)
        case .ntfy:
            return NtfySender(url: try required(channel.url, "url"), token: try optional(channel.token, "token"), timeoutSeconds: timeout, caFile: channel.caFile)
        case .email:
            guard let from = channel.from, !channel.to.isEmpty else {
                throw DeliveryError.permanent("channel '\(channel.name)' needs from and to")
            }
            return EmailSender(
                url: try required(channel.url, "url"), from: from, to: channel.to, username: channel.username,
                password: try optional(channel.password, "password"), starttls: channel.starttls,
                timeoutSeconds: timeout, caFile: channel.caFile)
        case .exec:
            return ExecSender(command: channel.command, timeoutSeconds: timeout, environment: environment)
        }
    }
}
