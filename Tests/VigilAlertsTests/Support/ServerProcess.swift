import Foundation

/// A Python server from Tests/Servers, started for one test. It prints one
/// JSON line when it listens and runs until its stdin closes, so a test that
/// dies takes its server with it.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    let ready: [String: Any]

    static let serversFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Servers")

    init(script: String, arguments: [String] = []) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.serversFolder.appendingPathComponent(script).path] + arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        let handle = output.fileHandleForReading
        while !line.contains(0x0a) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let object = try? JSONSerialization.jsonObject(with: line.prefix { $0 != 0x0a }) as? [String: Any] else {
            process.terminate()
            throw ServerError(message: "\(script) did not start (is python3 with the test requirements installed?)")
        }
        ready = object
    }

    /// Starts the server on a Dispatch thread: waiting for Python to come up
    /// must not hold one of the few cooperative threads other tests run on.
    static func start(script: String, arguments: [String] = []) async throws -> ServerProcess {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try ServerProcess(script: script, arguments: arguments) })
            }
        }
    }

    var port: Int { ready["port"] as? Int ?? 0 }

    deinit {
        // The server exits when its stdin closes; reap it off the test's thread.
        try? input.fileHandleForWriting.close()
        let process = self.process
        DispatchQueue.global().async { process.waitUntilExit() }
    }

    struct ServerError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
