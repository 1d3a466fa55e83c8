import Hummingbird
import NIOCore

/// The request context of the dashboard: Hummingbird's core storage and the
/// address the connection came from, which the login throttle and the
/// trusted-proxy rule need.
struct DashboardContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The peer's IP address as text, or "unknown".
    var peerAddress: String {
        remoteAddress?.ipAddress ?? "unknown"
    }

    /// Whether the peer is on this machine: a proxy there is always believed
    /// (see `Dashboard.trustsProxy`).
    var peerIsLoopback: Bool {
        guard let address = remoteAddress?.ipAddress else { return false }
        return address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }
}
