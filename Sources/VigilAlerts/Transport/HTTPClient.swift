import VigilText
import VigilHTTP
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
        let what = Self.redacted(request.url)
        return try await BlockingWork.run { flag in
            let response: BlockingTransfer.Response
            do {
                let transfer = try BlockingTransfer(url: request.url, protocols: .http, shouldAbort: { flag.isCancelled })
                try transfer.refuseRedirects()
                try transfer.setUserAgent(agent)
                try transfer.setTimeout(seconds: request.timeoutSeconds)
                if let caFile = request.caFile { try transfer.setTrustedCertificates(file: caFile) }
                if request.method != "GET" { try transfer.setBody(request.body, method: request.method) }
                try transfer.setHeaderLines(Self.headerLines(request.headers))
                do throws(TransferError) {
                    response = try transfer.perform()
                } catch {
                    throw TransferFailure.deliveryError(error, what: what, cancelled: flag.isCancelled)
                }
            } catch let error as CurlError {
                throw TransferFailure.deliveryError(error, what: what)
            }
            return HTTPResponse(status: response.status, headers: response.headers, body: response.body)
        }
    }

    /// The request's headers as lines, cleaned so feed text cannot add a header;
    /// `Expect:` first, since 100-continue only delays small bodies.
    static func headerLines(_ headers: [(name: String, value: String)]) -> [String] {
        var lines = ["Expect:"]
        for header in headers {
            let name = UntrustedText.plain(header.name, limit: 200).filter { $0 != ":" && $0 != " " }
            guard !name.isEmpty else { continue }
            lines.append("\(name): \(UntrustedText.plain(header.value, limit: 4000))")
        }
        return lines
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
