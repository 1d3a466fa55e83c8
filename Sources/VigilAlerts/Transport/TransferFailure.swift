import VigilText
import VigilHTTP

/// How a transfer that did not complete becomes a delivery error: the
/// destination named without secrets, libcurl's words cleaned of receiver
/// text, and permanent only for what no retry can fix.
enum TransferFailure {
    static func deliveryError(_ error: TransferError, what: String, cancelled: Bool) -> DeliveryError {
        if cancelled { return .transient("\(what): cancelled") }
        let reason = UntrustedText.plain(error.detail, limit: 160)
        switch error.kind {
        case .timedOut:
            return .transient("\(what): timed out (\(reason))")
        case .unsupportedProtocol, .malformedURL, .loginDenied:
            return .permanent("\(what): \(reason)")
        default:
            return .transient("\(what): \(reason)")
        }
    }

    /// libcurl refused to set the transfer up; nothing was sent.
    static func deliveryError(_ error: CurlError, what: String) -> DeliveryError {
        .transient("\(what): \(error)")
    }
}
