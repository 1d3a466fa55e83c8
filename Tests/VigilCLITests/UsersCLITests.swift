import Foundation
import Testing

/// `vigil users add | ls | rm | passwd` and `vigil serve`, as a user runs them.
@Suite(.serialized) struct UsersCLITests {
    @Test func addListChangeRemove() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.writeWatchConfig(feeds: [])
        var result = try cli.vigil("users", "add", "alice", "--team", "core", "--team", "infra", stdin: "correct horse battery\n")
        #expect(result.status == 0)
        #expect(result.stdout == "added user alice (teams: core, infra)\n")
        result = try cli.vigil("users", "add", "root", "--admin", stdin: "another long password\n")
        #expect(result.stdout == "added user root (admin)\n")

        let hash = try cli.sqlite("SELECT password_hash FROM users WHERE name = 'alice'")
        #expect(hash.hasPrefix("$2b$12$") || hash.hasPrefix("$2y$12$") || hash.hasPrefix("$2a$12$"), "stored as bcrypt: \(hash)")
        #expect(!hash.contains("correct horse"))

        result = try cli.vigil("users", "ls", "--json")
        #expect(result.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String } == ["alice", "root"])
        #expect(rows.map { $0["admin"] as? Bool } == [false, true])
        #expect(rows.first?["teams"] as? [String] == ["core", "infra"])
        #expect(rows.allSatisfy { $0["created_at"] is String && $0["password_hash"] == nil })
        result = try cli.vigil("users", "ls")
        #expect(result.stdout.contains("alice") && result.stdout.contains("admin") && !result.stdout.contains("$2"))

        result = try cli.vigil("users", "passwd", "ALICE", stdin: "a brand new password\n")
        #expect(result.status == 0)
        #expect(try cli.sqlite("SELECT password_hash FROM users WHERE name = 'alice'") != hash)

        result = try cli.vigil("users", "rm", "alice")
        #expect(result.status == 0 && result.stdout == "removed user alice\n")
        result = try cli.vigil("users", "ls", "--json")
        #expect(!result.stdout.contains("alice"))
    }

    @Test func refusesBadInputWithOneLine() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.writeWatchConfig(feeds: [])
        var result = try cli.vigil("users", "add", "alice", "--team", "core", stdin: "short\n")
        #expect(result.status == 2)
        #expect(result.stderr == "vigil: the password is shorter than 10 characters\n")
        result = try cli.vigil("users", "add", "alice", "--team", "core", stdin: "\n")
        #expect(result.status == 2 && result.stderr == "vigil: the password is empty\n")
        result = try cli.vigil("users", "add", "alice", "--team", "core", stdin: "")
        #expect(result.status == 2 && result.stderr == "vigil: no password on standard input; pipe it in, one line\n")
        #expect(try cli.sqlite("SELECT count(*) FROM users") == "0")

        result = try cli.vigil("users", "add", "alice", "--team", "core", stdin: "correct horse battery\n")
        #expect(result.status == 0)
        result = try cli.vigil("users", "add", "Alice", stdin: "correct horse battery\n")
        #expect(result.status == 2 && result.stderr == "vigil: there is already a user named 'Alice'\n")
        result = try cli.vigil("users", "rm", "bob")
        #expect(result.status == 2 && result.stderr == "vigil: no user named 'bob'\n")
        result = try cli.vigil("users", "passwd", "bob", stdin: "correct horse battery\n")
        #expect(result.status == 2 && result.stderr == "vigil: no user named 'bob'\n")
        result = try cli.vigil("users", "passwd", "alice", stdin: "tiny\n")
        #expect(result.status == 2 && result.stderr == "vigil: the password is shorter than 10 characters\n")
        result = try cli.vigil("serve", "--listen", "nowhere")
        #expect(result.status == 2)
        #expect(result.stderr == "vigil: --listen wants HOST:PORT, such as 127.0.0.1:8080 or [::1]:8080, not 'nowhere'\n")
    }

    @Test func serveAnswersOnTheListenAddressAndStopsOnSIGTERM() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.writeWatchConfig(feeds: [])
        let port = try cli.freeLoopbackPort()
        let server = try cli.spawn(["--config", cli.configPath, "serve", "--listen", "127.0.0.1:\(port)"], log: "serve.log")
        defer { if server.isRunning { server.terminate() } }
        var page = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !page.contains("Sign in") {
            Thread.sleep(forTimeInterval: 0.1)
            page = (try? cli.curl("http://127.0.0.1:\(port)/login")) ?? ""
        }
        #expect(page.contains("<form method=\"post\" action=\"/login\""))
        #expect(page.contains("name=\"csrf\""))
        let log = try String(contentsOf: cli.folder.appendingPathComponent("serve.log"), encoding: .utf8)
        #expect(log.contains("no users yet"))
        server.terminate()
        server.waitUntilExit()
        #expect(server.terminationStatus == 0)
    }
}
