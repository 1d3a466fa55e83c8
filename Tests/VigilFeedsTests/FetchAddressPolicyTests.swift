import Foundation
import Testing
import VigilTestSupport
@testable import VigilFeeds

/// The address policy against real loopback servers. Loopback counts as
/// private, so a configured feed on 127.0.0.1 (allowed: the operator chose it)
/// redirecting to another loopback address stands for a hostile feed
/// redirecting into the local network. The receiving side is a listener that
/// counts every connection, so "refused" means no packet reached it.
@Suite(.serialized)
struct FetchAddressPolicyTests {
    static let feedXML = FetchEngineTests.feedXML

    static func configuration(allowPrivate: Bool = false, proxy: FetchConfiguration.Proxy = .direct) -> FetchConfiguration {
        FetchConfiguration(
            userAgent: FetchConfiguration.userAgent(version: "9.8.7"), minimumHostGap: .zero,
            connectTimeout: .seconds(3), totalTimeout: .seconds(5), allowPrivateAddresses: allowPrivate, proxy: proxy)
    }

    @Test func aRedirectToAnotherLoopbackAddressIsRefusedWithoutAConnection() async throws {
        let target = try CountingListener(host: "127.0.0.2")
        let server = try FetchTestServer(routes: [["path": "/feed", "status": 302, "redirect": target.url("/internal")]])
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let result = await fetcher.fetch(server.url("/feed"))
        #expect(result.failure?.kind == .privateAddressRefused)
        #expect(result.failure?.message == "redirect to a private address 127.0.0.2 refused; set [poll] allow_private_addresses = true to allow")
        #expect(result.body == nil)
        #expect(result.redirects.map(\.to) == [target.url("/internal")])
        #expect(target.connectionsSoFar() == 0)
        #expect(fetcher.liveTransferHandles == 0)
    }

    /// A name is judged by the address it resolves to at connect time, so a
    /// name that points (or rebinds) into the local network gets nowhere.
    @Test func aRedirectToANameResolvingToLoopbackIsRefusedAtTheSocket() async throws {
        let target = try CountingListener(host: "127.0.0.1")
        let server = try FetchTestServer(routes: [["path": "/feed", "status": 301, "redirect": "http://localhost:\(target.port)/x"]])
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let result = await fetcher.fetch(server.url("/feed"))
        #expect(result.failure?.kind == .privateAddressRefused)
        let message = result.failure?.message ?? ""
        #expect(message == "redirect to a private address 127.0.0.1 refused; set [poll] allow_private_addresses = true to allow"
            || message == "redirect to a private address ::1 refused; set [poll] allow_private_addresses = true to allow", "\(message)")
        #expect(target.connectionsSoFar() == 0)
    }

    /// Other spellings of a loopback address (hexadecimal, IPv4-mapped IPv6) are the same address.
    @Test(arguments: ["http://0x7f000002:PORT/x", "http://[::ffff:127.0.0.2]:PORT/x", "http://127.2:PORT/x"])
    func otherSpellingsOfAPrivateAddressAreRefused(_ spelling: String) async throws {
        let target = try CountingListener(host: "127.0.0.2")
        let location = spelling.replacingOccurrences(of: "PORT", with: String(target.port))
        let server = try FetchTestServer(routes: [["path": "/feed", "status": 302, "redirect": location]])
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let result = await fetcher.fetch(server.url("/feed"))
        #expect(result.failure?.kind == .privateAddressRefused, "\(location): \(result.failure?.message ?? "followed")")
        #expect(target.connectionsSoFar() == 0)
    }

    /// A connection pooled for a configured feed at a private address is not
    /// reused for a redirect from elsewhere to that host (libcurl pools by
    /// host name and port; a reused connection opens no socket to check).
    @Test func aPooledConnectionToAConfiguredPrivateHostIsNotReusedByARedirect() async throws {
        let inside = try FetchTestServer(routes: [["path": "/feed", "body": Self.feedXML]])
        let hostile = try FetchTestServer(routes: [["path": "/feed", "status": 302, "redirect": inside.url("/feed", host: "localhost")]])
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let configured = await fetcher.fetch(inside.url("/feed", host: "localhost"))
        #expect(configured.status == 200)
        let redirected = await fetcher.fetch(hostile.url("/feed"))
        #expect(redirected.failure?.kind == .privateAddressRefused)
        #expect(try inside.requests().count == 1)
    }

    @Test func withPrivateAddressesAllowedTheRedirectIsFollowed() async throws {
        let inside = try FetchTestServer(routes: [["path": "/feed.xml", "body": Self.feedXML]], host: "127.0.0.2")
        let server = try FetchTestServer(routes: [["path": "/feed", "status": 302, "redirect": inside.url("/feed.xml", host: "127.0.0.2")]])
        let fetcher = try FeedFetcher(configuration: Self.configuration(allowPrivate: true))
        let result = await fetcher.fetch(server.url("/feed"))
        #expect(result.status == 200)
        #expect(result.body == Array(Self.feedXML.utf8))
        #expect(try inside.requests().count == 1)
    }

    /// The operator named the host: its own redirects (a path moved, http to
    /// https, another port) stay allowed wherever it is.
    @Test func redirectsWithinTheConfiguredHostAreFollowed() async throws {
        let other = try FetchTestServer(routes: [["path": "/moved.xml", "body": Self.feedXML]])
        let server = try FetchTestServer(routes: [
            ["path": "/a", "status": 301, "redirect": "/b"],
            ["path": "/b", "status": 302, "redirect": other.url("/moved.xml")],
        ])
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let result = await fetcher.fetch(server.url("/a"))
        #expect(result.status == 200, "\(result.failure?.message ?? "")")
        #expect(result.redirects.count == 2)
    }

    @Test func aDiscoveredURLMustBePublicFromTheFirstHop() async throws {
        let target = try CountingListener(host: "127.0.0.1")
        let fetcher = try FeedFetcher(configuration: Self.configuration())
        let result = await fetcher.fetch(FetchRequest(url: target.url("/feed"), origin: .discovered))
        #expect(result.failure?.kind == .privateAddressRefused)
        #expect(result.failure?.message == "discovered URL at a private address 127.0.0.1 refused; set [poll] allow_private_addresses = true to allow")
        #expect(target.connectionsSoFar() == 0)
    }
}
