import Testing
import VigilHTTP
import VigilTestSupport

/// The engine driven by the smallest job there is, `SingleHopJob`: one hop,
/// no redirects followed, the answer handed back. The GitHub client sends
/// each API page with it.
struct HTTPEngineTests {
    static func engine() throws -> HTTPEngine {
        let engine = try HTTPEngine(configuration: HTTPEngine.Configuration(
            userAgent: "vigil-test/2", maxConcurrentTransfers: 4, maxConcurrentPerHost: 2, minimumHostGap: .zero,
            connectTimeout: .seconds(5), totalTimeout: .seconds(10), lowSpeedLimit: 1, lowSpeedTime: .seconds(10),
            maxBodyBytes: 1024, proxy: .direct, trustedCertificatesFile: nil))
        try engine.start()
        return engine
    }

    static func send(_ hop: HTTPHop, headerLines: [String] = [], on engine: HTTPEngine) async -> SingleHopJob.Outcome {
        await SingleHopJob.send(hop, headerLines: headerLines, on: engine)
    }

    @Test func oneHopBringsBackStatusHeadersAndBody() async throws {
        let server = try FetchTestServer(routes: [["path": "/a", "body": "hello", "etag": "\"e1\""]])
        let engine = try Self.engine()
        defer { engine.stop() }
        let hop = HTTPHop(url: try TransferURL(server.url("/a")), requiresPublicAddress: false)
        let result = try #require(await Self.send(hop, headerLines: ["X-Probe: 1"], on: engine).hop)
        #expect(result.error == nil)
        #expect(result.status == 200)
        #expect(result.body == Array("hello".utf8))
        #expect(result.header("etag") == "\"e1\"")
        let request = try #require(try server.requests().first)
        #expect(request.header("X-Probe") == "1")
        #expect(request.header("User-Agent") == "vigil-test/2")
        #expect(engine.liveTransferHandles == 0)
    }

    @Test func aBodyOverTheCapIsCutAndSaidSo() async throws {
        let server = try FetchTestServer(routes: [["path": "/big", "body": String(repeating: "x", count: 4096)]])
        let engine = try Self.engine()
        defer { engine.stop() }
        let hop = HTTPHop(url: try TransferURL(server.url("/big")), requiresPublicAddress: false)
        let result = try #require(await Self.send(hop, on: engine).hop)
        #expect(result.error != nil)
        #expect(result.bodyCapExceeded || result.error?.kind == .bodyTooLarge)
        #expect(result.body.count <= 1024)
    }

    @Test func aLiteralPrivateHostIsRefusedBeforeAnyConnection() async throws {
        let listener = try CountingListener(host: "127.0.0.1")
        let engine = try Self.engine()
        defer { engine.stop() }
        let hop = HTTPHop(url: try TransferURL(listener.url("/x")), requiresPublicAddress: true)
        let result = await Self.send(hop, on: engine)
        guard case .notSent(let reason) = result else { Issue.record("the hop was sent"); return }
        #expect(reason == .privateAddress("127.0.0.1"))
        #expect(listener.connectionsSoFar() == 0)
    }
}

extension SingleHopJob.Outcome {
    var hop: HTTPHopResult? {
        if case .answered(let hop) = self { return hop }
        return nil
    }
}
