import Foundation

/// A GitHub repository to watch, as the CLI or the config file describes it.
public struct GitHubRepositorySpec: Sendable, Equatable {
    /// `owner/name`.
    public var repo: String
    /// The REST API's base address; GitHub Enterprise and tests set their own.
    public var apiURL: String
    /// The environment variable that holds the token, if any.
    public var tokenEnv: String?
    /// The file that holds the token, if any.
    public var tokenFile: String?

    /// GitHub's own API.
    public static let defaultAPIURL = "https://api.github.com"

    public init(repo: String, apiURL: String = Self.defaultAPIURL, tokenEnv: String? = nil, tokenFile: String? = nil) {
        self.repo = repo
        self.apiURL = apiURL
        self.tokenEnv = tokenEnv
        self.tokenFile = tokenFile
    }

    /// The spec with its name and address checked and trimmed (a trailing
    /// `/` dropped from the address), or an input error that says what is wrong.
    public func validated() throws -> GitHubRepositorySpec {
        var spec = self
        spec.repo = repo.trimmingCharacters(in: .whitespacesAndNewlines)
        guard Self.isRepositoryName(spec.repo) else {
            throw StoreError.badInput("'\(repo)' is not a GitHub repository: write it as OWNER/NAME")
        }
        var address = apiURL.trimmingCharacters(in: .whitespacesAndNewlines)
        while address.hasSuffix("/") { address.removeLast() }
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
              url.host?.isEmpty == false, url.query == nil, url.user == nil, url.password == nil else {
            throw StoreError.badInput("'\(apiURL)' is not an API address: give an http(s) URL without credentials or a query")
        }
        spec.apiURL = address
        if tokenEnv != nil, tokenFile != nil {
            throw StoreError.badInput("\(spec.repo): give token_env or token_file, not both")
        }
        spec.tokenEnv = tokenEnv?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        spec.tokenFile = tokenFile?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        return spec
    }

    /// Whether `text` is `owner/name` as GitHub allows them: letters, digits,
    /// `-` in the owner; letters, digits, `-`, `_`, `.` in the name.
    public static func isRepositoryName(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, parts[0].count <= 39, parts[1].count <= 100 else { return false }
        let owner = parts[0].unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") }
        let name = parts[1].unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }
        return owner && name && parts[1] != "." && parts[1] != ".."
    }
}
