import Foundation
import Testing

/// The database under stress: a full disk, a damaged file, and a backup taken
/// while the daemon writes.
@Suite(.serialized) struct StoreFaultCLITests {
    /// A small tmpfs, which only root may mount (and only where the sandbox
    /// allows it): tried once, and the disk-full test skips without it.
    static let tmpfsWorks: Bool = {
        guard getuid() == 0 else { return false }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-tmpfs-probe-\(UUID().uuidString)").path
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return false }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder]) == 0 else { return false }
        return run(["umount", folder]) == 0
    }()

    @discardableResult
    static func run(_ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// An RSS feed of `count` long items that each name Julian Marsh, so every
    /// item's text is stored with its finding.
    static func namingFeed(items count: Int) -> String {
        var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Notes</title><link>https://example.org/</link>"
        for item in 0..<count {
            let text = (0..<35).map { "Julian Marsh reviewed patch \(item)-\($0) of the ferrule project and wrote a long note about it." }
            xml += "<item><title>Note \(item)</title><link>https://example.org/n/\(item)</link><guid>n-\(item)</guid>"
            xml += "<description>\(text.joined(separator: " "))</description></item>"
        }
        return xml + "</channel></rss>"
    }

    /// "ok N": the integrity check and the number of findings, read by a
    /// separate SQLite reader.
    func integrityAndFindings(_ cli: CLI, _ database: String) throws -> String {
        try cli.sqlite("PRAGMA integrity_check", database: database) + " " + cli.sqlite("SELECT count(*) FROM findings", database: database)
    }

    @Test(.enabled(if: tmpfsWorks, "needs root and a sandbox that allows mounting a tmpfs; skipping the disk-full test"))
    func aFullDiskStopsThePollKeepsWhatWasStoredAndPollingResumes() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let disk = cli.folder.appendingPathComponent("disk").path
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        #expect(Self.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk]) == 0)
        defer { Self.run(["umount", "-l", disk]) }

        let blog = CLI.packageRoot.appendingPathComponent("feeds/samples/patchwright-agent-blog.json").path
        let notes = try cli.write("notes.xml", Self.namingFeed(items: 1))
        _ = try cli.write("config.toml", """
            database = "disk/vigil.db"
            [poll]
            allow_file_urls = true
            host_gap = "0s"
            [[people]]
            name = "Julian Marsh"
            projects = ["ferrule"]
            [[feeds]]
            url = "file://\(blog)"
            [[feeds]]
            url = "file://\(notes)"

            """)
        let first = try cli.vigil("poll", "--once")
        #expect(first.status == 0, "\(first.stderr)")
        let database = disk + "/vigil.db"
        let before = try integrityAndFindings(cli, database)
        #expect(before.hasPrefix("ok "), "\(before)")

        // Fill the disk but for 200 KiB, then let the notes feed grow to 100 long items (about 320 KB).
        let filler = disk + "/filler"
        let free = try #require((try FileManager.default.attributesOfFileSystem(forPath: disk)[.systemFreeSize] as? NSNumber)?.intValue)
        try Data(count: free - 200 * 1024).write(to: URL(fileURLWithPath: filler))
        try Data(Self.namingFeed(items: 100).utf8).write(to: URL(fileURLWithPath: notes))

        let full = try cli.vigil("poll", "--once")
        #expect(full.status == 1)
        let lastLine = full.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(lastLine.hasPrefix("vigil: poll stopped after"), "\(full.stderr)")
        #expect(lastLine.contains("the disk is full"), "\(lastLine)")
        #expect(try integrityAndFindings(cli, database) == before)
        let doctor = try cli.vigil("doctor")
        #expect(doctor.status == 0, "\(doctor.stdout)\(doctor.stderr)")
        #expect(doctor.stdout.contains("quick check ok"), "\(doctor.stdout)")
        // Nothing about the feeds themselves was recorded as a failure.
        #expect(try cli.sqlite("SELECT count(*) FROM feeds WHERE consecutive_failures > 0", database: database) == "0")

        // Space comes back: the next poll stores what the full disk refused.
        try FileManager.default.removeItem(atPath: filler)
        let resumed = try cli.vigil("poll", "--once")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let after = try integrityAndFindings(cli, database).split(separator: " ")
        #expect(after.first == "ok")
        #expect((Int(after.last ?? "") ?? 0) >= 100, "\(after)")
    }

    @Test func doctorFindsADamagedDatabaseAndSaysHowToRecover() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let demo = try cli.run(["demo", "--keep", "demo"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let original = cli.folder.appendingPathComponent("demo/vigil.db").path
        let itemsRoot = try cli.sqlite("SELECT rootpage FROM sqlite_master WHERE name='items'", database: original)
        let page = try #require(Int(itemsRoot))

        // A data page's cell pointers overwritten; then the file header itself.
        for (name, offset, bytes) in [("cells.db", (page - 1) * 4096 + 8, Data(repeating: 0xFF, count: 8)), ("header.db", 0, Data("not a database at all".utf8))] {
            let damaged = cli.folder.appendingPathComponent(name).path
            try FileManager.default.copyItem(atPath: original, toPath: damaged)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: damaged))
            try handle.seek(toOffset: UInt64(offset))
            try handle.write(contentsOf: bytes)
            try handle.close()

            let doctor = try cli.run(["--db", damaged, "doctor"])
            #expect(doctor.status == 1, "\(name): \(doctor.stdout)")
            let line = doctor.stdout.split(separator: "\n").first { $0.hasPrefix("error   database:") }.map(String.init) ?? ""
            #expect(line.contains("damaged"), "\(name): \(doctor.stdout)")
            #expect(line.contains("restore your latest backup") && line.contains(".recover"), "\(name): \(line)")
            #expect(doctor.stderr == "vigil: doctor found 1 problem\n", "\(name): \(doctor.stderr)")
        }
        // The undamaged original passes.
        let healthy = try cli.run(["--db", original, "doctor"])
        #expect(healthy.stdout.contains("quick check ok"), "\(healthy.stdout)")
    }

    @Test func aBackupTakenWhileTheDaemonWritesIsCompletePrivateAndNeverOverwritten() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.run(["init", "--dir", "."])
        for index in 0..<50 { try cli.vigil("watch", "add", "Person Number \(index)") }
        let blog = CLI.packageRoot.appendingPathComponent("feeds/samples/patchwright-agent-blog.json").path
        var config = try String(contentsOfFile: cli.configPath, encoding: .utf8)
        config += "\n[[people]]\nname = \"Julian Marsh\"\n[[feeds]]\nurl = \"file://\(blog)\"\n"
        config = config.replacingOccurrences(of: "allow_file_urls = false", with: "allow_file_urls = true")
        try Data(config.utf8).write(to: URL(fileURLWithPath: cli.configPath))
        #expect(config.contains("allow_file_urls = true"))

        let daemon = try cli.spawn(["--config", cli.configPath, "run", "--verbose"])
        defer { daemon.terminate(); daemon.waitUntilExit() }
        try cli.waitForFile("daemon.log", containing: "cycle started")
        // A second connection writes while the backups are taken.
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        writer.arguments = ["python3", "-c", """
            import sqlite3, sys, time
            c = sqlite3.connect(sys.argv[1], timeout=30)
            for n in range(400):
                c.execute("UPDATE people SET context_terms = json_array(?) WHERE name = 'Person Number 1'", (str(n),))
                c.commit()
            """, cli.folder.appendingPathComponent("vigil.db").path]
        try writer.run()
        for index in 0..<3 {
            let backup = try cli.vigil("backup", "copy\(index).db")
            #expect(backup.status == 0, "\(backup.stderr)")
            #expect(backup.stdout.contains("quick check ok"))
        }
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)

        let copy = cli.folder.appendingPathComponent("copy2.db").path
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? NSNumber)
        #expect(mode.intValue == 0o600)
        #expect(!FileManager.default.fileExists(atPath: copy + "-wal"))
        // The copy opens as a database and has the rows: the 50 people and Julian Marsh.
        let people = try cli.run(["--db", copy, "watch", "ls", "--json"])
        #expect(people.status == 0, "\(people.stderr)")
        let listed = try JSONSerialization.jsonObject(with: Data(people.stdout.utf8)) as? [[String: Any]]
        #expect(listed?.count == 51)
        #expect(try cli.sqlite("PRAGMA integrity_check", database: copy) == "ok")

        // An existing file is kept unless --force says otherwise; the database itself is never a target.
        let again = try cli.vigil("backup", "copy2.db")
        #expect(again.status == 2)
        #expect(again.stderr == "vigil: copy2.db already exists; pass --force to replace it\n")
        #expect(try cli.vigil("backup", "--force", "copy2.db").status == 0)
        let onto = try cli.vigil("backup", "--force", "vigil.db")
        #expect(onto.status == 2, "\(onto.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("missing/x.db").path))
        #expect(try cli.vigil("backup", "missing/x.db").status == 2)
    }
}
