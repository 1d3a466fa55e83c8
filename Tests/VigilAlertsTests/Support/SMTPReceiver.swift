import Foundation

/// The aiosmtpd receiver (Tests/Servers/smtp_receiver.py): every message it
/// accepts is one JSON line in `messagesFile`.
final class SMTPReceiver: @unchecked Sendable {
    struct Message {
        let mailFrom: String
        let recipients: [String]
        let tls: Bool
        let login: String?
        let headers: [(String, String)]
        let parts: [(String, String)]
        let raw: String

        func header(_ name: String) -> String? {
            headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
        }
    }

    let server: ServerProcess
    let messagesFile: String

    private init(server: ServerProcess, messagesFile: String) {
        self.server = server
        self.messagesFile = messagesFile
    }

    static func start(tls: String? = nil, user: String? = nil, password: String? = nil) async throws -> SMTPReceiver {
        let messagesFile = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-smtp-\(UUID().uuidString).jsonl").path
        var arguments = ["--out", messagesFile]
        if let tls { arguments += ["--tls", tls] }
        if let user, let password { arguments += ["--user", user, "--password", password] }
        return SMTPReceiver(server: try await ServerProcess.start(script: "smtp_receiver.py", arguments: arguments), messagesFile: messagesFile)
    }

    deinit { try? FileManager.default.removeItem(atPath: messagesFile) }

    var port: Int { server.port }
    var certificate: String? { server.ready["ca"] as? String }

    func messages() throws -> [Message] {
        guard let text = try? String(contentsOfFile: messagesFile, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            return Message(
                mailFrom: object["mail_from"] as? String ?? "",
                recipients: object["rcpt_tos"] as? [String] ?? [],
                tls: object["tls"] as? Bool ?? false,
                login: object["login"] as? String,
                headers: (object["headers"] as? [[String]] ?? []).map { ($0[0], $0[1]) },
                parts: (object["parts"] as? [[String]] ?? []).map { ($0[0], $0[1]) },
                raw: object["raw"] as? String ?? "")
        }
    }
}
