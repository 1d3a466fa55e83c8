import Foundation
import Testing

/// `vigil alerts test` and the secrets part of `vigil doctor`, run as a user would.
@Suite struct AlertsCLITests {
    @Test func aTestAlertGoesThroughTheNamedChannel() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try cli.write("config.toml", """
            [[channels]]
            name = "log"
            kind = "jsonl"
            path = "alerts.jsonl"
            """)
        let result = try cli.vigil("alerts", "test", "log")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("sent a test alert through 'log' (jsonl)"))
        let line = try String(contentsOf: cli.folder.appendingPathComponent("alerts.jsonl"), encoding: .utf8)
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(object?["kind"] as? String == "test")
        #expect(object?["schema"] as? String == "vigil.alert.v1")
    }

    @Test func anUnknownChannelIsBadInput() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try cli.write("config.toml", """
            [[channels]]
            name = "console"
            kind = "console"
            """)
        let result = try cli.vigil("alerts", "test", "nowhere")
        #expect(result.status == 2)
        #expect(result.stderr.contains("no channel named 'nowhere'"))
        #expect(result.stderr.contains("configured: console"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func aFailedDeliveryIsOneLineAndExitOne() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try cli.write("config.toml", """
            [[channels]]
            name = "script"
            kind = "exec"
            command = ["sh", "-c", "cat > /dev/null; echo 'pager down' >&2; exit 3"]
            """)
        let result = try cli.vigil("alerts", "test", "script")
        #expect(result.status == 1)
        #expect(result.stderr == "vigil: test alert through 'script' failed: exec sh: exit status 3: pager down\n")
    }

    @Test func aMissingSecretVariableIsNamed() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try cli.write("config.toml", """
            [[channels]]
            name = "ops"
            kind = "webhook"
            url_env = "VIGIL_CLI_TEST_UNSET"
            """)
        let result = try cli.vigil("alerts", "test", "ops")
        #expect(result.status == 1)
        #expect(result.stderr.contains("environment variable VIGIL_CLI_TEST_UNSET is not set"))
    }

    @Test func doctorWarnsAboutAReadableConfigHoldingSecrets() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let path = try cli.write("config.toml", """
            [[channels]]
            name = "chat"
            kind = "slack"
            url = "https://hooks.slack.com/services/T0/B0/secretpart"
            """)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let open = try cli.vigil("doctor")
        #expect(open.status == 0)
        #expect(open.stdout.contains("warning secrets: \(path) holds secrets (chat.url)"))
        #expect(!open.stdout.contains("secretpart"))

        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let closed = try cli.vigil("doctor", "--json")
        #expect(closed.status == 0)
        let rows = try JSONSerialization.jsonObject(with: Data(closed.stdout.utf8)) as? [[String: String]] ?? []
        #expect(!rows.isEmpty)
        // No secret warnings once the file is private (the empty feed list may still warn).
        #expect(rows.filter { $0["subject"] == "secrets" }.allSatisfy { $0["level"] == "ok" })
        #expect(!rows.contains { $0["level"] == "error" })
    }

    @Test func doctorFailsOnAChannelThatCannotSend() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try cli.write("config.toml", """
            [[channels]]
            name = "ops"
            kind = "webhook"
            url_env = "VIGIL_CLI_TEST_UNSET"
            """)
        let result = try cli.vigil("doctor")
        #expect(result.status == 1)
        #expect(result.stdout.contains("error   channel ops: url: environment variable VIGIL_CLI_TEST_UNSET is not set"))
        #expect(result.stderr == "vigil: doctor found 1 problem\n")
    }
}

/// `vigil alerts test` against the recording HTTP receiver, which checks the
/// signature with Python's own HMAC.
@Suite struct AlertsWebhookCLITests {
    @Test func aSignedTestAlertReachesAWebhook() throws {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", CLI.packageRoot.appendingPathComponent("Tests/Servers/alerts_receiver.py").path]
        let input = Pipe(), output = Pipe()
        server.standardInput = input
        server.standardOutput = output
        try server.run()
        defer {
            try? input.fileHandleForWriting.close()
            server.waitUntilExit()
        }
        var ready = Data()
        while !ready.contains(0x0a) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            ready.append(chunk)
        }
        let port = try #require((try JSONSerialization.jsonObject(with: ready.prefix { $0 != 0x0a }) as? [String: Any])?["port"] as? Int)
        let base = "http://127.0.0.1:\(port)"

        func http(_ arguments: [String]) throws -> Data {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", """
                import sys, urllib.request
                method, url, body = sys.argv[1], sys.argv[2], sys.argv[3].encode()
                request = urllib.request.Request(url, data=body if method == "POST" else None, method=method)
                sys.stdout.buffer.write(urllib.request.urlopen(request).read())
                """] + arguments
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return data
        }
        _ = try http(["POST", base + "/_control/script", #"{"secret": "s3cret"}"#])

        let cli = try CLI()
        defer { cli.remove() }
        _ = try cli.write("config.toml", """
            [[channels]]
            name = "ops"
            kind = "webhook"
            url_env = "VIGIL_CLI_HOOK"
            secret = "s3cret"
            """)
        let result = try cli.run(["--config", cli.configPath, "alerts", "test", "ops"], environment: ["VIGIL_CLI_HOOK": base + "/hook"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("sent a test alert through 'ops' (webhook)"))

        let requests = try JSONSerialization.jsonObject(with: try http(["GET", base + "/_control/requests", ""])) as? [[String: Any]] ?? []
        try #require(requests.count == 1)
        #expect(requests[0]["path"] as? String == "/hook")
        #expect(requests[0]["signature_ok"] as? Bool == true)
        #expect((requests[0]["body"] as? String)?.contains(#""kind":"test""#) == true)
    }
}
