import Foundation
import VigilHTTP

/// Reads the three listings vigil watches in a repository through GitHub's
/// REST API, on an `HTTPEngine` the caller owns (started before the first
/// call, stopped after the last): the engine's per-host limit, timeouts, body
/// cap, User-Agent and address policy apply to every request.
///
/// Each call sends If-None-Match when given an ETag (a 304 costs no rate
/// limit), follows `Link: rel="next"` up to the page cap, and stops at once
/// when GitHub says the rate limit is spent or asks for a pause: until then,
/// every call of this client fails without sending anything.
public struct GitHubClient: Sendable {
    /// Why a configuration cannot make a client.
    public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
        public let apiURL: String
        public var description: String {
            "api_url \(apiURL) is not an http or https URL with a host and no user name or password"
        }
    }

    public let configuration: GitHubClientConfiguration
    private let engine: HTTPEngine
    private let apiRoot: String
    private let origin: APIOrigin
    private let gate = RateLimitGate()

    public init(configuration: GitHubClientConfiguration, engine: HTTPEngine) throws(ConfigurationError) {
        var root = configuration.apiURL
        while root.hasSuffix("/") { root.removeLast() }
        guard let origin = APIOrigin(root), URLComponents(string: root)?.query == nil,
              URLComponents(string: root)?.fragment == nil, (try? TransferURL(root)) != nil else {
            throw ConfigurationError(apiURL: configuration.apiURL)
        }
        self.configuration = configuration
        self.engine = engine
        apiRoot = root
        self.origin = origin
    }

    /// Whether requests carry a token (5,000 requests an hour on github.com) or not (60).
    public var isAuthenticated: Bool { configuration.token != nil }

    /// Comments on the repository's issues and pull requests updated at or after `since`, oldest update first.
    public func comments(repo: GitHubRepository, since: Date?, etag: String?) async throws(GitHubError)
        -> GitHubResponse<GitHubComment>
    {
        let sinceParameter = since.map { "since=\($0.formatted(.iso8601))&" } ?? ""
        let url = "\(apiRoot)/repos/\(repo)/issues/comments?\(sinceParameter)sort=updated&direction=asc&per_page=100"
        return try await list(from: url, etag: etag)
    }

    /// The repository's issue events as GitHub lists them ("closed" says who closed which pull request).
    public func issueEvents(repo: GitHubRepository, etag: String?) async throws(GitHubError)
        -> GitHubResponse<GitHubIssueEvent>
    {
        try await list(from: "\(apiRoot)/repos/\(repo)/issues/events?per_page=100", etag: etag)
    }

    /// The repository's closed pull requests, most recently updated first.
    public func closedPullRequests(repo: GitHubRepository, etag: String?) async throws(GitHubError)
        -> GitHubResponse<GitHubPullRequest>
    {
        try await list(from: "\(apiRoot)/repos/\(repo)/pulls?state=closed&sort=updated&direction=desc&per_page=100",
                       etag: etag)
    }

    // MARK: - Pages

    private func list<Record: Decodable & Sendable>(from firstURL: String, etag: String?) async throws(GitHubError)
        -> GitHubResponse<Record>
    {
        var listing = GitHubListing<Record>(records: [], etag: nil, pagesRead: 0, cutoff: nil, rateLimitRemaining: nil)
        var url = firstURL
        while true {
            let isFirstPage = listing.pagesRead == 0
            let page = try await get(url, etag: isFirstPage ? etag : nil)
            if page.status == 304 {
                guard isFirstPage, etag != nil else { throw .unexpectedStatus(url: url, status: 304, reason: page.reasonPhrase) }
                return .notModified
            }
            listing.records += try decode([Record].self, from: page.body, url: url)
            listing.pagesRead += 1
            if isFirstPage { listing.etag = page.header("ETag") }
            listing.rateLimitRemaining = page.header("X-RateLimit-Remaining").flatMap { Int($0.trimmed) }

            // The last request the limit allowed: the next would only be refused.
            let spentUntil = listing.rateLimitRemaining == 0 ? resetDate(of: page) : nil
            if let spentUntil { gate.close(until: spentUntil, because: .rateLimited(url: url, resetAt: spentUntil)) }

            guard let next = page.header("Link").flatMap({ LinkHeader.target(of: $0, relation: "next") }) else {
                return .modified(listing)
            }
            guard APIOrigin(next) == origin else { throw .foreignPageLink(url: url, link: next) }
            if let spentUntil { return .modified(cutOff(listing, .rateLimit(resetAt: spentUntil))) }
            if listing.pagesRead >= configuration.maxPages { return .modified(cutOff(listing, .pageCap)) }
            url = next
        }
    }

    private func cutOff<Record>(_ listing: GitHubListing<Record>, _ reason: GitHubListing<Record>.Cutoff)
        -> GitHubListing<Record>
    {
        var listing = listing
        listing.cutoff = reason
        listing.etag = nil
        return listing
    }

    /// One page: a 2xx or 304 hop, or the error any other answer means.
    private func get(_ url: String, etag: String?) async throws(GitHubError) -> HTTPHopResult {
        if let refusal = gate.refusal(now: Date()) { throw refusal }
        guard let transferURL = try? TransferURL(url) else {
            throw .unexpectedStatus(url: url, status: 0, reason: "not a URL libcurl reads")
        }
        let hop = HTTPHop(url: transferURL, requiresPublicAddress: !configuration.allowPrivateAddresses)
        let outcome = await SingleHopJob.send(hop, headerLines: headerLines(etag: etag), on: engine)
        let result: HTTPHopResult
        switch outcome {
        case .notSent(.hostPaused(let remaining)):
            throw .secondaryRateLimited(url: url, retryAfter: remaining)
        case .notSent(let reason):
            throw .notSent(url: url, reason)
        case .answered(let answer):
            result = answer
        }
        if result.bodyCapExceeded || result.error?.kind == .bodyTooLarge {
            throw .responseTooLarge(url: url, limit: engine.configuration.maxBodyBytes)
        }
        if let error = result.error { throw .transfer(url: url, error) }
        guard let status = result.status else { throw .unexpectedStatus(url: url, status: 0, reason: "no HTTP status") }
        if status == 304 || (200..<300).contains(status) { return result }
        if status == 403 || status == 429 { try closeGateIfLimited(by: result, url: url) }
        throw .unexpectedStatus(url: url, status: status, reason: result.reasonPhrase)
    }

    /// A 403 or 429 that is a rate limit: Retry-After (a secondary limit), or
    /// X-RateLimit-Remaining: 0 (the primary one). Closes the gate and throws;
    /// returns for any other refusal.
    private func closeGateIfLimited(by result: HTTPHopResult, url: String) throws(GitHubError) {
        let now = Date()
        if let value = result.header("Retry-After"),
           let delay = RetryAfter.delay(from: value, now: Int64(now.timeIntervalSince1970)) {
            let error = GitHubError.secondaryRateLimited(url: url, retryAfter: delay)
            gate.close(until: now + TimeInterval(delay.components.seconds), because: error)
            throw error
        }
        if result.header("X-RateLimit-Remaining").map(\.trimmed) == "0" {
            let resetAt = resetDate(of: result)
            let error = GitHubError.rateLimited(url: url, resetAt: resetAt)
            gate.close(until: resetAt, because: error)
            throw error
        }
    }

    /// X-RateLimit-Reset (seconds since 1970), or a minute from now when GitHub
    /// left it out, as its documentation advises.
    private func resetDate(of result: HTTPHopResult) -> Date {
        if let value = result.header("X-RateLimit-Reset"), let seconds = Int64(value.trimmed) {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date() + 60
    }

    private func headerLines(etag: String?) -> [String] {
        var lines = ["Accept: application/vnd.github+json", "X-GitHub-Api-Version: 2022-11-28"]
        if let token = configuration.token { lines.append("Authorization: Bearer \(token.value)") }
        if let etag = etag.map({ String($0.filter { !$0.isNewline }) }), !etag.isEmpty {
            lines.append("If-None-Match: \(etag)")
        }
        return lines
    }

    private func decode<Value: Decodable>(_ type: Value.Type, from body: [UInt8], url: String) throws(GitHubError) -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(type, from: Data(body))
        } catch {
            throw .malformedJSON(url: url, detail: DecodingErrorSummary.line(for: error))
        }
    }
}

private extension String {
    var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
