import Foundation
import Testing

/// The database (with its -wal and -shm) and the config are private to their
/// owner from the moment they exist, whatever the umask; `doctor` says so
/// when they are not, and how to fix it.
@Suite struct FileModesCLITests {
    static func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }

    @Test func initUnderAnOpenUmaskCreatesAPrivateConfigAndDatabase() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["init", "--dir", "home"], umask: "000")
        #expect(result.status == 0, "\(result.stderr)")
        let home = cli.folder.appendingPathComponent("home")
        #expect(Self.mode(home.appendingPathComponent("config.toml").path) == 0o600)
        #expect(Self.mode(home.appendingPathComponent("vigil.db").path) == 0o600)
        // A command creating the database its config names on first use does the same.
        _ = try cli.write("other.toml", "database = \"other.db\"\n")
        let listing = try cli.run(["--config", "other.toml", "watch", "ls"], umask: "000")
        #expect(listing.status == 0, "\(listing.stderr)")
        #expect(Self.mode(cli.folder.appendingPathComponent("other.db").path) == 0o600)
    }

    @Test func theDaemonsWriteAheadLogAndSharedMemoryArePrivate() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try cli.write("config.toml", """
            database = "vigil.db"
            [[people]]
            name = "Julian Marsh"

            """)
        let daemon = try cli.spawn(["--config", cli.configPath, "run"], umask: "000")
        defer {
            daemon.terminate()
            daemon.waitUntilExit()
        }
        try cli.waitForFile("daemon.log", containing: "polling")
        let database = cli.folder.appendingPathComponent("vigil.db").path
        #expect(FileManager.default.fileExists(atPath: database + "-wal"))
        for path in [database, database + "-wal", database + "-shm"] {
            #expect(Self.mode(path) == 0o600, "\(path)")
        }
    }

    @Test func doctorWarnsAboutAReadableDatabaseOrConfigWithTheFix() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let config = try cli.write("config.toml", "database = \"vigil.db\"\n")
        _ = try cli.vigil("watch", "ls")
        let database = cli.folder.appendingPathComponent("vigil.db").path
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: database)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: config)
        let open = try cli.vigil("doctor")
        #expect(open.status == 0, "\(open.stderr)")
        #expect(open.stdout.contains("warning permissions: \(database) is readable by its group and other users (mode 644); run `chmod 600 \(database)`"), "\(open.stdout)")
        #expect(open.stdout.contains("warning permissions: \(config) is readable by its group (mode 640); run `chmod 600 \(config)`"), "\(open.stdout)")

        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: database)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config)
        let closed = try cli.vigil("doctor", "--json")
        let rows = try JSONSerialization.jsonObject(with: Data(closed.stdout.utf8)) as? [[String: String]] ?? []
        let permissions = rows.filter { $0["subject"] == "permissions" }
        #expect(permissions.count == 2)
        #expect(permissions.allSatisfy { $0["level"] == "ok" }, "\(permissions)")
    }
}
