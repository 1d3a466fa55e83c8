import Foundation
import Logging
import Synchronization
import VigilGitHub
import VigilHTTP
import VigilStore

/// The GitHub clients of a running vigil, on one HTTP engine of their own
/// (started here, stopped when the source goes): one client per API address
/// and token source, so a rate-limit pause holds every repository it covers.
///
/// Tokens are read when a client is first needed, from the variable or file
/// the repository names; a repository without one is read unauthenticated,
/// with one warning per repository per process.
public final class GitHubSource: Sendable {
    private let engine: HTTPEngine
    private let allowPrivateAddresses: Bool
    private let environment: [String: String]
    private let clients = Mutex<[String: GitHubClient]>([:])
    private let warned = Mutex<Set<String>>([])

    public init(
        engineConfiguration: HTTPEngine.Configuration, allowPrivateAddresses: Bool,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        engine = try HTTPEngine(configuration: engineConfiguration)
        try engine.start()
        self.allowPrivateAddresses = allowPrivateAddresses
        self.environment = environment
    }

    deinit {
        engine.stop()
    }

    /// The client for `repository`, made on first use.
    func client(for repository: GitHubRepositoryRecord, logger: Logger) throws -> GitHubClient {
        let token = try token(for: repository)
        if token == nil, warned.withLock({ $0.insert(repository.repo.lowercased() + " " + repository.apiUrl).inserted }) {
            logger.warning("no GitHub token: reading at the unauthenticated rate limit (60 requests an hour on github.com)", metadata: [
                "repo": "\(repository.repo)", "hint": "set token_env or token_file; public repositories need a token with no scopes",
            ])
        }
        // Repositories that read their token from the same place share it.
        let key = [repository.apiUrl, token == nil ? "" : repository.tokenEnv ?? "", token == nil ? "" : repository.tokenFile ?? ""]
            .joined(separator: "\u{0}")
        return try clients.withLock { clients in
            if let client = clients[key] { return client }
            let client = try GitHubClient(
                configuration: GitHubClientConfiguration(
                    apiURL: repository.apiUrl, token: token, allowPrivateAddresses: allowPrivateAddresses),
                engine: engine)
            clients[key] = client
            return client
        }
    }

    private func token(for repository: GitHubRepositoryRecord) throws -> GitHubToken? {
        if let name = repository.tokenEnv {
            guard let value = environment[name], !value.isEmpty else { return nil }
            guard let token = GitHubToken(value) else { throw DaemonError("\(repository.repo): the token in $\(name) is not a token") }
            return token
        }
        if let path = repository.tokenFile {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw DaemonError("\(repository.repo): cannot read token_file \(path)")
            }
            guard let token = GitHubToken(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw DaemonError("\(repository.repo): token_file \(path) holds no token")
            }
            return token
        }
        return nil
    }
}
