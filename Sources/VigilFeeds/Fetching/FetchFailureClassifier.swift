import CCurl

/// Turns libcurl's result codes into failures a person can read in one line and
/// the scheduler can act on.
enum FetchFailureClassifier {
    static func failure(code: CURLcode, errorText: String, bodyCapExceeded: Bool, connected: Bool, url: String,
                        configuration: FetchConfiguration) -> FetchFailure {
        let detail = errorText.isEmpty ? String(cString: curl_easy_strerror(code)) : errorText
        let cap = ByteCount.format(configuration.maxBodyBytes)
        if bodyCapExceeded || code == CURLE_FILESIZE_EXCEEDED {
            return FetchFailure(.bodyTooLarge, "body larger than \(cap) (after decompression); transfer aborted: \(url)")
        }
        let kind: FetchFailure.Kind
        let summary: String
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            (kind, summary) = (.nameNotResolved, "could not resolve host")
        case CURLE_COULDNT_CONNECT:
            (kind, summary) = (.connectionRefused, "could not connect")
        case CURLE_OPERATION_TIMEDOUT:
            let lower = detail.lowercased()
            if lower.contains("too slow") {
                (kind, summary) = (.tooSlow, "too slow: under \(configuration.lowSpeedLimit) bytes/s for \(configuration.lowSpeedTime.secondsValue.formatted) s")
            } else if !connected || lower.contains("failed to connect") || lower.contains("connection timed out") {
                (kind, summary) = (.connectTimeout, "connect timed out after \(configuration.connectTimeout.secondsValue.formatted) s")
            } else {
                (kind, summary) = (.timeout, "timed out after \(configuration.totalTimeout.secondsValue.formatted) s")
            }
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CACERT_BADFILE,
             CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS:
            (kind, summary) = (.tls, "TLS failed, certificate not trusted or handshake refused")
        case CURLE_BAD_CONTENT_ENCODING:
            (kind, summary) = (.badContentEncoding, "body could not be decompressed")
        case CURLE_UNSUPPORTED_PROTOCOL:
            (kind, summary) = (.unsupportedScheme, "scheme not allowed")
        case CURLE_FILE_COULDNT_READ_FILE, CURLE_READ_ERROR:
            (kind, summary) = (.fileUnreadable, "could not read the file")
        case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE, CURLE_HTTP2, CURLE_HTTP2_STREAM,
             CURLE_WEIRD_SERVER_REPLY:
            (kind, summary) = (.connectionLost, "connection lost before a complete answer")
        case CURLE_URL_MALFORMAT:
            (kind, summary) = (.invalidURL, "malformed URL")
        default:
            (kind, summary) = (.transport(Int(code.rawValue)), "transfer failed")
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
