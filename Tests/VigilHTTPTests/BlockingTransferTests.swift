import Testing
import VigilHTTP
import VigilTestSupport

/// One blocking transfer against the loopback server: what it sends, what it brings back.
struct BlockingTransferTests {
    @Test func postsTheBodyAndReturnsStatusHeadersAndBody() throws {
        let server = try FetchTestServer(routes: [
            ["path": "/hook", "status": 202, "body": "queued", "headers": ["X-Queue": "7"]],
        ])
        let transfer = try BlockingTransfer(url: server.url("/hook"), protocols: .http)
        try transfer.refuseRedirects()
        try transfer.setUserAgent("vigil-test/1")
        try transfer.setTimeout(seconds: 5)
        try transfer.setHeaderLines(["Expect:", "Content-Type: application/json"])
        try transfer.setBody(Array("{\"a\":1}".utf8), method: "PUT")
        let response = try transfer.perform()
        #expect(response.status == 202)
        #expect(response.body == Array("queued".utf8))
        #expect(response.headers.contains { $0.name == "X-Queue" && $0.value == "7" })
        let request = try #require(try server.requests().first)
        #expect(request.method == "PUT")
        #expect(request.body == "{\"a\":1}")
        #expect(request.header("User-Agent") == "vigil-test/1")
        #expect(request.header("Content-Type") == "application/json")
    }

    @Test func aSchemeOutsideItsProtocolsIsRefusedByKind() throws {
        let transfer = try BlockingTransfer(url: "ftp://127.0.0.1/file", protocols: .http)
        let error = try #require(throws: TransferError.self) { try transfer.perform() }
        #expect(error.kind == .unsupportedProtocol)
        #expect(!error.detail.isEmpty)
    }

    @Test func abortingStopsTheTransfer() throws {
        let server = try FetchTestServer(routes: [["path": "/silent", "never_answer": true]])
        let transfer = try BlockingTransfer(url: server.url("/silent"), protocols: .http, shouldAbort: { true })
        try transfer.setTimeout(seconds: 20)
        let clock = ContinuousClock()
        let start = clock.now
        let error = try #require(throws: TransferError.self) { try transfer.perform() }
        #expect(error.kind == .other)
        #expect(clock.now - start < .seconds(10))
    }
}
