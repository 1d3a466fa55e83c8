import Foundation

/// A throwaway PostgreSQL cluster for one test suite: initdb in a temporary
/// folder (as the `postgres` user when the tests run as root, since the
/// server refuses root), a server on a free loopback port with trust
/// authentication for the user `vigil`, stopped and removed by `stop()`.
/// `start()` returns nil, with the reason, where PostgreSQL is not installed.
public final class PostgresTestCluster: @unchecked Sendable {
    public let folder: URL
    public let port: Int
    public let user = "vigil"
    private let binaries: URL
    private let runAs: String?

    /// Why clusters cannot start here, or nil when they can.
    public static var unavailableReason: String? {
        binaryFolder() == nil ? "PostgreSQL's initdb and pg_ctl are not installed (Debian: apt-get install postgresql)" : nil
    }

    /// Starts a cluster, or returns nil where PostgreSQL is not installed.
    /// `start`, on a thread of its own (see `offThePool`): initdb and
    /// pg_ctl take seconds.
    public static func starting() async throws -> PostgresTestCluster? {
        try await offThePool { try start() }
    }

    public static func start() throws -> PostgresTestCluster? {
        guard let binaries = binaryFolder() else { return nil }
        return try PostgresTestCluster(binaries: binaries)
    }

    private init(binaries: URL) throws {
        self.binaries = binaries
        folder = URL(fileURLWithPath: "/tmp").appendingPathComponent("vigil-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        runAs = getuid() == 0 ? "postgres" : nil
        if let runAs {
            try Self.run("/bin/chown", [runAs, folder.path])
        }
        port = try Self.freePort()
        let data = folder.appendingPathComponent("data").path
        try command("initdb", ["-D", data, "-A", "trust", "-U", user, "-E", "UTF8", "--no-sync", "--locale=C.UTF-8"])
        try command("pg_ctl", [
            "-D", data, "-w", "-l", folder.appendingPathComponent("server.log").path, "-o",
            "-p \(port) -k \(folder.path) -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "start",
        ])
    }

    deinit {
        stop()
    }

    /// A URL for `database` on this cluster.
    public func url(_ database: String = "postgres") -> String {
        "postgresql://\(user)@127.0.0.1:\(port)/\(database)?sslmode=disable"
    }

    /// Creates an empty database and returns its URL.
    public func createDatabase(_ name: String = "vigil_\(UUID().uuidString.prefix(8).lowercased())") throws -> String {
        try command("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", user, name])
        return url(name)
    }

    /// Stops the server at once and removes its folder.
    public func stop() {
        let data = folder.appendingPathComponent("data").path
        guard FileManager.default.fileExists(atPath: data) else { return }
        _ = try? command("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: folder)
    }

    /// The rows `sql` returns in `database` (a name, or the URL
    /// `createDatabase` gave), each row's columns joined by `|`, through psql.
    public func query(_ sql: String, database: String) throws -> [String] {
        let name = database.split(separator: "/").last.map { String($0.split(separator: "?")[0]) } ?? database
        let output = try command("psql", ["-h", "127.0.0.1", "-p", String(port), "-U", user, "-d", name, "-At", "-c", sql])
        return output.split(separator: "\n").map(String.init)
    }

    @discardableResult
    private func command(_ name: String, _ arguments: [String]) throws -> String {
        let path = binaries.appendingPathComponent(name).path
        if let runAs {
            return try Self.run("/usr/sbin/runuser", ["-u", runAs, "--", path] + arguments)
        } else {
            return try Self.run(path, arguments)
        }
    }

    /// Runs a program to its end with posix_spawn and waitpid, its output to
    /// a file and no other descriptor of this process inherited: the server
    /// `pg_ctl start` leaves running would otherwise hold them open.
    @discardableResult
    private static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let log = "/tmp/vigil-pg-out-\(UUID().uuidString)"
        defer { unlink(log) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else of this process's: a server pg_ctl starts lives on, and
        // would hold open the pipes of other tests' children (a test server
        // that stops when its stdin closes would never see it close).
        for descriptor in 3..<Int32(4096) where fcntl(descriptor, F_GETFD) != -1 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw FetchTestServer.StartError(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7f == 0
        guard exited, (status >> 8) & 0xff == 0 else {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw FetchTestServer.StartError(description: "\(executable) \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    }

    /// The folder holding initdb, pg_ctl and createdb: the newest under
    /// /usr/lib/postgresql (Debian), else the one initdb is found in on PATH.
    private static func binaryFolder() -> URL? {
        let debian = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: debian.path)) ?? [])
            .compactMap(Int.init).sorted(by: >)
        for version in versions {
            let folder = debian.appendingPathComponent("\(version)/bin")
            if FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("initdb").path) { return folder }
        }
        for entry in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let folder = URL(fileURLWithPath: String(entry))
            if FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("initdb").path),
               FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("pg_ctl").path) {
                return folder
            }
        }
        return nil
    }

    /// A loopback port nothing listens on now.
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Bool in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw FetchTestServer.StartError(description: "no free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
