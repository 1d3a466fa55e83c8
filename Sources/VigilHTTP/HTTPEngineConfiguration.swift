extension HTTPEngine {
    /// The limits and the manners of an engine: how many transfers at once,
    /// how often one host is asked, how long a transfer may take and how
    /// much it may bring back. The same for every job the engine carries.
    public struct Configuration: Sendable, Equatable {
        public var userAgent: String
        /// Transfers in flight at once, over all hosts.
        public var maxConcurrentTransfers: Int
        /// Transfers in flight at once to one host.
        public var maxConcurrentPerHost: Int
        /// The least time between the starts of two requests to one host.
        public var minimumHostGap: Duration
        public var connectTimeout: Duration
        /// A whole job, every hop included.
        public var totalTimeout: Duration
        /// A transfer slower than `lowSpeedLimit` bytes per second for `lowSpeedTime` is aborted.
        public var lowSpeedLimit: Int
        public var lowSpeedTime: Duration
        /// The largest body kept, counted after decompression; a larger one aborts the transfer.
        public var maxBodyBytes: Int
        public var proxy: ProxySetting
        /// An extra PEM bundle of trusted certificates. Verification itself is never turned off.
        public var trustedCertificatesFile: String?

        public init(
            userAgent: String, maxConcurrentTransfers: Int, maxConcurrentPerHost: Int, minimumHostGap: Duration,
            connectTimeout: Duration, totalTimeout: Duration, lowSpeedLimit: Int, lowSpeedTime: Duration,
            maxBodyBytes: Int, proxy: ProxySetting, trustedCertificatesFile: String?
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
            self.proxy = proxy
            self.trustedCertificatesFile = trustedCertificatesFile
        }
    }
}

extension Duration {
    /// Whole milliseconds, rounded up so that a positive duration never becomes zero
    /// (libcurl reads a zero timeout as "no timeout").
    var wholeMillisecondsRoundedUp: Int64 {
        let (seconds, attoseconds) = components
        let millis = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        let remainder = attoseconds % 1_000_000_000_000_000
        return remainder > 0 ? millis + 1 : millis
    }
}
