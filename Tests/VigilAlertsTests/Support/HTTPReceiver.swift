import Foundation
@testable import VigilAlerts

/// The recording HTTP receiver (Tests/Servers/alerts_receiver.py).
final class HTTPReceiver: @unchecked Sendable {
    struct Request {
        let method: String
        let path: String
        let headers: [(String, String)]
        let body: String
        let signatureOK: Bool?

        func header(_ name: String) -> String? {
            headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
        }

        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]) ?? [:]
        }
    }

    let server: ServerProcess
    let client = HTTPClient()

    private init(server: ServerProcess) {
        self.server = server
    }

    static func start() async throws -> HTTPReceiver {
        HTTPReceiver(server: try await ServerProcess.start(script: "alerts_receiver.py"))
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(server.port)\(path)" }

    /// Scripts responses per path, and the secret to check signatures with.
    func script(secret: String? = nil, responses: [String: [[String: Any]]] = [:]) async throws {
        var object: [String: Any] = ["responses": responses]
        if let secret { object["secret"] = secret }
        let body = try JSONSerialization.data(withJSONObject: object)
        _ = try await client.perform(HTTPRequest(method: "POST", url: url("/_control/script"), body: Array(body)))
    }

    func requests() async throws -> [Request] {
        let response = try await client.perform(HTTPRequest(method: "GET", url: url("/_control/requests")))
        let list = try JSONSerialization.jsonObject(with: Data(response.body)) as? [[String: Any]] ?? []
        return list.map { entry in
            Request(
                method: entry["method"] as? String ?? "",
                path: entry["path"] as? String ?? "",
                headers: (entry["headers"] as? [[String]] ?? []).map { ($0[0], $0[1]) },
                body: entry["body"] as? String ?? "",
                signatureOK: entry["signature_ok"] as? Bool)
        }
    }
}
