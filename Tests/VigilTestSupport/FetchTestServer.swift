import Foundation

/// The loopback server of Tests/Servers, started on an ephemeral port for one
/// test and stopped when the test is done (closing its stdin stops it, so even a
/// crashed test leaves no server behind).
public final class FetchTestServer: @unchecked Sendable {
    public struct RecordedRequest: Decodable, Sendable {
        public let method: String
        public let target: String
        public let path: String
        public let headers: [[String]]
        public let body_base64: String?

        /// The request body as text (a webhook's JSON).
        public var body: String {
            body_base64.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) } ?? ""
        }

        public func header(_ name: String) -> String? {
            headers.last { $0.first?.lowercased() == name.lowercased() }.flatMap { $0.count > 1 ? $0[1] : nil }
        }
    }

    public struct Stats: Decodable, Sendable {
        public let requests: Int
        public let max_in_flight: Int
    }

    public struct StartError: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    public let port: Int
    public let scheme: String
    /// The loopback address it listens on.
    public let host: String
    private let process: Process
    private let stdin: Pipe

    public static var scriptPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Servers/loopback_server.py").path
    }

    /// Starts the server with these routes (each a JSON object as the script documents).
    public init(routes: [[String: Any]], tls: (certificate: String, key: String)? = nil, host: String = "127.0.0.1") throws {
        let routesFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("vigil-routes-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: routes).write(to: routesFile)
        defer { try? FileManager.default.removeItem(at: routesFile) }

        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var arguments = ["python3", Self.scriptPath, "--host", host, "--port", "0", "--routes", routesFile.path]
        if let tls { arguments += ["--tls-cert", tls.certificate, "--tls-key", tls.key] }
        process.arguments = arguments
        stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()

        var line = Data()
        let deadline = Date().addingTimeInterval(10)
        while !line.contains(UInt8(ascii: "\n")) && Date() < deadline {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        struct Banner: Decodable { let port: Int }
        guard let banner = try? JSONDecoder().decode(Banner.self, from: line.split(separator: UInt8(ascii: "\n")).first ?? Data()) else {
            process.terminate()
            throw StartError(description: "the loopback server did not start: \(String(decoding: line, as: UTF8.self))")
        }
        port = banner.port
        scheme = tls == nil ? "http" : "https"
        self.host = host
    }

    deinit { stop() }

    public func stop() {
        guard process.isRunning else { return }
        try? stdin.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    /// A URL on this server; `host` names it another way (`localhost`, a certificate's name).
    public func url(_ path: String, host: String? = nil) -> String {
        "\(scheme)://\(host ?? self.host):\(port)\(path)"
    }

    /// The requests the server answered so far (control requests excluded), read
    /// through `PlainHTTPClient` so the code under test is not involved.
    public func requests() throws -> [RecordedRequest] {
        try JSONDecoder().decode([RecordedRequest].self, from: control("/_control/requests"))
    }

    public func stats() throws -> Stats {
        try JSONDecoder().decode(Stats.self, from: control("/_control/stats"))
    }

    /// Adds or replaces routes while the server runs (a feed that changes between polls).
    public func setRoutes(_ routes: [[String: Any]]) throws {
        let body = try JSONSerialization.data(withJSONObject: routes)
        _ = try control("/_control/routes", post: body)
    }

    /// Forgets recorded requests and sequence positions.
    public func reset() throws {
        _ = try control("/_control/reset", post: Data())
    }

    private func control(_ path: String, post: Data? = nil) throws -> Data {
        try PlainHTTPClient.fetch(url(path), post: post)
    }
}
