import Foundation
import GRDB
import Testing
@testable import VigilStore
@testable import VigilWeb

/// The dashboard in a real browser: `Tests/browser/dashboard_flow.py` drives
/// headless Chromium through chromedriver and selenium to sign in, filter,
/// open a finding with a `<script>` in its title and its feed's title, and
/// acknowledge it. Skips when Chromium, chromedriver or selenium is missing
/// (Debian packages `chromium`, `chromium-driver`; PyPI package `selenium`).
///
/// The browser talks to `vigil serve` over the world's database, a process of
/// its own: a browser's page loads would otherwise wait on the test pool's
/// threads, which other tests keep busy for seconds at a time.
@Suite(.serialized) struct BrowserTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = packageRoot.appendingPathComponent("Tests/browser/dashboard_flow.py")

    static let available: Bool = {
        let tools = ["/usr/bin/chromium", "/usr/bin/chromedriver"]
        guard tools.allSatisfy({ FileManager.default.isExecutableFile(atPath: $0) }) else { return false }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import selenium"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }()

    @Test(.enabled(
        if: available,
        "chromium, chromedriver or selenium is not installed (Debian `chromium`, `chromium-driver`; PyPI `selenium`); skipping the browser test"))
    func signInFilterOpenAndAcknowledgeWithoutRunningFeedScripts() async throws {
        let world = try await DashboardWorld()
        try world.store.write { db in
            try db.execute(sql: "UPDATE feeds SET title = ?", arguments: ["<script>document.title='pwned'</script>Patchwright"])
        }
        let served = try await Self.serve(database: world.store.path, log: world.folder.appendingPathComponent("serve.log"))
        defer { served.process.terminate() }
        let output = world.folder.appendingPathComponent("browser.out")
        let status = try await Self.run(
            ["/usr/bin/env", "python3", Self.script.path, "http://127.0.0.1:\(served.port)", "alice", DashboardWorld.password, "Gatekeeping"],
            output: output)
        let printed = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        #expect(status == 0, "\(printed)")
        #expect(printed.hasSuffix("browser flow passed\n"), "\(printed)")
        #expect(try world.store.findingDetail(id: world.adaFinding)?.finding.state == .acked)
        #expect(try world.store.auditLog(findingID: world.adaFinding).map(\.userName) == ["alice"])
    }

    /// The `vigil` binary built beside the test bundle.
    static var binary: URL {
        let beside = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("vigil")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appendingPathComponent(".build/debug/vigil")
    }

    /// Starts `vigil serve` on a free loopback port over `database` and
    /// returns it once it accepts connections, with its port.
    static func serve(database: String, log: URL) async throws -> (process: Process, port: Int) {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--db", database, "serve", "--listen", "127.0.0.1:0"]
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "VIGIL_CONFIG")
        environment["HOME"] = log.deletingLastPathComponent().path
        process.environment = environment
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = process.standardOutput
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: #"listening on http://127\.0\.0\.1:(\d+)"#, options: .regularExpression),
               let port = Int(text[range].split(separator: ":").last ?? "") {
                return (process, port)
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        throw LoopbackBrowser.Failure(description: "vigil serve did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
    }

    /// Runs a program (the python3 on the PATH, where pip put selenium) to its end on a thread of its own, so that the server
    /// under test keeps the test process's cooperative threads; stdout and
    /// stderr go to `output`.
    static func run(_ arguments: [String], output: URL) async throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
    }
}
