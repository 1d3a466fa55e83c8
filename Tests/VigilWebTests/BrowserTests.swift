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
        let output = world.folder.appendingPathComponent("browser.out")
        let status = try await Self.run(
            ["/usr/bin/env", "python3", Self.script.path, "http://127.0.0.1:\(world.port)", "alice", DashboardWorld.password, "Gatekeeping"],
            output: output)
        let printed = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        #expect(status == 0, "\(printed)")
        #expect(printed.hasSuffix("browser flow passed\n"), "\(printed)")
        #expect(try world.store.findingDetail(id: world.adaFinding)?.finding.state == .acked)
        #expect(try world.store.auditLog(findingID: world.adaFinding).map(\.userName) == ["alice"])
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
