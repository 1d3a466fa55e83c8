import Foundation
import VigilTestSupport
import Testing
@testable import VigilFeeds
import VigilHTTP

/// The fetcher against a real loopback server. Serialized: one test sets a proxy in
/// the process environment, and the slow-server cases should not crowd each other.
@Suite(.serialized)
struct FetchEngineTests {
    static let feedXML = """
        <?xml version="1.0"?><rss version="2.0"><channel><title>T</title>\
        <item><title>One</title><link>http://example.org/1</link></item></channel></rss>
        """

    static func configuration(
        totalTimeout: Duration = .seconds(10), lowSpeedTime: Duration = .seconds(15),
        allowFileURLs: Bool = false, maxPerHost: Int = 2, gap: Duration = .zero,
        trusted: String? = nil, proxy: FetchConfiguration.Proxy = .direct
    ) -> FetchConfiguration {
        FetchConfiguration(
            userAgent: FetchConfiguration.userAgent(version: "9.8.7"), maxConcurrentPerHost: maxPerHost,
            minimumHostGap: gap, connectTimeout: .seconds(5), totalTimeout: totalTimeout, lowSpeedTime: lowSpeedTime,
            allowFileURLs: allowFileURLs, proxy: proxy, trustedCertificatesFile: trusted)
    }

    @Test func plainFeedIsFetchedWithAUserAgentNamingVigil() async throws {
        let server = try FetchTestServer(routes: [
            ["path": "/feed.xml", "body": Self.feedXML, "headers": ["Content-Type": "application/rss+xml", "Cache-Control": "public, max-age=600"],
             "etag": "\"v1\"", "last_modified": "Wed, 21 Oct 2015 07:28:00 GMT"],
        ])
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let result = await fetcher.fetch(server.url("/feed.xml"))
        #expect(result.status == 200)
        #expect(result.body == Array(Self.feedXML.utf8))
        #expect(result.contentType == "application/rss+xml")
        #expect(result.etag == "\"v1\"")
        #expect(result.lastModified == "Wed, 21 Oct 2015 07:28:00 GMT")
        #expect(result.cacheMaxAge == .seconds(600))
        #expect(result.finalURL == server.url("/feed.xml"))
        #expect(result.redirects.isEmpty)
        #expect(result.httpVersion == "1.1")
        #expect(result.bytesReceived > Int64(Self.feedXML.utf8.count))
        #expect(result.duration > .zero)
        let request = try #require(try server.requests().first)
        let agent = try #require(request.header("User-Agent"))
        #expect(agent.contains("vigil/9.8.7"))
        #expect(agent.contains(FetchConfiguration.projectURL))
        #expect(request.header("Accept-Encoding")?.contains("gzip") == true)
        #expect(request.header("Accept-Encoding")?.contains("br") == true)
        #expect(request.header("If-None-Match") == nil)
        #expect(fetcher.liveTransferHandles == 0)
    }

    @Test func etagMakesTheNextFetchA304() async throws {
        let server = try FetchTestServer(routes: [["path": "/f", "body": Self.feedXML, "etag": "\"abc\""]])
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let first = await fetcher.fetch(server.url("/f"))
        #expect(first.body != nil)
        let second = await fetcher.fetch(FetchRequest(url: server.url("/f"), etag: first.etag))
        #expect(second.outcome == .notModified)
        #expect(second.status == 304)
        #expect(second.body == nil)
        #expect(second.isSuccess)
        let stale = await fetcher.fetch(FetchRequest(url: server.url("/f"), etag: "\"old\""))
        #expect(stale.body == Array(Self.feedXML.utf8))
        let sent = try server.requests().map { $0.header("If-None-Match") }
        #expect(sent == [nil, "\"abc\"", "\"old\""])
    }

    @Test func lastModifiedMakesTheNextFetchA304() async throws {
        let stamp = "Tue, 03 Jun 2025 10:00:00 GMT"
        let server = try FetchTestServer(routes: [["path": "/f", "body": Self.feedXML, "last_modified": stamp]])
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let first = await fetcher.fetch(server.url("/f"))
        #expect(first.lastModified == stamp)
        let second = await fetcher.fetch(FetchRequest(url: server.url("/f"), lastModified: first.lastModified))
        #expect(second.outcome == .notModified)
        #expect(try server.requests().last?.header("If-Modified-Since") == stamp)
    }

    @Test(arguments: ["gzip", "deflate", "br"])
    func compressedBodiesArriveDecompressed(encoding: String) async throws {
        let text = String(repeating: Self.feedXML, count: 200)
        let server = try FetchTestServer(routes: [["path": "/z", "body": text, "encoding": encoding]])
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let result = await fetcher.fetch(server.url("/z"))
        #expect(result.headers["Content-Encoding"] == encoding)
        #expect(result.body == Array(text.utf8))
    }

    @Test func redirectChainIsFollowedAndItsPermanentPrefixReported() async throws {
        let server = try FetchTestServer(routes: [
            ["path": "/a", "status": 301, "redirect": "/b"],
            ["path": "/b", "status": 308, "redirect": "c"],
            ["path": "/c", "status": 302, "redirect": "/final?x=1"],
            ["path": "/final", "body": Self.feedXML],
        ])
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let result = await fetcher.fetch(server.url("/a"))
        #expect(result.status == 200)
        #expect(result.body == Array(Self.feedXML.utf8))
        #expect(result.redirects.map(\.status) == [301, 308, 302])
        #expect(result.redirects.map(\.to) == [server.url("/b"), server.url("/c"), server.url("/final?x=1")])
        #expect(result.finalURL == server.url("/final?x=1"))
        #expect(result.permanentRedirectTarget == server.url("/c"))
        #expect(result.requestedURL == server.url("/a"))
    }

    @Test func storedURLFollowsAPermanentRedirectOnTheThirdPoll() async throws {
        let server = try FetchTestServer(routes: [
            ["path": "/moved", "status": 301, "redirect": "/new-home"],
            ["path": "/new-home", "body": Self.feedXML],
        ])
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        var tracker = PermanentRedirectTracker()
        var adopted: [String?] = []
        for _ in 0..<3 {
            let result = await fetcher.fetch(server.url("/moved"))
            adopted.append(tracker.observe(result.permanentRedirectTarget))
        }
        #expect(adopted == [nil, nil, server.url("/new-home")])
    }

    @Test func queryFeedsAskForEachNameEncoded() async throws {
        let server = try FetchTestServer(routes: [["path": "/search", "body": Self.feedXML]])
        let template = try QueryFeedTemplate(server.url("/search?q={query}&format=rss"))
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        for url in template.urls(for: ["Ada Lovelace", "エイダ・ラブレス", "A. Lovelace & co"]) {
            #expect(await fetcher.fetch(url).isSuccess)
        }
        #expect(try server.requests().map(\.target) == [
            "/search?q=Ada%20Lovelace&format=rss",
            "/search?q=%E3%82%A8%E3%82%A4%E3%83%80%E3%83%BB%E3%83%A9%E3%83%96%E3%83%AC%E3%82%B9&format=rss",
            "/search?q=A.%20Lovelace%20%26%20co&format=rss",
        ])
    }

    @Test func temporaryFirstHopMeansNoPermanentTarget() async throws {
        let server = try FetchTestServer(routes: [
            ["path": "/a", "status": 307, "redirect": "/b"],
            ["path": "/b", "status": 301, "redirect": "/f"],
            ["path": "/f", "body": Self.feedXML],
        ])
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let result = await fetcher.fetch(server.url("/a"))
        #expect(result.body != nil)
        #expect(result.permanentRedirectTarget == nil)
    }

    @Test func redirectLoopFails() async throws {
        let server = try FetchTestServer(routes: [
            ["path": "/x", "status": 302, "redirect": "/y"],
            ["path": "/y", "status": 302, "redirect": "/x"],
        ])
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let result = await fetcher.fetch(server.url("/x"))
        #expect(result.failure?.kind == .redirectLoop)
        #expect(result.body == nil)
        #expect(result.permanentRedirectTarget == nil)
    }

    @Test func moreThanFiveRedirectsFail() async throws {
        var routes: [[String: Any]] = (0..<7).map { ["path": "/r\($0)", "status": 302, "redirect": "/r\($0 + 1)"] }
        routes.append(["path": "/r7", "body": Self.feedXML])
        let server = try FetchTestServer(routes: routes)
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let result = await fetcher.fetch(server.url("/r0"))
        #expect(result.failure?.kind == .tooManyRedirects)
        #expect(try server.requests().count == 6)

        let five = await fetcher.fetch(server.url("/r2"))
        #expect(five.body == Array(Self.feedXML.utf8))
        #expect(five.redirects.count == 5)
    }

    @Test func redirectToFileIsRefusedEvenWhereFileURLsAreAllowed() async throws {
        let server = try FetchTestServer(routes: [["path": "/evil", "status": 301, "redirect": "file:///etc/passwd"]])
        let fetcher = try FeedFetcher(configuration: Self.configuration(allowFileURLs: true))
        let result = await fetcher.fetch(server.url("/evil"))
        #expect(result.failure?.kind == .redirectRefused)
        #expect(result.body == nil)
        #expect(result.failure?.message.contains("file") == true)
    }

    @Test func errorStatusesCarryNoContent() async throws {
        let server = try FetchTestServer(routes: [
            ["path": "/missing", "status": 404, "body": "<html>not here</html>"],
            ["path": "/gone", "status": 410, "body": "gone"],
            ["path": "/broken", "status": 500, "body": "<rss>looks like a feed but is an error page</rss>"],
        ])
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let missing = await fetcher.fetch(server.url("/missing"))
        #expect(missing.failure?.kind == .httpStatus(404))
        #expect(missing.failure?.message.hasPrefix("HTTP 404 Not Found") == true)
        #expect(missing.body == nil)
        let gone = await fetcher.fetch(server.url("/gone"))
        #expect(gone.failure?.kind == .gone)
        #expect(gone.failure?.isTransient == false)
        let broken = await fetcher.fetch(server.url("/broken"))
        #expect(broken.failure?.kind == .httpStatus(500))
        #expect(broken.failure?.isTransient == true)
        #expect(broken.body == nil)
        #expect(broken.status == 500)
    }

    @Test func hugeErrorPageReportsItsStatusNotItsSize() async throws {
        let server = try FetchTestServer(routes: [["path": "/err", "status": 500, "size": 64 << 20]])
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let result = await fetcher.fetch(server.url("/err"))
        #expect(result.failure?.kind == .httpStatus(500))
        #expect(result.body == nil)
        #expect(result.bytesReceived < 32 << 20)
    }

    @Test func storedValidatorsCannotInjectHeaders() async throws {
        let server = try FetchTestServer(routes: [["path": "/f", "body": Self.feedXML]])
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let result = await fetcher.fetch(FetchRequest(url: server.url("/f"), etag: "\"a\"\r\nX-Injected: 1", lastModified: "today\nX-Other: 2"))
        #expect(result.isSuccess)
        let request = try #require(try server.requests().first)
        #expect(request.header("X-Injected") == nil)
        #expect(request.header("X-Other") == nil)
        #expect(request.header("If-None-Match") == "\"a\"X-Injected: 1")
    }

    @Test func validatorsTravelAlongRedirects() async throws {
        let server = try FetchTestServer(routes: [
            ["path": "/old", "status": 301, "redirect": "/new"],
            ["path": "/new", "body": Self.feedXML, "etag": "\"n1\""],
        ])
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let result = await fetcher.fetch(FetchRequest(url: server.url("/old"), etag: "\"n1\""))
        #expect(result.outcome == .notModified)
        #expect(result.redirects.count == 1)
        #expect(result.permanentRedirectTarget == server.url("/new"))
    }

    @Test func retryAfterIsReportedAndPausesTheHost() async throws {
        let server = try FetchTestServer(routes: [
            ["path": "/busy", "status": 429, "headers": ["Retry-After": "120"]],
            ["path": "/other", "body": Self.feedXML],
        ])
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let busy = await fetcher.fetch(server.url("/busy"))
        #expect(busy.failure?.kind == .httpStatus(429))
        #expect(busy.retryAfter == .seconds(120))
        // Another feed of the same host is not requested while the pause lasts.
        let other = await fetcher.fetch(server.url("/other"))
        #expect(other.failure?.kind == .deferredByHost)
        #expect((other.retryAfter ?? .zero) > .seconds(100))
        #expect(try server.requests().map(\.path) == ["/busy"])
    }

    @Test func retryAfterAsAnHTTPDateOn503() async throws {
        let now = Int64(Date().timeIntervalSince1970)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let date = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(now + 3600)))
        let server = try FetchTestServer(routes: [["path": "/down", "status": 503, "headers": ["Retry-After": date]]])
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let result = await fetcher.fetch(server.url("/down"))
        #expect(result.failure?.kind == .httpStatus(503))
        let seconds = try #require(result.retryAfter).components.seconds
        #expect(seconds > 3500 && seconds <= 3600)
    }

    @Test func slowTrickleIsAborted() async throws {
        let server = try FetchTestServer(routes: [
            ["path": "/slow", "trickle": ["chunk": 10, "interval": 0.5, "total": 100_000], "headers": ["Content-Type": "application/rss+xml"]],
        ])
        let fetcher = try FeedFetcher(configuration: Self.configuration(lowSpeedTime: .seconds(1)))
        let result = await fetcher.fetch(server.url("/slow"))
        #expect(result.failure?.kind == .tooSlow)
        #expect(result.body == nil)
        #expect(fetcher.liveTransferHandles == 0)
    }

    @Test func gigabyteBodyIsCappedWithoutBufferingIt() async throws {
        let server = try FetchTestServer(routes: [["path": "/huge", "size": 1 << 30]])
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let before = Self.peakResidentBytes()
        let result = await fetcher.fetch(server.url("/huge"))
        #expect(result.failure?.kind == .bodyTooLarge)
        #expect(result.body == nil)
        #expect(result.bytesReceived < 64 << 20)
        // Peak memory may grow by the 10 MiB cap and its copies, never towards the gigabyte.
        // (The peak is the whole test process's, so the bound leaves room for other suites.)
        #expect(Self.peakResidentBytes() - before < 512 << 20)
    }

    @Test func endlessChunkedBodyIsCapped() async throws {
        let server = try FetchTestServer(routes: [["path": "/endless", "infinite": true]])
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let result = await fetcher.fetch(server.url("/endless"))
        #expect(result.failure?.kind == .bodyTooLarge)
    }

    @Test func gzipBombIsCappedAfterDecompression() async throws {
        let server = try FetchTestServer(routes: [["path": "/bomb", "gzip_bomb": 1 << 30]])
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let before = Self.peakResidentBytes()
        let result = await fetcher.fetch(server.url("/bomb"))
        #expect(result.failure?.kind == .bodyTooLarge)
        #expect(result.failure?.message.contains("10 MiB") == true)
        #expect(result.bytesReceived < 1 << 20)
        #expect(Self.peakResidentBytes() - before < 512 << 20)
    }

    @Test func serverThatNeverAnswersTimesOut() async throws {
        let server = try FetchTestServer(routes: [["path": "/silent", "never_answer": true]])
        let fetcher = try FeedFetcher(configuration: Self.configuration(totalTimeout: .seconds(2)))
        let result = await fetcher.fetch(server.url("/silent"))
        #expect(result.failure?.kind == .timeout)
        #expect(result.failure?.message.contains("timed out after 2 s") == true)
        #expect(result.status == nil)
    }

    @Test func connectionRefused() async throws {
        let port = try Self.closedPort()
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let result = await fetcher.fetch("http://127.0.0.1:\(port)/feed")
        #expect(result.failure?.kind == .connectionRefused)
        #expect(result.status == nil)
        #expect(!(result.failure?.message.contains("\n") ?? true))
    }

    @Test func connectTimeoutWhenTheServerNeverCompletesTheHandshake() async throws {
        // A listening socket whose accept queue is full drops further SYNs, so the
        // connection never completes: a connect timeout on loopback.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        listen(listener, 0)
        var fillers: [Int32] = []
        defer { fillers.forEach { close($0) } }
        for _ in 0..<3 {
            let filler = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(filler, $0, length) } }
            fillers.append(filler)
        }
        try await Task.sleep(for: .milliseconds(200))
        var configuration = Self.configuration()
        configuration.connectTimeout = .seconds(1)
        let fetcher = try FeedFetcher(configuration: configuration)
        let result = await fetcher.fetch("http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))/feed")
        #expect(result.failure?.kind == .connectTimeout)
        #expect(result.failure?.message.hasPrefix("connect timed out after 1 s") == true)
    }

    @Test func connectionClosedWithoutAnswer() async throws {
        let server = try FetchTestServer(routes: [["path": "/hangup", "close": true]])
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let result = await fetcher.fetch(server.url("/hangup"))
        #expect(result.failure?.kind == .connectionLost)
    }

    @Test(.enabled(if: TestTools.hasOpenSSL, "the openssl command is not installed (apt-get install openssl); skipping the TLS test"))
    func untrustedCertificateIsRefusedAndTrustedOneAccepted() async throws {
        let tls = try Self.selfSignedCertificate()
        defer { try? FileManager.default.removeItem(atPath: (tls.certificate as NSString).deletingLastPathComponent) }
        let server = try FetchTestServer(routes: [["path": "/secure", "body": Self.feedXML]],
                                         tls: (tls.certificate, tls.key))
        let refusing = try FeedFetcher(configuration: Self.configuration())
        let refused = await refusing.fetch(server.url("/secure"))
        #expect(refused.failure?.kind == .tls)
        #expect(refused.body == nil)
        #expect(try server.requests().isEmpty)

        // The same server is fine once its certificate is trusted: verification is on, not broken.
        let trusting = try FeedFetcher(configuration: Self.configuration(trusted: tls.certificate))
        let accepted = await trusting.fetch(server.url("/secure", host: "localhost"))
        #expect(accepted.body == Array(Self.feedXML.utf8))
    }

    @Test func onlyHTTPAndAllowedFileSchemes() async throws {
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        #expect(await fetcher.fetch("ftp://127.0.0.1/feed").failure?.kind == .unsupportedScheme)
        #expect(await fetcher.fetch("gopher://127.0.0.1/feed").failure?.kind == .unsupportedScheme)
        #expect(await fetcher.fetch("not a url at all").failure?.kind == .invalidURL)

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-feed-\(UUID().uuidString).xml")
        try Data(Self.feedXML.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let refused = await fetcher.fetch(file.absoluteString)
        #expect(refused.failure?.kind == .unsupportedScheme)
        #expect(refused.body == nil)

        let allowing = try FeedFetcher(configuration: Self.configuration(allowFileURLs: true))
        let local = await allowing.fetch(file.absoluteString)
        #expect(local.body == Array(Self.feedXML.utf8))
        #expect(local.status == nil)
        let missing = await allowing.fetch("file:///nonexistent/vigil/feed.xml")
        #expect(missing.failure?.kind == .fileUnreadable)
    }

    @Test func manyFeedsShareOneThreadWithinThePerHostLimit() async throws {
        let server = try FetchTestServer(routes: (0..<24).map {
            ["path": "/feed\($0)", "body": Self.feedXML, "delay": 0.1]
        })
        let fetcher = try FeedFetcher(configuration: Self.configuration(maxPerHost: 3))
        let results = await withTaskGroup(of: FetchResult.self) { group in
            for index in 0..<24 { group.addTask { await fetcher.fetch(server.url("/feed\(index)")) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 24)
        #expect(results.allSatisfy { $0.body == Array(Self.feedXML.utf8) })
        let stats = try server.stats()
        #expect(stats.requests == 24)
        #expect(stats.max_in_flight <= 3)
        #expect(stats.max_in_flight >= 2)
        #expect(fetcher.liveTransferHandles == 0)
    }

    @Test func requestsToOneHostKeepTheMinimumGap() async throws {
        let server = try FetchTestServer(routes: [["path": "/a", "body": "a"], ["path": "/b", "body": "b"], ["path": "/c", "body": "c"]])
        let fetcher = try FeedFetcher(configuration: Self.configuration(gap: .milliseconds(300)))
        let clock = ContinuousClock()
        let start = clock.now
        async let a = fetcher.fetch(server.url("/a"))
        async let b = fetcher.fetch(server.url("/b"))
        async let c = fetcher.fetch(server.url("/c"))
        let results = await [a, b, c]
        #expect(results.allSatisfy { $0.isSuccess })
        // Three starts 300 ms apart cannot all be done in less than 600 ms.
        #expect(clock.now - start >= .milliseconds(600))
    }

    @Test func cancellingTheTaskCancelsTheTransfer() async throws {
        let server = try FetchTestServer(routes: [["path": "/silent", "never_answer": true]])
        let fetcher = try FeedFetcher(configuration: Self.configuration(totalTimeout: .seconds(30)))
        let task = Task { await fetcher.fetch(server.url("/silent")) }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        let result = await task.value
        #expect(result.failure?.kind == .cancelled)
        #expect(result.duration < .seconds(10))
        #expect(fetcher.liveTransferHandles == 0)
    }

    @Test func stoppingTheEngineAnswersQueuedAndRunningFetches() async throws {
        let server = try FetchTestServer(routes: [["path": "/silent", "never_answer": true]])
        // One transfer at a time: the first fetch runs, the second waits in the queue.
        let configuration = {
            var configuration = Self.configuration(totalTimeout: .seconds(30), maxPerHost: 1)
            configuration.maxConcurrentTransfers = 1
            return configuration
        }()
        let engine = try HTTPEngine(configuration: configuration.engineConfiguration)
        try engine.start()
        let url = server.url("/silent")
        async let running = withCheckedContinuation { continuation in
            engine.submit(FetchJob(id: engine.makeJobID(), request: FetchRequest(url: url), configuration: FetchConfiguration.Shared(configuration), continuation: continuation))
        }
        async let queued = withCheckedContinuation { continuation in
            engine.submit(FetchJob(id: engine.makeJobID(), request: FetchRequest(url: url), configuration: FetchConfiguration.Shared(configuration), continuation: continuation))
        }
        try await Task.sleep(for: .milliseconds(400))
        #expect(engine.liveTransferHandles == 1)
        engine.stop()
        let results = await [running, queued]
        #expect(results.allSatisfy { $0.failure?.kind == .cancelled && $0.failure?.message.contains("shut down") == true })
        #expect(results.allSatisfy { $0.body == nil })
        #expect(engine.liveTransferHandles == 0)
        let late = await withCheckedContinuation { continuation in
            engine.submit(FetchJob(id: engine.makeJobID(), request: FetchRequest(url: url), configuration: FetchConfiguration.Shared(configuration), continuation: continuation))
        }
        #expect(late.failure?.kind == .cancelled)
    }

    @Test func proxyFromTheEnvironmentIsUsed() async throws {
        let server = try FetchTestServer(routes: [["path": "/via-proxy", "body": Self.feedXML]])
        // Other test targets fetch loopback URLs in this process meanwhile: no_proxy keeps
        // them direct (set first, cleared last), only the made-up host goes through the proxy.
        let previousNoProxy = ProcessInfo.processInfo.environment["no_proxy"]
        setenv("no_proxy", "127.0.0.1,localhost,::1", 1)
        setenv("http_proxy", "http://127.0.0.1:\(server.port)", 1)
        defer {
            unsetenv("http_proxy")
            if let previousNoProxy { setenv("no_proxy", previousNoProxy, 1) } else { unsetenv("no_proxy") }
        }
        let fetcher = try FeedFetcher(configuration: Self.configuration(proxy: .environment))
        let result = await fetcher.fetch("http://feeds.example.invalid/via-proxy")
        #expect(result.body == Array(Self.feedXML.utf8))
        #expect(try server.requests().first?.target == "http://feeds.example.invalid/via-proxy")
        let direct = await fetcher.fetch(server.url("/via-proxy"))
        #expect(direct.isSuccess)
        #expect(try server.requests().last?.target == "/via-proxy", "no_proxy is honoured too")
    }

    // MARK: - Helpers

    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }

    /// A loopback port nothing listens on: bound, then closed.
    static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A throwaway self-signed certificate for 127.0.0.1 and localhost, made with openssl.
    static func selfSignedCertificate() throws -> (certificate: String, key: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate,
                             "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"]
        openssl.standardError = FileHandle.nullDevice
        openssl.standardOutput = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else {
            throw FetchTestServer.StartError(description: "openssl could not make a test certificate")
        }
        return (certificate, key)
    }
}
