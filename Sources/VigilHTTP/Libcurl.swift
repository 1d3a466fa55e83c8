import CCurl

/// libcurl's process-wide setup. `curl_global_init` must run once, before any
/// handle exists and never concurrently with itself; a static constant is
/// initialised exactly once, on first use, whichever thread gets there first.
enum Libcurl {
    private static let initialized: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    /// Runs the global setup if it has not run yet. Every handle type calls
    /// this before it asks libcurl for a handle.
    static func initialize() {
        _ = initialized
    }
}
