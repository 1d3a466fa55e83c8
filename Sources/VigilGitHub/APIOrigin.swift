import Foundation

/// The scheme, host and port of the API root: the only place the token may
/// be sent, so a `Link` to a page elsewhere is refused rather than followed.
struct APIOrigin: Equatable {
    let scheme: String
    let host: String
    let port: Int

    /// Nil unless `url` is an absolute http(s) URL with a host and no user
    /// name or password (which would then show in every message naming it).
    init?(_ url: String) {
        guard let components = URLComponents(string: url),
              let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = components.host?.lowercased(), !host.isEmpty,
              components.user == nil, components.password == nil else { return nil }
        self.scheme = scheme
        self.host = host
        port = components.port ?? (scheme == "https" ? 443 : 80)
    }
}
