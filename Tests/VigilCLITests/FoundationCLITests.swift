import Foundation
import Testing

/// The foundation as a new user meets it: init, watch, feeds, OPML, and the
/// exit-code contract for bad input.
@Suite(.serialized) struct FoundationCLITests {
    @Test func helpListsEverySubcommandOfTheDesign() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let help = try cli.run(["--help"])
        #expect(help.status == 0)
        for name in ["init", "run", "poll", "demo", "watch", "feeds", "findings", "scan", "digest", "train", "eval", "parse", "status", "alerts", "doctor"] {
            #expect(help.stdout.contains("\n  \(name) "), "missing subcommand \(name)")
        }
        let feeds = try cli.run(["feeds", "--help"])
        for name in ["add", "ls", "rm", "import", "export", "discover", "check"] {
            #expect(feeds.stdout.contains("\n  \(name) "), "missing feeds \(name)")
        }
        let findings = try cli.run(["findings", "--help"])
        for name in ["ls", "show", "ack", "label", "export"] {
            #expect(findings.stdout.contains("\n  \(name) "), "missing findings \(name)")
        }
    }

    @Test func theNewUserWalkthroughWorks() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let initResult = try cli.run(["init", "--dir", "try"])
        #expect(initResult.status == 0, "\(initResult.stderr)")
        #expect(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("try/config.toml").path))
        #expect(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("try/vigil.db").path))

        let add = try cli.run(["--config", "try/config.toml", "watch", "add", "Ada Lovelace", "--alias", "エイダ・ラブレス", "--team", "core"])
        #expect(add.status == 0, "\(add.stderr)")
        let opml = CLI.packageRoot.appendingPathComponent("feeds/default.opml").path
        let imported = try cli.run(["--config", "try/config.toml", "feeds", "import", opml])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("imported "))
        let listed = try cli.run(["--config", "try/config.toml", "feeds", "ls"])
        #expect(listed.status == 0)
        #expect(listed.stdout.hasPrefix("URL "))
        #expect(listed.stdout.split(separator: "\n").count > 10)

        let people = try cli.run(["--config", "try/config.toml", "watch", "ls", "--json"])
        let decoded = try JSONSerialization.jsonObject(with: Data(people.stdout.utf8)) as? [[String: Any]]
        #expect(decoded?.first?["name"] as? String == "Ada Lovelace")
        #expect(decoded?.first?["aliases"] as? [String] == ["エイダ・ラブレス"])
        #expect(decoded?.first?["teams"] as? [String] == ["core"])
    }

    @Test func theTableAlignsWideCharacters() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.run(["init", "--dir", "."])
        try cli.vigil("watch", "add", "エイダ・ラブレス", "--team", "core")
        try cli.vigil("watch", "add", "Ada Lovelace", "--team", "core")
        let table = try cli.vigil("watch", "ls")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        // The TEAMS column starts at the same terminal column on every row.
        let columns = lines.map { line -> Int in
            let marker = line.range(of: "TEAMS") ?? line.range(of: "core")!
            return line[..<marker.lowerBound].unicodeScalars.reduce(0) { width, scalar in
                width + ((0x3000...0x30FF).contains(scalar.value) ? 2 : 1)
            }
        }
        #expect(Set(columns).count == 1, "\(table.stdout)")
    }

    /// Bad input gets one line on stderr, exit 2, and the database is as it was.
    @Test func badInputIsOneLineExitTwoAndChangesNothing() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.run(["init", "--dir", "."])
        try cli.vigil("watch", "add", "Ada Lovelace")
        try cli.vigil("feeds", "add", "https://blog.example.org/feed.xml")
        let before = try snapshot(cli)

        let badOPML = try cli.write("bad.opml", "<opml><body><outline xmlUrl=\"https://x.example/\"></body>")
        let badURL = try cli.write("badurl.opml", "<opml><body><outline xmlUrl=\"https://ok.example/\"/><outline xmlUrl=\"gopher://no\"/></body></opml>")
        let cases: [[String]] = [
            ["feeds", "import", badOPML],
            ["feeds", "import", badURL],
            ["feeds", "import", cli.folder.appendingPathComponent("missing.opml").path],
            ["feeds", "add", "https://blog.example.org/feed.xml"],
            ["feeds", "add", "not a url"],
            ["feeds", "add", "https://x.example/", "--every", "often"],
            ["feeds", "rm", "https://nowhere.example/"],
            ["watch", "rm", "Charles Babbage"],
            ["watch", "add", "Ada Lovelace"],
            ["watch", "add", "  "],
        ]
        for arguments in cases {
            let result = try cli.run(["--config", cli.configPath] + arguments)
            #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("vigil: "), "\(arguments): \(result.stderr)")
        }
        #expect(try snapshot(cli) == before)
    }

    @Test func aBrokenConfigNamesFileLineAndKeyAndExitsTwo() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.run(["init", "--dir", "."])
        try cli.vigil("watch", "add", "Ada Lovelace")
        let good = try String(contentsOfFile: cli.configPath, encoding: .utf8)

        _ = try cli.write("config.toml", good + "\n[[people]]\nname = \"Grace Hopper\"\nalias = \"Amazing Grace\"\n")
        var result = try cli.vigil("watch", "ls")
        #expect(result.status == 2)
        #expect(result.stderr.contains("config.toml:"))
        #expect(result.stderr.contains("people[0].alias"))
        #expect(result.stderr.split(separator: "\n").count == 1)

        _ = try cli.write("config.toml", good + "\n[poll\n")
        result = try cli.vigil("watch", "ls")
        #expect(result.status == 2)
        #expect(result.stderr.contains("TOML syntax"))

        _ = try cli.write("config.toml", good)
        result = try cli.vigil("watch", "ls", "--json")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Ada Lovelace"))
        #expect(!result.stdout.contains("Grace Hopper"))
    }

    @Test func peopleDeclaredInConfigAreSyncedOnStart() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.run(["init", "--dir", "."])
        let good = try String(contentsOfFile: cli.configPath, encoding: .utf8)
        _ = try cli.write("config.toml", good + """

            [[people]]
            name = "Grace Hopper"
            aliases = ["グレース・ホッパー"]
            handles = ["@ghopper"]
            teams = ["navy"]

            [[feeds]]
            url = "https://blog.example.org/feed.xml"
            every = "1h"
            """)
        let people = try cli.vigil("watch", "ls", "--json")
        #expect(people.status == 0, "\(people.stderr)")
        #expect(people.stdout.contains("\"source\":\"config\""))
        #expect(people.stdout.contains("グレース・ホッパー"))
        let removal = try cli.vigil("watch", "rm", "Grace Hopper")
        #expect(removal.status == 2)
        let feeds = try cli.vigil("feeds", "ls", "--json")
        #expect(feeds.stdout.contains("\"interval_seconds\":3600"))
    }

    @Test func initRefusesToOverwrite() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["init", "--dir", "."]).status == 0)
        let again = try cli.run(["init", "--dir", "."])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"))
    }

    @Test func noConfigIsAClearError() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["watch", "ls"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("vigil init"))
    }

    private func snapshot(_ cli: CLI) throws -> String {
        try cli.vigil("watch", "ls", "--json").stdout + cli.vigil("feeds", "ls", "--json").stdout
    }
}
