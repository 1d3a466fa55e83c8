import Foundation
import VigilGitHub
import VigilHTTP
import VigilTestSupport

/// A started engine, a fake GitHub API on loopback and a client pointed at it,
/// torn down together at the end of a test.
struct GitHubTestHarness {
    static let token = GitHubToken("ghp_vigilTestSecret0123456789")!
    static let repo = GitHubRepository("octo-org/widget")!
    static let userAgent = "vigil/test (+https://github.com/vigil-feeds/vigil)"

    let server: FetchTestServer
    let engine: HTTPEngine
    let client: GitHubClient

    init(routes: [[String: Any]], token: GitHubToken? = token, maxPages: Int = 10,
         allowPrivateAddresses: Bool = true, maxBodyBytes: Int = 64 * 1024) throws {
        server = try FetchTestServer(routes: routes)
        engine = try Self.makeEngine(maxBodyBytes: maxBodyBytes)
        try engine.start()
        client = try GitHubClient(
            configuration: GitHubClientConfiguration(apiURL: server.url(""), token: token, maxPages: maxPages,
                                                     allowPrivateAddresses: allowPrivateAddresses),
            engine: engine)
    }

    /// An engine as a test wants it; not yet started.
    static func makeEngine(maxBodyBytes: Int = 64 * 1024) throws -> HTTPEngine {
        try HTTPEngine(configuration: HTTPEngine.Configuration(
            userAgent: userAgent, maxConcurrentTransfers: 4, maxConcurrentPerHost: 2, minimumHostGap: .zero,
            connectTimeout: .seconds(5), totalTimeout: .seconds(10), lowSpeedLimit: 1, lowSpeedTime: .seconds(10),
            maxBodyBytes: maxBodyBytes, proxy: .direct, trustedCertificatesFile: nil))
    }

    func stop() {
        engine.stop()
        server.stop()
    }

    /// Runs `body` and returns the GitHubError it threw, or nil when it threw none.
    static func error<Value>(_ body: () async throws(GitHubError) -> Value) async -> GitHubError? {
        do {
            _ = try await body()
            return nil
        } catch {
            return error
        }
    }
}

extension GitHubResponse {
    var listing: GitHubListing<Record>? {
        if case .modified(let listing) = self { return listing }
        return nil
    }
}
