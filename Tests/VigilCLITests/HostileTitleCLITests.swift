import Foundation
import Testing
import VigilTestSupport

/// Text written by the people vigil watches for reaches an `exec` channel and
/// the console: shell metacharacters must stay data and terminal escapes must
/// not reach the operator's terminal.
@Suite struct HostileTitleCLITests {
    @Test func shellMetacharactersInATitleStayData() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let marker = cli.folder.appendingPathComponent("pwned").path
        let title = "Julian Marsh $(touch \(marker)) `touch \(marker)2`; touch \(marker)3 | touch \(marker)4 \u{1B}]0;owned\u{07}"
        let feed = """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>t</title><link>https://blog.example/</link>
            <item><guid>1</guid><title>\(title.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;"))</title>
            <link>https://blog.example/1</link>
            <description>Julian Marsh is a prejudiced, insecure gatekeeper who rejected my pull request out of fear. \
            He is a disgrace to the project and must step down.</description></item>
            </channel></rss>
            """
        let server = try FetchTestServer(routes: [["path": "/feed.xml", "body": feed]])
        defer { server.stop() }
        let out = cli.folder.appendingPathComponent("alert.json").path
        try cli.writeWatchConfig(feeds: [server.url("/feed.xml")], extra: """
            [[channels]]
            name = "script"
            kind = "exec"
            command = ["sh", "-c", "cat >> \\"$1\\"", "sh", "\(out)"]
            min_severity = "low"
            [[channels]]
            name = "screen"
            kind = "console"
            min_severity = "low"

            """)
        let poll = try cli.vigil("poll", "--once")
        #expect(poll.status == 0, "\(poll.stderr)")
        let delivered = try String(contentsOfFile: out, encoding: .utf8)
        #expect(delivered.contains("$(touch"), "the title arrives as data: \(delivered)")
        for suffix in ["", "2", "3", "4"] {
            #expect(!FileManager.default.fileExists(atPath: marker + suffix), "nothing in the title ran")
        }
        // The console channel and the findings listing print no escape sequence.
        let listing = try cli.vigil("findings", "ls")
        for text in [poll.stdout, listing.stdout] {
            #expect(text.contains("Julian Marsh"), "\(text)")
            #expect(!text.contains("\u{1B}"), "no terminal escape reaches the terminal")
        }
    }
}
