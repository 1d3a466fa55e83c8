import VigilText
import CCurl
import Foundation

/// One blocking libcurl easy transfer: an HTTP request, or an SMTP upload.
/// Alerts are few and small, so a plain easy handle on a Dispatch thread is
/// all they need; the feed fetcher's multi loop is left to polling.
final class CurlTransfer {
    private let handle: UnsafeMutableRawPointer
    private var lists: [UnsafeMutablePointer<curl_slist>] = []
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    private let state = State()
    private let flag: CancellationFlag

    /// Where the callbacks write; reached through the handle's user pointers.
    final class State {
        var body: [UInt8] = []
        var headers: [(name: String, value: String)] = []
        var upload: [UInt8] = []
        var uploadOffset = 0
        var flag: CancellationFlag?
        static let bodyLimit = 64 * 1024
    }

    init(flag: CancellationFlag) throws {
        guard let handle = curl_easy_init() else { throw DeliveryError.transient("cannot create a libcurl handle") }
        self.handle = handle
        self.flag = flag
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        state.flag = flag
        let user = Unmanaged.passUnretained(state).toOpaque()
        _ = vigil_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        _ = vigil_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = vigil_easy_setopt_long(handle, CURLOPT_NOPROGRESS, 0)
        _ = vigil_easy_setopt_pointer(handle, CURLOPT_XFERINFODATA, user)
        _ = vigil_easy_setopt_xferinfo_callback(handle) { user, _, _, _, _ in
            guard let user else { return 0 }
            return Unmanaged<State>.fromOpaque(user).takeUnretainedValue().flag?.isCancelled == true ? 1 : 0
        }
        _ = vigil_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, user)
        _ = vigil_easy_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION) { pointer, size, count, user in
            let length = size * count
            guard let pointer, let user else { return length }
            let state = Unmanaged<State>.fromOpaque(user).takeUnretainedValue()
            let room = max(State.bodyLimit - state.body.count, 0)
            if room > 0 {
                pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
                    state.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: min(room, length)))
                }
            }
            return length
        }
        _ = vigil_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, user)
        _ = vigil_easy_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION) { pointer, size, count, user in
            let length = size * count
            guard let pointer, let user else { return length }
            let state = Unmanaged<State>.fromOpaque(user).takeUnretainedValue()
            let line = pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
                String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
            }.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.hasPrefix("HTTP/") {
                state.headers.removeAll()
            } else if let colon = line.firstIndex(of: ":") {
                state.headers.append((String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                                      String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
            }
            return length
        }
    }

    deinit {
        curl_easy_cleanup(handle)
        for list in lists { curl_slist_free_all(list) }
        errorBuffer.deallocate()
    }

    func set(_ option: CURLoption, _ value: Int) { _ = vigil_easy_setopt_long(handle, option, value) }
    func set(_ option: CURLoption, _ value: String) { _ = vigil_easy_setopt_string(handle, option, value) }

    func set(_ option: CURLoption, list values: [String]) {
        var list: UnsafeMutablePointer<curl_slist>?
        for value in values { list = curl_slist_append(list, value) }
        if let list { lists.append(list) }
        _ = vigil_easy_setopt_slist(handle, option, list)
    }

    func setTimeout(seconds: Int) {
        set(CURLOPT_TIMEOUT_MS, max(seconds, 1) * 1000)
        set(CURLOPT_CONNECTTIMEOUT_MS, min(max(seconds, 1), 10) * 1000)
    }

    /// A request body that curl copies, sent with any method.
    func setBody(_ body: [UInt8]) {
        set(CURLOPT_POSTFIELDSIZE, body.count)
        guard !body.isEmpty else {
            set(CURLOPT_COPYPOSTFIELDS, "")
            return
        }
        body.withUnsafeBytes { raw in
            _ = vigil_easy_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress!))
        }
    }

    /// An upload read through a callback (the SMTP message).
    func setUpload(_ bytes: [UInt8]) {
        state.upload = bytes
        state.uploadOffset = 0
        set(CURLOPT_UPLOAD, 1)
        _ = vigil_easy_setopt_off_t(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(bytes.count))
        _ = vigil_easy_setopt_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(state).toOpaque())
        _ = vigil_easy_setopt_data_callback(handle, CURLOPT_READFUNCTION) { pointer, size, count, user in
            guard let pointer, let user else { return 0 }
            let state = Unmanaged<State>.fromOpaque(user).takeUnretainedValue()
            let length = min(size * count, state.upload.count - state.uploadOffset)
            guard length > 0 else { return 0 }
            state.upload.withUnsafeBytes { raw in
                UnsafeMutableRawPointer(pointer).copyMemory(from: raw.baseAddress! + state.uploadOffset, byteCount: length)
            }
            state.uploadOffset += length
            return length
        }
    }

    /// Performs the transfer. Network-level failures become transient
    /// delivery errors; `what` names the destination without secrets.
    func perform(what: String) throws -> HTTPResponse {
        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else {
            let detail = String(cString: errorBuffer)
            let reason = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            if flag.isCancelled { throw DeliveryError.transient("\(what): cancelled") }
            switch code {
            case CURLE_OPERATION_TIMEDOUT:
                throw DeliveryError.transient("\(what): timed out (\(UntrustedText.plain(reason, limit: 160)))")
            case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT, CURLE_LOGIN_DENIED:
                throw DeliveryError.permanent("\(what): \(UntrustedText.plain(reason, limit: 160))")
            default:
                throw DeliveryError.transient("\(what): \(UntrustedText.plain(reason, limit: 160))")
            }
        }
        var status = 0
        _ = vigil_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: state.headers, body: state.body)
    }
}
