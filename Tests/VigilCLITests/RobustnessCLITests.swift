import Foundation
import Testing
import VigilTestSupport

/// Inputs and situations that crashed vigil or gave the wrong exit code: a
/// malformed config, a closed output pipe, a mistyped `--db`, huge or hostile
/// files for `parse` and `scan`, invisible names.
@Suite(.serialized) struct RobustnessCLITests {
    /// Runs vigil with standard output on a pipe whose reader has already gone.
    func runWithClosedStdout(_ cli: CLI, _ arguments: [String]) throws -> (status: Int32, reason: Process.TerminationReason, stderr: String) {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = cli.folder
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = cli.folder.path
        environment.removeValue(forKey: "VIGIL_CONFIG")
        process.environment = environment
        let closed = Pipe(), err = Pipe()
        try closed.fileHandleForReading.close()
        process.standardOutput = closed
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try closed.fileHandleForWriting.close()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason, String(decoding: stderr, as: UTF8.self))
    }

    /// Runs a shell line in the scratch folder; its standard output, trimmed.
    func shell(_ cli: CLI, _ line: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", line]
        process.currentDirectoryURL = cli.folder
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = cli.folder.path
        environment["VIGIL"] = CLI.binary.path
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An RSS feed of `count` items, each with a paragraph of text.
    func feed(items count: Int) -> String {
        var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Many</title><link>https://example.org/</link>"
        for index in 0..<count {
            xml += "<item><title>Post \(index)</title><link>https://example.org/p/\(index)</link><guid>p-\(index)</guid>"
            xml += "<description>Release notes number \(index): the build is faster and the docs are clearer than before.</description></item>"
        }
        return xml + "</channel></rss>"
    }

    @Test func aMalformedConfigIsOneLineNamingTheFileNeverACrash() throws {
        let cli = try CLI()
        defer { cli.remove() }
        var cases: [(String, Data)] = [
            ("brackets", Data("[[[".utf8)), ("open-header", Data("[[".utf8)), ("header-close", Data("[a]]".utf8)),
            ("open-array", Data("a = [".utf8)), ("brace-in-array", Data("database = [1, }".utf8)),
            ("basic-string", Data("database = \"vigil.db".utf8)), ("literal-string", Data("database = '''vigil.db".utf8)),
            ("lone-digit", Data("d = 1979-05-27 7\n".utf8)), ("nul", Data("database = \"vigil.db\"\0\n".utf8)),
            ("utf8", Data([0x64, 0x62, 0x20, 0x3D, 0x20, 0x22, 0xC3, 0x28, 0x22, 0x0A])),
            ("deep", Data(("a=" + String(repeating: "[", count: 100_000)).utf8)),
        ]
        cases.append(("bom", Data([0xEF, 0xBB, 0xBF]) + Data("[[[".utf8)))
        for (name, bytes) in cases {
            let path = cli.folder.appendingPathComponent("\(name).toml").path
            try bytes.write(to: URL(fileURLWithPath: path))
            let result = try cli.run(["--config", path, "watch", "ls"])
            #expect(result.status == 2, "\(name): \(result.stderr)")
            #expect(result.stderr.hasPrefix("vigil: \(path)"), "\(name): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(name): \(result.stderr)")
        }
    }

    /// `vigil findings ls --json | head -c1` died of SIGILL on the first write after the reader left.
    @Test func aClosedOutputPipeEndsTheCommandQuietlyWithStatus141() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.run(["init", "--dir", "."])
        try cli.vigil("watch", "add", "Ada Lovelace")
        let feedPath = try cli.write("many.xml", feed(items: 3000))
        let jsonl = try cli.write("texts.jsonl", String(repeating: "{\"id\": 1, \"text\": \"Ada Lovelace shipped it.\"}\n", count: 50))
        for arguments in [
            ["findings", "ls", "--json"], ["watch", "ls"], ["status", "--json"], ["feeds", "export"],
            ["parse", "--json", feedPath], ["scan", "--jsonl", jsonl],
        ] {
            let result = try runWithClosedStdout(cli, ["--config", cli.configPath] + arguments)
            #expect(result.reason == .exit, "\(arguments): \(result.stderr)")
            #expect(result.status == 141, "\(arguments): \(result.status) \(result.stderr)")
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("crashed"), "\(arguments): \(result.stderr)")
        }
        // The case as reported: a reader that takes one byte of a long output and leaves.
        let statuses = try shell(cli, "\"$VIGIL\" parse --json many.xml | head -c1 >/dev/null; echo ${PIPESTATUS[0]}")
        #expect(statuses == "141")
    }

    @Test func aMistypedDbPathIsRefusedAndCreatesNothing() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.run(["init", "--dir", "."])
        let typo = cli.folder.appendingPathComponent("vigl.db").path
        for arguments in [["watch", "ls"], ["watch", "add", "Ada Lovelace"], ["findings", "ls"], ["poll", "--once"], ["status"]] {
            let result = try cli.run(["--config", cli.configPath, "--db", typo] + arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr == "vigil: no database at \(typo); check the path, or create one with `vigil init --db \(typo)`\n")
            #expect(!FileManager.default.fileExists(atPath: typo))
        }
        let scan = try cli.run(["--db", typo, "scan", try cli.write("text.txt", "Ada Lovelace")])
        #expect(scan.status == 2, "\(scan.stderr)")
        // `init` creates a database where --db says, and then it may be used.
        let made = try cli.run(["init", "--dir", "other", "--db", typo])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try cli.run(["--db", typo, "watch", "ls"]).status == 0)
    }

    @Test func parseRefusesAFileOverTheFetchLimitWithoutReadingIt() throws {
        let cli = try CLI()
        defer { cli.remove() }
        // A sparse 1 GiB file: refused from its size, nothing read.
        let big = cli.folder.appendingPathComponent("big.xml").path
        #expect(FileManager.default.createFile(atPath: big, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: big))
        try handle.truncate(atOffset: 1 << 30)
        try handle.close()
        let result = try cli.run(["parse", big])
        #expect(result.status == 2)
        #expect(result.stderr == "vigil: \(big) is larger than 10 MiB, the most vigil reads as one feed or text\n")

        // 1 GiB through a pipe: read up to the limit, then refused; the peak stays near the limit.
        let measured = try shell(cli, """
            python3 -c 'import resource, subprocess, sys
            feed = subprocess.Popen(["head", "-c", "1073741824", "/dev/zero"], stdout=subprocess.PIPE)
            run = subprocess.run([sys.argv[1], "parse", "-"], stdin=feed.stdout, capture_output=True)
            feed.kill()
            print(run.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024, run.stderr.decode().strip())' "$VIGIL"
            """)
        let fields = measured.split(separator: " ", maxSplits: 2).map(String.init)
        #expect(fields.first == "2", "\(measured)")
        #expect((Int(fields.count > 1 ? fields[1] : "") ?? .max) < 200, "peak MiB: \(measured)")
        #expect(fields.last?.contains("standard input is larger than 10 MiB") == true, "\(measured)")

        // A feed under the limit still parses.
        let small = try cli.write("small.xml", feed(items: 3))
        #expect(try cli.run(["parse", small]).stdout.contains("3 entries"))
    }

    @Test func scanTreatsControlCharactersAsNothingAndBoundsItsInputAndOutput() throws {
        let cli = try CLI()
        defer { cli.remove() }
        func record(_ result: CLI.Result) throws -> [String: Any] {
            try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        }
        let empty = try record(try cli.run(["scan", try cli.write("empty.txt", "")]))
        // 5 MB of NUL bytes read as an empty text, not a hostile one (it scored 0.96).
        let nulPath = cli.folder.appendingPathComponent("nul.txt").path
        try Data(count: 5_000_000).write(to: URL(fileURLWithPath: nulPath))
        let nul = try cli.run(["scan", nulPath])
        #expect(nul.status == 0, "\(nul.stderr)")
        #expect(nul.stdout.utf8.count < 2_000, "\(nul.stdout.utf8.count) bytes out")
        let nulRecord = try record(nul)
        #expect(nulRecord["hostility"] as? Double == empty["hostility"] as? Double)
        #expect(nulRecord["severity"] as? String == "none")

        // 20 MB is over the limit: refused, not read whole.
        let huge = cli.folder.appendingPathComponent("huge.txt").path
        try Data(count: 20_000_000).write(to: URL(fileURLWithPath: huge))
        let refused = try cli.run(["scan", huge])
        #expect(refused.status == 2)
        #expect(refused.stderr == "vigil: \(huge) is larger than 10 MiB, the most vigil reads as one feed or text\n")

        // One 1 MB "sentence" naming the watched person over and over: the
        // record stays small (evidence cut to 1,000 characters, 1,000 mentions).
        let rant = String(repeating: "Ada Lovelace is a fraud and a liar ", count: 30_000)
        let long = try cli.run(["scan", "--watch", "Ada Lovelace", try cli.write("rant.txt", rant)])
        #expect(long.status == 0, "\(long.stderr)")
        #expect(long.stdout.utf8.count < 200_000, "\(long.stdout.utf8.count) bytes out")
        let longRecord = try record(long)
        #expect((longRecord["mentions"] as? [Any])?.count == 1_000)
        for evidence in longRecord["evidence"] as? [[String: Any]] ?? [] {
            #expect((evidence["text"] as? String)?.unicodeScalars.count ?? .max <= 1_001)
            #expect(evidence["end"] as? Int ?? 0 > 1_000)
        }

        // --jsonl: a line over the limit gets an error record, and the next line is still scanned.
        let lines = "{\"id\": \"big\", \"text\": \"" + String(repeating: "a", count: 11 << 20) + "\"}\n{\"id\": \"next\", \"text\": \"Ada Lovelace shipped it.\"}\n"
        let jsonl = try cli.run(["scan", "--jsonl", "--watch", "Ada Lovelace", try cli.write("lines.jsonl", lines)])
        #expect(jsonl.status == 0, "\(jsonl.stderr)")
        let records = jsonl.stdout.split(separator: "\n")
        #expect(records.count == 2)
        #expect(records.first?.contains("\"error\": \"line longer than 10 MiB; not scanned\"") == true, "\(records.first ?? "")")
        #expect(records.last?.contains("\"id\": \"next\"") == true)
    }

    /// A clean restart left every feed whose fetch was in flight "failing".
    @Test func aSigtermRecordsNoFailureForTheFetchesItCancels() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let paths = (0..<4).map { "/slow\($0).xml" }
        let server = try FetchTestServer(routes: paths.map { ["path": $0, "never_answer": true] })
        defer { server.stop() }
        var config = "database = \"vigil.db\"\n[poll]\nhost_gap = \"0s\"\nmax_connections_per_host = 4\n[[people]]\nname = \"Julian Marsh\"\n"
        for path in paths { config += "[[feeds]]\nurl = \"\(server.url(path))\"\n" }
        _ = try cli.write("config.toml", config)
        let daemon = try cli.spawn(["--config", cli.configPath, "run", "--verbose"])
        try cli.waitForFile("daemon.log", containing: "cycle started")
        // Every fetch is in flight: the server holds all four requests.
        let deadline = Date().addingTimeInterval(30)
        while try server.requests().count < paths.count, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(try server.requests().count == paths.count)
        kill(daemon.processIdentifier, SIGTERM)
        daemon.waitUntilExit()
        #expect(daemon.terminationReason == .exit && daemon.terminationStatus == 0)
        #expect(try cli.sqlite("SELECT count(*) FROM feeds") == "\(paths.count)")
        let rows = try cli.sqlite("SELECT url, consecutive_failures, last_error FROM feeds")
        #expect(try cli.sqlite("SELECT count(*) FROM feeds WHERE consecutive_failures > 0 OR last_error IS NOT NULL OR last_polled_at IS NOT NULL") == "0", "\(rows)")
    }

    @Test func aNameWithNothingVisibleIsRefusedOnTheCommandLineAndInTheConfig() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.run(["init", "--dir", "."])
        for name in ["\u{202E}\u{202C}", "\u{200B}\u{200D}", "\u{2066}\u{2069} \u{FEFF}", "\u{3000}\u{00A0}"] {
            let result = try cli.vigil("watch", "add", name)
            #expect(result.status == 2, "\(name.debugDescription): \(result.stderr)")
            #expect(result.stderr.hasPrefix("vigil: name has no visible character") || result.stderr.hasPrefix("vigil: empty name"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        let alias = try cli.vigil("watch", "add", "Ada Lovelace", "--alias", "\u{202E}")
        #expect(alias.status == 2, "\(alias.stderr)")
        #expect(alias.stderr.contains("alias has no visible character"))
        #expect(try cli.vigil("watch", "ls", "--json").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")

        let config = try cli.write("invisible.toml", "database = \"vigil.db\"\n[[people]]\nname = \"Ada\"\nhandles = [\"\u{202E}\u{202C}\"]\n")
        let loaded = try cli.run(["--config", config, "watch", "ls"])
        #expect(loaded.status == 2)
        #expect(loaded.stderr.hasPrefix("vigil: \(config):4: people[0].handles: handle has no visible character"), "\(loaded.stderr)")
        // A name in any script is still welcome.
        #expect(try cli.vigil("watch", "add", "エイダ・ラブレス").status == 0)
    }
}
