import Foundation
import VigilTestSupport

/// Runs the built `vigil` binary as a user would, in a scratch folder.
struct CLI: Sendable {
    struct Result: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// The package root, from this file's location.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `vigil` binary built beside the test bundle.
    static var binary: URL {
        let beside = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("vigil")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let fromArguments = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("vigil")
        if FileManager.default.isExecutableFile(atPath: fromArguments.path) { return fromArguments }
        return packageRoot.appendingPathComponent(".build/debug/vigil")
    }

    var configPath: String { folder.appendingPathComponent("config.toml").path }

    /// Runs `executable` (the built vigil unless given) in the folder.
    @discardableResult
    func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], umask: String? = nil,
        executable: URL = CLI.binary
    ) throws -> Result {
        let process = Process()
        Self.launch(process, executable, arguments, umask: umask)
        process.currentDirectoryURL = folder
        process.environment = childEnvironment(adding: environment)
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Drain both pipes before waiting, so a large output cannot block the child.
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// `run` on a thread of its own (see `offThePool`), for a test that runs
    /// many or long commands: it leaves the test pool's threads to the
    /// servers other tests run in process.
    @discardableResult
    func running(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) async throws -> Result {
        let cli = self
        return try await offThePool { try cli.run(arguments, stdin: stdin, environment: environment) }
    }

    /// Runs vigil with this folder's config.
    @discardableResult
    func vigil(_ arguments: String..., stdin: String? = nil) throws -> Result {
        try run(["--config", configPath] + arguments, stdin: stdin)
    }

    /// The test process's environment with HOME in the scratch folder and no
    /// VIGIL_CONFIG, so nothing of the machine's own vigil setup leaks in.
    private func childEnvironment(adding extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = folder.path
        env.removeValue(forKey: "VIGIL_CONFIG")
        for (key, value) in extra { env[key] = value }
        return env
    }

    /// Starts vigil in the background (the daemon); its stderr goes to `log`
    /// in the folder so tests can wait for it to reach a point, and its
    /// stdout to `output` when given.
    func spawn(_ arguments: [String], log: String = "daemon.log", output: String? = nil, umask: String? = nil) throws -> Process {
        let process = Process()
        Self.launch(process, Self.binary, arguments, umask: umask)
        process.currentDirectoryURL = folder
        process.environment = childEnvironment()
        let logURL = folder.appendingPathComponent(log)
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        if let output {
            let outputURL = folder.appendingPathComponent(output)
            _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: outputURL)
        } else {
            process.standardOutput = FileHandle.nullDevice
        }
        process.standardError = try FileHandle(forWritingTo: logURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Points `process` at vigil, or at a shell that sets `umask` and then becomes vigil.
    private static func launch(_ process: Process, _ executable: URL, _ arguments: [String], umask: String?) {
        guard let umask else {
            process.executableURL = executable
            process.arguments = arguments
            return
        }
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "umask \(umask) && exec \"$0\" \"$@\"", executable.path] + arguments
    }

    /// Waits (up to 60 s) until a file in the folder holds `text`.
    func waitForFile(_ name: String, containing text: String) throws {
        let path = folder.appendingPathComponent(name).path
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let content = try? String(contentsOfFile: path, encoding: .utf8), content.contains(text) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw CLIError(description: "\(name) never held \(text)")
    }

    /// One query against the folder's database with the sqlite3 shell's
    /// default output (columns joined by |), read-only.
    func sqlite(_ query: String, database: String? = nil) throws -> String {
        try capture([
            "python3", "-c",
            "import sqlite3,sys; c=sqlite3.connect('file:'+sys.argv[1]+'?mode=ro', uri=True); print('\\n'.join('|'.join(str(v) for v in r) for r in c.execute(sys.argv[2])))",
            database ?? folder.appendingPathComponent("vigil.db").path, query,
        ])
    }

    /// A TCP port on 127.0.0.1 that nothing listens on right now.
    func freeLoopbackPort() throws -> Int {
        let output = try capture(["python3", "-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
        guard let port = Int(output) else { throw CLIError(description: "no free port: \(output)") }
        return port
    }

    /// The body at `url`, fetched outside vigil (Python's standard library).
    func curl(_ url: String) throws -> String {
        String(decoding: try PlainHTTPClient.fetch(url), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func capture(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct CLIError: Error, CustomStringConvertible {
        let description: String
    }

    /// Writes config.toml as most daemon tests want it: Julian Marsh watched,
    /// `feeds` polled with no gap between requests to one host, then `extra`
    /// (channels, settings tables).
    @discardableResult
    func writeWatchConfig(feeds: [String], extra: String = "") throws -> String {
        var text = """
            database = "vigil.db"
            [poll]
            host_gap = "0s"
            [[people]]
            name = "Julian Marsh"
            projects = ["ferrule"]

            """
        for feed in feeds { text += "[[feeds]]\nurl = \"\(feed)\"\n" }
        return try write("config.toml", text + extra)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
