import VigilText
import CCurl
import Foundation

/// Sends alert HTTP requests through libcurl: no redirects (a webhook that
/// moves must be reconfigured, not followed with its secret), http and https
/// only, a whole-request timeout.
public struct HTTPClient: Sendable {
    public var userAgent: String

    public init(userAgent: String = "vigil-alerts/1") {
        self.userAgent = userAgent
    }

    /// Performs the request and returns whatever status came back.
    public func perform(_ request: HTTPRequest) async throws -> HTTPResponse {
        let agent = userAgent
        return try await BlockingWork.run { flag in
            let transfer = try CurlTransfer(flag: flag)
            transfer.set(CURLOPT_URL, request.url)
            transfer.set(CURLOPT_PROTOCOLS_STR, "http,https")
            transfer.set(CURLOPT_FOLLOWLOCATION, 0)
            transfer.set(CURLOPT_USERAGENT, agent)
            transfer.setTimeout(seconds: request.timeoutSeconds)
            if let caFile = request.caFile { transfer.set(CURLOPT_CAINFO, caFile) }
            if request.method != "GET" {
                transfer.setBody(request.body)
                if request.method != "POST" { transfer.set(CURLOPT_CUSTOMREQUEST, request.method) }
            }
            // Expect: 100-continue only delays small bodies.
            var lines = ["Expect:"]
            for header in request.headers {
                let name = UntrustedText.plain(header.name, limit: 200).filter { $0 != ":" && $0 != " " }
                guard !name.isEmpty else { continue }
                lines.append("\(name): \(UntrustedText.plain(header.value, limit: 4000))")
            }
            transfer.set(CURLOPT_HTTPHEADER, list: lines)
            return try transfer.perform(what: Self.redacted(request.url))
        }
    }

    /// Sends and turns the status into success or a classified error.
    public func deliver(_ request: HTTPRequest, accepting accepted: (Int) -> Bool = { (200..<300).contains($0) }) async throws {
        let response = try await perform(request)
        if accepted(response.status) { return }
        let what = Self.redacted(request.url)
        let snippet = response.bodySnippet
        let reason = "\(what): HTTP \(response.status)" + (snippet.isEmpty ? "" : ": \(snippet)")
        switch response.status {
        case 429, 408, 425, 500...599:
            throw DeliveryError.transient(reason, retryAfter: response.retryAfter())
        default:
            throw DeliveryError.permanent(reason)
        }
    }

    /// The URL's scheme, host and port: enough to say where, never a token in a path.
    public static func redacted(_ url: String) -> String {
        URLRedaction.origin(url)
    }
}
