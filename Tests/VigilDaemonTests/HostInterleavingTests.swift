import Foundation
import Testing
import VigilStore
@testable import VigilDaemon

@Suite struct HostInterleavingTests {
    private func feeds(_ urls: [String]) -> [FeedRecord] {
        urls.enumerated().map { index, url in FeedRecord(id: Int64(index + 1), url: url) }
    }

    @Test func feedsOfOneHostAreSpreadAcrossTheCycle() {
        let input = feeds([
            "https://a.example/1", "https://a.example/2", "https://a.example/3",
            "https://b.example/1", "https://c.example/1", "https://b.example/2",
        ])
        let ordered = HostInterleaving.interleaved(input).map(\.url)
        #expect(ordered == [
            "https://a.example/1", "https://b.example/1", "https://c.example/1",
            "https://a.example/2", "https://b.example/2",
            "https://a.example/3",
        ])
    }

    @Test func everyFeedIsKeptOnce() {
        var urls: [String] = []
        for index in 0..<500 { urls.append("http://host\(index % 7 == 0 ? 0 : index % 23).example/feed\(index)") }
        let ordered = HostInterleaving.interleaved(feeds(urls))
        #expect(ordered.count == urls.count)
        #expect(Set(ordered.map(\.url)) == Set(urls))
    }

    @Test func distinctHostsKeepTheScheduleOrder() {
        let urls = (0..<10).map { "https://blog\($0).example/feed.xml" }
        #expect(HostInterleaving.interleaved(feeds(urls)).map(\.url) == urls)
    }

    @Test func theHostKeyIgnoresCasePortAndUser() {
        #expect(HostInterleaving.hostKey(of: "https://User:pw@Blog.Example:8443/feed?x=1") == "blog.example")
        #expect(HostInterleaving.hostKey(of: "http://[::1]:8080/feed") == "[::1]")
        #expect(HostInterleaving.hostKey(of: "https://search.example/q?term={query}") == "search.example")
        #expect(HostInterleaving.hostKey(of: "no scheme here") == "no scheme here")
    }
}
