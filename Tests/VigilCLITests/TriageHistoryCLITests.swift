import Foundation
import Testing

/// What a team does in the dashboard shows in `vigil findings show`: who
/// labelled or acknowledged a finding, when, and their note. The browser's
/// part is played by Python's standard library (a cookie jar, forms with
/// their CSRF tokens) against `vigil serve` run as a user runs it.
@Suite(.serialized) struct TriageHistoryCLITests {
    static let browser = #"""
        import http.cookiejar, re, sys, urllib.parse, urllib.request
        base, user, password, finding = sys.argv[1:5]
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        def token(page):
            tag = re.search(r'<input[^>]*name="csrf"[^>]*>', page).group(0)
            return re.search(r'value="([^"]+)"', tag).group(1)
        def post(path, fields):
            return opener.open(base + path, urllib.parse.urlencode(fields).encode()).read().decode()
        page = opener.open(base + "/login").read().decode()
        post("/login", {"name": user, "password": password, "csrf": token(page)})
        page = opener.open(base + "/findings/" + finding).read().decode()
        post("/findings/" + finding + "/label", {"label": "hostile", "note": "seen by the team; the author is the agent", "csrf": token(page)})
        post("/findings/" + finding + "/ack", {"csrf": token(page)})
        print("done")
        """#

    @Test func dashboardActionsAreInTheFindingsHistory() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let kept = cli.folder.appendingPathComponent("demo")
        var result = try cli.run(["demo", "--keep", kept.path])
        #expect(result.status == 0, "\(result.stderr)")
        let config = kept.appendingPathComponent("config.toml").path
        result = try cli.run(["--config", config, "users", "add", "ines", "--admin"], stdin: "a long enough password\n")
        #expect(result.status == 0, "\(result.stderr)")
        result = try cli.run(["--config", config, "findings", "ls", "--json", "--min-severity", "high"])
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let id = try #require(findings.first?["id"] as? Int)

        let port = try cli.freeLoopbackPort()
        let server = try cli.spawn(["--config", config, "serve", "--listen", "127.0.0.1:\(port)"], log: "serve.log")
        defer { if server.isRunning { server.terminate(); server.waitUntilExit() } }
        var page = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !page.contains("Sign in") {
            Thread.sleep(forTimeInterval: 0.1)
            page = (try? cli.curl("http://127.0.0.1:\(port)/login")) ?? ""
        }
        result = try cli.run(["python3", "-c", Self.browser, "http://127.0.0.1:\(port)", "ines", "a long enough password", String(id)],
                             executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(result.stdout.contains("done"), "\(result.stderr)")

        result = try cli.run(["--config", config, "findings", "show", String(id)])
        #expect(result.stdout.contains("History"))
        #expect(result.stdout.contains("ines label: hostile") || result.stdout.contains("ines label"), "\(result.stdout)")
        #expect(result.stdout.contains("seen by the team; the author is the agent"))
        #expect(result.stdout.contains("ines ack"))
        result = try cli.run(["--config", config, "findings", "show", String(id), "--json"])
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let history = try #require(shown["history"] as? [[String: Any]])
        #expect(history.map { $0["action"] as? String } == ["label", "ack"])
        #expect(history.allSatisfy { $0["user"] as? String == "ines" && $0["at"] is String })
    }
}
