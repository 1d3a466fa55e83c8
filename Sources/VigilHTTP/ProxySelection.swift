#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which proxy a transfer goes through, worked out by vigil rather than left
/// to libcurl, for the hops the address policy checks: through a proxy the
/// socket leads to the proxy, not to the target, so the policy must know.
/// The engine then sets exactly this choice on the handle (`CURLOPT_PROXY`,
/// with an empty `CURLOPT_NOPROXY`), so libcurl cannot decide otherwise.
///
/// The environment is read as libcurl reads it: `http_proxy` (lowercase
/// only) for http, `https_proxy` or `HTTPS_PROXY` for https, then
/// `all_proxy`/`ALL_PROXY`; `no_proxy`/`NO_PROXY` lists hosts (and domain
/// suffixes) reached directly, `*` for all.
struct ProxySelection: Sendable, Equatable {
    static let variableNames = ["http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY"]

    let setting: ProxySetting
    /// The proxy variables of the environment, by name.
    let variables: [String: String]

    init(setting: ProxySetting, variables: [String: String]) {
        self.setting = setting
        self.variables = variables
    }

    /// The choice for this process's environment.
    static func processEnvironment(setting: ProxySetting) -> ProxySelection {
        var variables: [String: String] = [:]
        for name in variableNames {
            if let value = getenv(name) { variables[name] = String(cString: value) }
        }
        return ProxySelection(setting: setting, variables: variables)
    }

    /// The proxy URL a request to `url` goes through, or nil for a direct connection.
    func proxy(for url: TransferURL) -> String? {
        let chosen: String?
        switch setting {
        case .direct: return nil
        case .url(let proxy): chosen = proxy
        case .environment:
            let scheme = url.scheme == "http" ? variables["http_proxy"]
                : variables["\(url.scheme)_proxy"] ?? variables["\(url.scheme.uppercased())_PROXY"]
            chosen = nonEmpty(scheme) ?? nonEmpty(variables["all_proxy"]) ?? nonEmpty(variables["ALL_PROXY"])
        }
        guard let chosen, !bypasses(url.host) else { return nil }
        return chosen
    }

    /// Whether `no_proxy` names this host (exactly, or as a domain it is under).
    func bypasses(_ host: String) -> Bool {
        guard let list = nonEmpty(variables["no_proxy"]) ?? nonEmpty(variables["NO_PROXY"]) else { return false }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        for entry in list.split(separator: ",") {
            var name = entry.trimmingSpaces.lowercased()
            if name == "*" { return true }
            if name.hasPrefix(".") { name.removeFirst() }
            if name.hasPrefix("[") && name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
            guard !name.isEmpty else { continue }
            if bare == name || bare.hasSuffix("." + name) { return true }
        }
        return false
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
