/// One HTTP request an alert channel makes. Header values are cleaned of
/// line breaks when the request is sent, so feed text cannot add headers.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    public var timeoutSeconds: Int
    /// A PEM bundle to trust instead of the system's.
    public var caFile: String?

    public init(method: String = "POST", url: String, headers: [(name: String, value: String)] = [], body: [UInt8] = [], timeoutSeconds: Int = 30, caFile: String? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeoutSeconds = timeoutSeconds
        self.caFile = caFile
    }
}
