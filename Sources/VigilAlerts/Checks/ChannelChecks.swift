import Foundation

/// The alerting part of `vigil doctor`: whether secrets are exposed to
/// other users of the machine, and whether each channel has what it needs
/// to send (secrets resolvable, files and commands in place). Nothing is sent.
public enum ChannelChecks {
    /// Warns when a file holding secrets is readable by its group or by
    /// others: the config file when it holds secrets inline, and every
    /// secret file a channel names.
    public static func secretExposure(configPath: String, channels: [ChannelSettings]) -> [CheckResult] {
        var results: [CheckResult] = []
        let inline = channels.flatMap { channel in inlineSecrets(channel).map { "\(channel.name).\($0)" } }
        if inline.isEmpty {
            results.append(CheckResult(.ok, "secrets", "\(configPath) holds no secrets inline"))
        } else if let mode = permissions(configPath), mode & 0o044 != 0 {
            results.append(CheckResult(.warning, "secrets",
                "\(configPath) holds secrets (\(inline.joined(separator: ", "))) and is readable by \(readers(mode)) (mode \(octal(mode))); run `chmod 600 \(configPath)` or move them to *_env / *_file"))
        } else {
            results.append(CheckResult(.ok, "secrets", "\(configPath) holds secrets (\(inline.joined(separator: ", "))) and is private to its owner"))
        }
        for channel in channels {
            for (key, source) in secretSources(channel) {
                guard case .file(let path) = source, let mode = permissions(path), mode & 0o044 != 0 else { continue }
                results.append(CheckResult(.warning, "secrets",
                    "secret file \(path) (\(channel.name).\(key)_file) is readable by \(readers(mode)) (mode \(octal(mode))); run `chmod 600 \(path)`"))
            }
        }
        return results
    }

    /// Whether each channel could send now.
    public static func readiness(_ channels: [ChannelSettings], environment: [String: String] = ProcessInfo.processInfo.environment) -> [CheckResult] {
        channels.map { channel in
            let subject = "channel \(channel.name)"
            var problems: [String] = []
            for (key, source) in secretSources(channel) {
                do {
                    let value = try source.resolve(environment: environment)
                    if key == "url", let problem = urlProblem(value, kind: channel.kind) { problems.append(problem) }
                } catch let error as SecretError {
                    problems.append("\(key): \(error.reason)")
                } catch {
                    problems.append("\(key): \(error)")
                }
            }
            if let caFile = channel.caFile, !FileManager.default.isReadableFile(atPath: caFile) {
                problems.append("ca_file \(caFile) cannot be read")
            }
            switch channel.kind {
            case .jsonl:
                if let path = channel.path {
                    let folder = (path as NSString).deletingLastPathComponent
                    if !FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
                        problems.append("cannot write in \(folder.isEmpty ? "." : folder)")
                    }
                }
            case .exec:
                if let name = channel.command.first,
                   ChildProcess.resolve(name, path: environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin") == nil {
                    problems.append("command not found or not executable: \(name)")
                }
            default:
                break
            }
            if problems.isEmpty {
                return CheckResult(.ok, subject, "\(channel.kind.rawValue) channel is ready (`vigil alerts test \(channel.name)` sends a test)")
            }
            return CheckResult(.error, subject, problems.joined(separator: "; "))
        }
    }

    /// Warns about people whose high-severity attacks would reach no
    /// channel: their findings would only show in `vigil findings ls`.
    public static func coverage(people: [(name: String, teams: [String])], router: AlertRouter) -> [CheckResult] {
        guard !router.channels.isEmpty else {
            return [CheckResult(.warning, "routing", "no channels are configured: findings only show in `vigil findings ls`")]
        }
        let unheard = people.filter { router.channels(person: $0.name, teams: $0.teams, severity: .high, kind: .attack).isEmpty }.map(\.name)
        guard !unheard.isEmpty else {
            return [CheckResult(.ok, "routing", "every watched person's high-severity attacks reach at least one channel")]
        }
        let shown = unheard.prefix(10).joined(separator: ", ") + (unheard.count > 10 ? " and \(unheard.count - 10) more" : "")
        return [CheckResult(.warning, "routing", "no channel hears about findings on \(shown); add them to a channel's people or teams")]
    }

    /// The keys of a channel whose values are secrets written in the config.
    /// Chat and webhook URLs are secrets: whoever has one can post.
    static func inlineSecrets(_ channel: ChannelSettings) -> [String] {
        secretSources(channel).compactMap { key, source in
            guard case .literal(let value) = source else { return nil }
            if key != "url" { return key }
            switch channel.kind {
            case .webhook, .slack, .discord, .ntfy: return key
            default: return hasPassword(value) ? key : nil
            }
        }
    }

    static func secretSources(_ channel: ChannelSettings) -> [(String, SecretSource)] {
        [("url", channel.url), ("secret", channel.secret), ("token", channel.token), ("password", channel.password)]
            .compactMap { key, source in source.map { (key, $0) } }
    }

    private static func hasPassword(_ url: String) -> Bool {
        URLComponents(string: url)?.password?.isEmpty == false
    }

    private static func urlProblem(_ url: String, kind: ChannelSettings.Kind) -> String? {
        let scheme = URLComponents(string: url)?.scheme?.lowercased()
        switch kind {
        case .email:
            return scheme == "smtp" || scheme == "smtps" ? nil : "url must start with smtp:// or smtps://"
        case .webhook, .slack, .discord, .ntfy, .matrix:
            guard scheme == "http" || scheme == "https", URLComponents(string: url)?.host?.isEmpty == false else {
                return "url must be an http:// or https:// URL"
            }
            return nil
        default:
            return nil
        }
    }

    private static func permissions(_ path: String) -> Int? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let mode = attributes[.posixPermissions] as? NSNumber else { return nil }
        return mode.intValue & 0o777
    }

    private static func readers(_ mode: Int) -> String {
        switch (mode & 0o040 != 0, mode & 0o004 != 0) {
        case (true, true): "its group and all users"
        case (false, true): "all users"
        default: "its group"
        }
    }

    private static func octal(_ mode: Int) -> String {
        "0" + String(mode, radix: 8)
    }
}
