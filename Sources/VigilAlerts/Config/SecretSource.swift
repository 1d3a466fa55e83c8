import Foundation

/// Where a secret (a webhook URL, a token, a password) comes from. Secrets are
/// resolved when a channel is used, so a missing variable does not stop
/// unrelated commands such as `vigil watch ls`.
public enum SecretSource: Sendable, Equatable {
    case literal(String)
    case environment(String)
    case file(String)

    /// The secret's value, or an error naming the variable or file (never the value).
    public func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        switch self {
        case .literal(let value):
            return value
        case .environment(let name):
            guard let value = environment[name], !value.isEmpty else {
                throw SecretError(source: self, reason: "environment variable \(name) is not set")
            }
            return value
        case .file(let path):
            guard let value = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw SecretError(source: self, reason: "cannot read secret file \(path)")
            }
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw SecretError(source: self, reason: "secret file \(path) is empty") }
            return trimmed
        }
    }

    /// True when the secret is written in the config file itself.
    public var isInline: Bool {
        if case .literal = self { return true }
        return false
    }
}
