import CCurl

/// One libcurl easy handle, owned the way GRDB owns a statement: `init`
/// creates it and checks it, `deinit` cleans it up, and nothing else does
/// either. Every option is set through a checked call; a refusal is thrown
/// with the option's name and libcurl's reason. The header lists and the
/// error buffer libcurl points into live exactly as long as the handle.
final class EasyHandle {
    /// The raw handle, for the multi handle and the callbacks' lookups only.
    let pointer: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var lists: [UnsafeMutablePointer<curl_slist>] = []

    init() throws(CurlError) {
        Libcurl.initialize()
        guard let pointer = curl_easy_init() else {
            throw CurlError(code: Int(CURLE_OUT_OF_MEMORY.rawValue), context: "libcurl could not create a handle")
        }
        self.pointer = pointer
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        try check(vigil_easy_setopt_pointer(pointer, CURLOPT_ERRORBUFFER, errorBuffer), CURLOPT_ERRORBUFFER)
        try set(CURLOPT_NOSIGNAL, 1)
    }

    deinit {
        curl_easy_cleanup(pointer)
        for list in lists { curl_slist_free_all(list) }
        errorBuffer.deallocate()
    }

    /// What libcurl wrote about the last failure of this handle, or "".
    var errorText: String {
        String(cString: errorBuffer)
    }

    func set(_ option: CURLoption, _ value: Int) throws(CurlError) {
        try check(vigil_easy_setopt_long(pointer, option, value), option)
    }

    func set(_ option: CURLoption, _ value: Bool) throws(CurlError) {
        try set(option, value ? 1 : 0)
    }

    /// libcurl copies string options, so `value` need not outlive the call.
    func set(_ option: CURLoption, _ value: String) throws(CurlError) {
        try check(vigil_easy_setopt_string(pointer, option, value), option)
    }

    func set(_ option: CURLoption, large value: Int64) throws(CurlError) {
        try check(vigil_easy_setopt_off_t(pointer, option, curl_off_t(value)), option)
    }

    /// A list option (headers, mail recipients); the handle keeps the list until it dies.
    func set(_ option: CURLoption, list values: [String]) throws(CurlError) {
        var list: UnsafeMutablePointer<curl_slist>?
        for value in values {
            guard let longer = curl_slist_append(list, value) else {
                if let list { curl_slist_free_all(list) }
                throw CurlError(code: Int(CURLE_OUT_OF_MEMORY.rawValue), context: "libcurl could not build \(Self.name(of: option))")
            }
            list = longer
        }
        if let list { lists.append(list) }
        try check(vigil_easy_setopt_slist(pointer, option, list), option)
    }

    /// A pointer libcurl hands back to a callback; the caller keeps its target alive.
    func set(_ option: CURLoption, context: UnsafeMutableRawPointer?) throws(CurlError) {
        try check(vigil_easy_setopt_pointer(pointer, option, context), option)
    }

    /// A body libcurl copies at once (`CURLOPT_COPYPOSTFIELDS`), sent with whatever method is set.
    func setCopiedBody(_ bytes: [UInt8]) throws(CurlError) {
        try set(CURLOPT_POSTFIELDSIZE, bytes.count)
        guard !bytes.isEmpty else { return try set(CURLOPT_COPYPOSTFIELDS, "") }
        let code = bytes.withUnsafeBytes { raw in
            vigil_easy_setopt_pointer(pointer, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress!))
        }
        try check(code, CURLOPT_COPYPOSTFIELDS)
    }

    func setDataCallback(_ option: CURLoption, _ callback: vigil_curl_data_callback,
                         context: UnsafeMutableRawPointer, contextOption: CURLoption) throws(CurlError) {
        try check(vigil_easy_setopt_data_callback(pointer, option, callback), option)
        try set(contextOption, context: context)
    }

    func setProgressCallback(_ callback: vigil_curl_xferinfo_callback, context: UnsafeMutableRawPointer) throws(CurlError) {
        try set(CURLOPT_NOPROGRESS, 0)
        try check(vigil_easy_setopt_xferinfo_callback(pointer, callback), CURLOPT_XFERINFOFUNCTION)
        try set(CURLOPT_XFERINFODATA, context: context)
    }

    func setOpenSocketCallback(_ callback: curl_opensocket_callback, context: UnsafeMutableRawPointer) throws(CurlError) {
        try check(vigil_easy_setopt_opensocket(pointer, callback, context), CURLOPT_OPENSOCKETFUNCTION)
    }

    /// Runs the transfer on this thread until it ends.
    func perform() -> CURLcode {
        curl_easy_perform(pointer)
    }

    /// A numeric fact about the last transfer; 0 when libcurl has none.
    func info(_ info: CURLINFO) -> Int {
        var value = 0
        return vigil_easy_getinfo_long(pointer, info, &value) == CURLE_OK ? value : 0
    }

    func largeInfo(_ info: CURLINFO) -> Int64 {
        var value: curl_off_t = 0
        return vigil_easy_getinfo_off_t(pointer, info, &value) == CURLE_OK ? Int64(value) : 0
    }

    func stringInfo(_ info: CURLINFO) -> String? {
        var value: UnsafePointer<CChar>?
        guard vigil_easy_getinfo_string(pointer, info, &value) == CURLE_OK else { return nil }
        return value.map { String(cString: $0) }
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(CurlError) {
        guard code != CURLE_OK else { return }
        throw CurlError(code: Int(code.rawValue), context: "libcurl refused \(Self.name(of: option))",
                        reason: String(cString: curl_easy_strerror(code)))
    }

    /// The option's name as libcurl spells it (`CURLOPT_URL`), from libcurl's own table.
    static func name(of option: CURLoption) -> String {
        guard let entry = curl_easy_option_by_id(option), let name = entry.pointee.name else {
            return "option \(option.rawValue)"
        }
        return "CURLOPT_" + String(cString: name)
    }
}
