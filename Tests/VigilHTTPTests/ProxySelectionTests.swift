import Testing
@testable import VigilHTTP

struct ProxySelectionTests {
    @Test func theProxyChoiceFollowsLibcurlsReadingOfTheEnvironment() throws {
        let http = try TransferURL("http://feeds.example.org/a")
        let https = try TransferURL("https://feeds.example.org/a")
        let inside = try TransferURL("https://intranet.corp.example/a")
        let environment = ProxySelection(setting: .environment, variables: [
            "http_proxy": "http://p1:3128", "HTTPS_PROXY": "http://p2:3128", "NO_PROXY": "localhost, .corp.example",
        ])
        #expect(environment.proxy(for: http) == "http://p1:3128")
        #expect(environment.proxy(for: https) == "http://p2:3128")
        #expect(environment.proxy(for: inside) == nil)
        // HTTP_PROXY in capitals is ignored for http (as libcurl does, against httpoxy); ALL_PROXY is the fallback.
        let capitals = ProxySelection(setting: .environment, variables: ["HTTP_PROXY": "http://evil:1", "ALL_PROXY": "socks5://p3:1080"])
        #expect(capitals.proxy(for: http) == "socks5://p3:1080")
        #expect(ProxySelection(setting: .direct, variables: ["http_proxy": "http://p1:3128"]).proxy(for: http) == nil)
        #expect(ProxySelection(setting: .url("http://p4:8080"), variables: [:]).proxy(for: http) == "http://p4:8080")
        #expect(ProxySelection(setting: .url("http://p4:8080"), variables: ["no_proxy": "*"]).proxy(for: http) == nil)
    }
}
