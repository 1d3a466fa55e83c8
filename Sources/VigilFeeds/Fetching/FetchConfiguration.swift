import VigilHTTP

/// How the fetcher behaves on the wire. The defaults are the polite limits of a
/// feed reader that runs unattended for months; tests and benchmarks tighten or
/// loosen them explicitly rather than through hidden switches.
public struct FetchConfiguration: Sendable, Equatable {
    /// Where vigil's code and documentation live; named in every User-Agent so
    /// that a site operator who sees the traffic can find who to talk to.
    public static let projectURL = "https://github.com/vigil-feeds/vigil"

    /// A User-Agent naming vigil, its version and its project URL.
    public static func userAgent(version: String, projectURL: String = FetchConfiguration.projectURL) -> String {
        "vigil/\(version) (+\(projectURL))"
    }

    /// How proxies are chosen.
    public typealias Proxy = ProxySetting

    public var userAgent: String
    /// Transfers in flight at once, over all hosts.
    public var maxConcurrentTransfers: Int
    /// Transfers in flight at once to one host, so that a site with many feeds is not hammered.
    public var maxConcurrentPerHost: Int
    /// The least time between the starts of two requests to one host.
    public var minimumHostGap: Duration
    public var connectTimeout: Duration
    /// The whole fetch, redirects included.
    public var totalTimeout: Duration
    /// A transfer slower than `lowSpeedLimit` bytes per second for `lowSpeedTime` is aborted.
    public var lowSpeedLimit: Int
    public var lowSpeedTime: Duration
    /// The largest body kept, counted after decompression; a larger one aborts the transfer.
    public var maxBodyBytes: Int
    public var maxRedirects: Int
    /// Whether `file://` URLs may be fetched at all (local feeds, the demo). A redirect to
    /// `file://` is refused even then.
    public var allowFileURLs: Bool
    /// Whether what vigil reaches on its own may be at a private address. A
    /// configured feed's own host may point anywhere (loopback, the local
    /// network): the operator chose it. A redirect to another host, or a URL
    /// vigil discovered, must connect to a public address unless this is true;
    /// the address checked is the one the socket connects to, after DNS, so
    /// a name that resolves (or rebinds) to 10.0.0.5 or 169.254.169.254 is
    /// refused. Through a proxy only a literal address can be checked.
    public var allowPrivateAddresses: Bool
    public var proxy: Proxy
    /// An extra PEM bundle of trusted certificates. Verification itself is never turned off.
    public var trustedCertificatesFile: String?

    public init(
        userAgent: String,
        maxConcurrentTransfers: Int = 32,
        maxConcurrentPerHost: Int = 2,
        minimumHostGap: Duration = .seconds(1),
        connectTimeout: Duration = .seconds(10),
        totalTimeout: Duration = .seconds(30),
        lowSpeedLimit: Int = 1024,
        lowSpeedTime: Duration = .seconds(15),
        maxBodyBytes: Int = 10 * 1024 * 1024,
        maxRedirects: Int = 5,
        allowFileURLs: Bool = false,
        allowPrivateAddresses: Bool = false,
        proxy: Proxy = .environment,
        trustedCertificatesFile: String? = nil
    ) {
        self.userAgent = userAgent
        self.maxConcurrentTransfers = maxConcurrentTransfers
        self.maxConcurrentPerHost = maxConcurrentPerHost
        self.minimumHostGap = minimumHostGap
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.lowSpeedLimit = lowSpeedLimit
        self.lowSpeedTime = lowSpeedTime
        self.maxBodyBytes = maxBodyBytes
        self.maxRedirects = maxRedirects
        self.allowFileURLs = allowFileURLs
        self.allowPrivateAddresses = allowPrivateAddresses
        self.proxy = proxy
        self.trustedCertificatesFile = trustedCertificatesFile
    }
}

extension FetchConfiguration {
    /// One copy of a fetcher's configuration that all its jobs point to, so a
    /// queue of thousands of jobs does not hold thousands of copies.
    final class Shared: Sendable {
        let value: FetchConfiguration

        init(_ value: FetchConfiguration) {
            self.value = value
        }
    }

    /// The engine's share of the settings: limits, timeouts and manners. The
    /// rest (redirects, file URLs, the address policy's exemptions) is each
    /// fetch's own business. Public for another engine that shares them (the GitHub source's).
    public var engineConfiguration: HTTPEngine.Configuration {
        HTTPEngine.Configuration(
            userAgent: userAgent, maxConcurrentTransfers: maxConcurrentTransfers,
            maxConcurrentPerHost: maxConcurrentPerHost, minimumHostGap: minimumHostGap,
            connectTimeout: connectTimeout, totalTimeout: totalTimeout, lowSpeedLimit: lowSpeedLimit,
            lowSpeedTime: lowSpeedTime, maxBodyBytes: maxBodyBytes, proxy: proxy,
            trustedCertificatesFile: trustedCertificatesFile)
    }
}

extension Duration {
    /// Seconds as a floating-point number, for arithmetic and display.
    var secondsValue: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

extension Double {
    /// A short decimal for messages: whole numbers without a fraction.
    var formatted: String {
        self == rounded() ? String(Int(self)) : String((self * 100).rounded() / 100)
    }
}
