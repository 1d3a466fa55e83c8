import CCurl

/// Why libcurl ended a transfer without an answer: its code, sorted into the
/// kinds callers act on, and its message for this very transfer.
public struct TransferError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case nameNotResolved
        case couldNotConnect
        case timedOut
        /// An untrusted or mismatched certificate, or a failed handshake.
        case tls
        case badContentEncoding
        /// A scheme the transfer was not allowed to use.
        case unsupportedProtocol
        case malformedURL
        case loginDenied
        case fileUnreadable
        /// The connection broke or the server closed it without a complete answer.
        case connectionLost
        /// The body was larger than the transfer allowed.
        case bodyTooLarge
        case other
    }

    /// libcurl's `CURLcode`.
    public let code: Int
    public let kind: Kind
    /// libcurl's message for this transfer, or the code's generic text when it wrote none.
    public let detail: String

    public var description: String { detail }

    init(_ code: CURLcode, errorText: String) {
        self.code = Int(code.rawValue)
        kind = Self.kind(of: code)
        detail = errorText.isEmpty ? String(cString: curl_easy_strerror(code)) : errorText
    }

    private static func kind(of code: CURLcode) -> Kind {
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: .nameNotResolved
        case CURLE_COULDNT_CONNECT: .couldNotConnect
        case CURLE_OPERATION_TIMEDOUT: .timedOut
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CACERT_BADFILE,
             CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS: .tls
        case CURLE_BAD_CONTENT_ENCODING: .badContentEncoding
        case CURLE_UNSUPPORTED_PROTOCOL: .unsupportedProtocol
        case CURLE_URL_MALFORMAT: .malformedURL
        case CURLE_LOGIN_DENIED: .loginDenied
        case CURLE_FILE_COULDNT_READ_FILE, CURLE_READ_ERROR: .fileUnreadable
        case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE, CURLE_HTTP2, CURLE_HTTP2_STREAM,
             CURLE_WEIRD_SERVER_REPLY: .connectionLost
        case CURLE_FILESIZE_EXCEEDED: .bodyTooLarge
        default: .other
        }
    }
}
