import Foundation
import Testing
import VigilTestSupport

/// One feed of ten thousand posts naming a watched person: every finding is
/// stored, and each channel gets a handful of messages, not ten thousand.
@Suite struct AlertFloodCLITests {
    /// An RSS feed of `count` distinct posts, each naming Julian Marsh.
    static func flood(count: Int) -> String {
        var xml = #"<?xml version="1.0"?><rss version="2.0"><channel><title>Flood</title><link>https://flood.example/</link>"#
        for index in 0..<count {
            xml += "<item><guid>post-\(index)</guid><title>Post \(index)</title><link>https://flood.example/\(index)</link>"
            xml += "<description>Julian Marsh rejected pull request \(index) again. Julian Marsh is a gatekeeper protecting his fiefdom.</description></item>"
        }
        return xml + "</channel></rss>"
    }

    @Test func tenThousandFindingsFromOneFeedAreABurstPerChannel() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let server = try FetchTestServer(routes: [["path": "/flood.xml", "body": Self.flood(count: 10_000)]])
        defer { server.stop() }
        let log = cli.folder.appendingPathComponent("exec.log").path
        try cli.writeWatchConfig(feeds: [server.url("/flood.xml")], extra: """
            [[channels]]
            name = "pager"
            kind = "exec"
            command = ["/bin/sh", "-c", "cat > /dev/null; echo \\"$VIGIL_IDEMPOTENCY_KEY\\" >> \\"$0\\"", "\(log)"]
            kinds = ["attack", "coverage", "mention"]
            min_severity = "none"
            [[channels]]
            name = "log"
            kind = "jsonl"
            path = "alerts.jsonl"
            kinds = ["attack", "coverage", "mention"]
            min_severity = "none"

            """)
        let poll = try cli.vigil("poll", "--once")
        #expect(poll.status == 0, "\(poll.stderr)")

        #expect(try cli.sqlite("SELECT COUNT(*) FROM findings") == "10000")
        let perChannel = try cli.sqlite("SELECT channel, COUNT(*) FROM alert_outbox GROUP BY channel ORDER BY channel")
        #expect(perChannel == "log|6\npager|6", "\(perChannel)")
        let spawned = (try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n") ?? []
        #expect(spawned.count == 6)
        #expect(try cli.sqlite("SELECT COUNT(*) FROM alert_outbox WHERE delivered_at IS NOT NULL") == "12")

        let lines = try String(contentsOf: cli.folder.appendingPathComponent("alerts.jsonl"), encoding: .utf8).split(separator: "\n")
        let messages = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(messages.filter { $0["kind"] as? String == "alert" }.count == 5)
        let burst = try #require(messages.first { $0["kind"] as? String == "burst" })
        let body = try #require(burst["burst"] as? [String: Any])
        #expect(body["count"] as? Int == 9_995)
        #expect((body["finding_ids"] as? [Any])?.count == 9_995)
        #expect(body["person"] as? String == "Julian Marsh")
        #expect((body["feed"] as? [String: Any])?["title"] as? String == "Flood")
    }
}
