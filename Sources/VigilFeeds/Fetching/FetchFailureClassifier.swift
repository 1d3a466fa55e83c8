import VigilHTTP

/// Turns libcurl's result codes into failures a person can read in one line and
/// the scheduler can act on.
enum FetchFailureClassifier {
    static func failure(_ error: TransferError, bodyCapExceeded: Bool, connected: Bool, url: String,
                        configuration: FetchConfiguration) -> FetchFailure {
        let detail = error.detail
        let cap = ByteCount.format(configuration.maxBodyBytes)
        if bodyCapExceeded || error.kind == .bodyTooLarge {
            return FetchFailure(.bodyTooLarge, "body larger than \(cap) (after decompression); transfer aborted: \(url)")
        }
        let kind: FetchFailure.Kind
        let summary: String
        switch error.kind {
        case .nameNotResolved:
            (kind, summary) = (.nameNotResolved, "could not resolve host")
        case .couldNotConnect:
            (kind, summary) = (.connectionRefused, "could not connect")
        case .timedOut:
            let lower = detail.lowercased()
            if lower.contains("too slow") {
                (kind, summary) = (.tooSlow, "too slow: under \(configuration.lowSpeedLimit) bytes/s for \(configuration.lowSpeedTime.secondsValue.formatted) s")
            } else if !connected || lower.contains("failed to connect") || lower.contains("connection timed out") {
                (kind, summary) = (.connectTimeout, "connect timed out after \(configuration.connectTimeout.secondsValue.formatted) s")
            } else {
                (kind, summary) = (.timeout, "timed out after \(configuration.totalTimeout.secondsValue.formatted) s")
            }
        case .tls:
            (kind, summary) = (.tls, "TLS failed, certificate not trusted or handshake refused")
        case .badContentEncoding:
            (kind, summary) = (.badContentEncoding, "body could not be decompressed")
        case .unsupportedProtocol:
            (kind, summary) = (.unsupportedScheme, "scheme not allowed")
        case .fileUnreadable:
            (kind, summary) = (.fileUnreadable, "could not read the file")
        case .connectionLost:
            (kind, summary) = (.connectionLost, "connection lost before a complete answer")
        case .malformedURL:
            (kind, summary) = (.invalidURL, "malformed URL")
        case .loginDenied, .bodyTooLarge, .other:
            (kind, summary) = (.transport(error.code), "transfer failed")
        }
        return FetchFailure(kind, "\(summary) (\(detail)): \(url)".oneLine)
    }
}

/// Byte counts for people: "10 MiB", "1.5 KiB", "512 bytes".
public enum ByteCount {
    public static func format(_ bytes: Int) -> String {
        let units = ["KiB", "MiB", "GiB", "TiB"]
        guard bytes >= 1024 else { return "\(bytes) bytes" }
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return "\(value.formatted) \(units[unit])"
    }
}
