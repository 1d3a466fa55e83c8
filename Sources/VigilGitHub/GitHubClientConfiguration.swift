/// Where the client asks and as whom, and how far one call may go.
public struct GitHubClientConfiguration: Sendable, Equatable {
    public static let defaultAPIURL = "https://api.github.com"

    /// The REST API root: GitHub's, a GitHub Enterprise server's `https://HOST/api/v3`, or a test server.
    public var apiURL: String
    /// Sent as `Authorization: Bearer`; without one, requests go unauthenticated (a lower rate limit).
    public var token: GitHubToken?
    /// The most pages one call reads; a listing with more says it was cut off.
    public var maxPages: Int
    /// Whether the API host may be at a private address (loopback, the local network):
    /// the same address policy as everything else vigil reaches.
    public var allowPrivateAddresses: Bool

    public init(apiURL: String = defaultAPIURL, token: GitHubToken? = nil, maxPages: Int = 10,
                allowPrivateAddresses: Bool = false) {
        self.apiURL = apiURL
        self.token = token
        self.maxPages = maxPages
        self.allowPrivateAddresses = allowPrivateAddresses
    }
}
