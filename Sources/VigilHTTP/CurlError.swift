/// A libcurl call that failed: what vigil asked for, libcurl's code, and
/// libcurl's own words for it. Thrown where a handle is created or an option
/// is set, so a refused option is reported instead of dropped.
public struct CurlError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libcurl's result code (a `CURLcode`, or a `CURLMcode` for the multi handle).
    public let code: Int
    /// What was asked: "libcurl refused CURLOPT_URL".
    public let context: String
    /// libcurl's text for the code; empty when the context says it all.
    public let reason: String

    init(code: Int, context: String, reason: String = "") {
        self.code = code
        self.context = context
        self.reason = reason
    }

    public var description: String {
        reason.isEmpty ? context : "\(context): \(reason)"
    }
}
