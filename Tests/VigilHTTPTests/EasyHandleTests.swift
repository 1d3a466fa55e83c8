import CCurl
import Testing
@testable import VigilHTTP

/// The easy handle reports what libcurl refuses instead of dropping it.
struct EasyHandleTests {
    @Test func aValueOutOfRangeIsReportedWithTheOptionsName() throws {
        let handle = try EasyHandle()
        let error = try #require(throws: CurlError.self) { try handle.set(CURLOPT_USE_SSL, 42) }
        #expect(error.code == Int(CURLE_BAD_FUNCTION_ARGUMENT.rawValue))
        #expect(error.context == "libcurl refused CURLOPT_USE_SSL")
        #expect(error.reason == String(cString: curl_easy_strerror(CURLE_BAD_FUNCTION_ARGUMENT)))
        #expect(error.description == "libcurl refused CURLOPT_USE_SSL: \(error.reason)")
    }

    @Test func anUnknownProtocolInTheAllowedListIsReported() throws {
        let handle = try EasyHandle()
        try handle.set(CURLOPT_PROTOCOLS_STR, "http,https")
        let error = try #require(throws: CurlError.self) { try handle.set(CURLOPT_PROTOCOLS_STR, "http,gopher-over-carrier-pigeon") }
        #expect(error.code == Int(CURLE_UNSUPPORTED_PROTOCOL.rawValue))
        #expect(error.context == "libcurl refused CURLOPT_PROTOCOLS_STR")
    }

    @Test func acceptedOptionsThrowNothing() throws {
        let handle = try EasyHandle()
        try handle.set(CURLOPT_FOLLOWLOCATION, 0)
        try handle.set(CURLOPT_URL, "http://127.0.0.1:9/")
        try handle.set(CURLOPT_HTTPHEADER, list: ["Accept: text/plain", "Expect:"])
        try handle.set(CURLOPT_MAXFILESIZE_LARGE, large: 1024)
    }
}
