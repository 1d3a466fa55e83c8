import CCurl

/// One libcurl multi handle, owned: created and checked in `init`, cleaned
/// up in `deinit`. Its options are checked as the easy handle's are.
final class MultiHandle: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer

    init() throws(CurlError) {
        Libcurl.initialize()
        guard let pointer = curl_multi_init() else {
            throw CurlError(code: Int(CURLE_OUT_OF_MEMORY.rawValue), context: "libcurl could not create a multi handle")
        }
        self.pointer = pointer
    }

    deinit {
        curl_multi_cleanup(pointer)
    }

    func set(_ option: CURLMoption, _ value: Int, name: String) throws(CurlError) {
        let code = vigil_multi_setopt_long(pointer, option, value)
        guard code == CURLM_OK else {
            throw CurlError(code: Int(code.rawValue), context: "libcurl refused \(name)",
                            reason: String(cString: curl_multi_strerror(code)))
        }
    }

    func add(_ easy: EasyHandle) throws(CurlError) {
        let code = curl_multi_add_handle(pointer, easy.pointer)
        guard code == CURLM_OK else {
            throw CurlError(code: Int(code.rawValue), context: "libcurl refused the transfer",
                            reason: String(cString: curl_multi_strerror(code)))
        }
    }

    func remove(_ easy: EasyHandle) {
        curl_multi_remove_handle(pointer, easy.pointer)
    }

    /// Wakes a `poll` in progress on another thread; safe from any thread while the handle lives.
    func wakeUp() {
        curl_multi_wakeup(pointer)
    }
}
