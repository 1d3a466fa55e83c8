/// How proxies are chosen for the transfers of an engine.
public enum ProxySetting: Sendable, Equatable {
    /// libcurl's reading of `http_proxy`, `https_proxy`, `all_proxy` and `no_proxy`.
    case environment
    /// Always connect directly, whatever the environment says.
    case direct
    /// Use this proxy URL for every request.
    case url(String)
}
