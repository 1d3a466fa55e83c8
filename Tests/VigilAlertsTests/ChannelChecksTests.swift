import Foundation
import Testing
@testable import VigilAlerts

@Suite struct ChannelChecksTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-checks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func file(_ name: String, mode: Int) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try "x = 1\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test func aReadableConfigWithInlineSecretsIsWarnedAbout() throws {
        let config = try file("config.toml", mode: 0o644)
        var slack = ChannelSettings(name: "chat", kind: .slack)
        slack.url = .literal("https://hooks.slack.com/services/T/B/X")
        var mail = ChannelSettings(name: "mail", kind: .email)
        mail.url = .literal("smtp://mail.example.org:587")
        mail.password = .literal("hunter2")
        let results = ChannelChecks.secretExposure(configPath: config, channels: [slack, mail])
        let warning = try #require(results.first { $0.level == .warning })
        #expect(warning.message.contains("holds secrets (chat.url, mail.password)"))
        #expect(warning.message.contains("readable by its group and all users (mode 0644)"))
        #expect(warning.message.contains("chmod 600"))
        #expect(!warning.message.contains("hunter2"))
    }

    @Test func aPrivateConfigOrOneWithoutSecretsIsFine() throws {
        let privateConfig = try file("private.toml", mode: 0o600)
        var hook = ChannelSettings(name: "ops", kind: .webhook)
        hook.url = .literal("http://127.0.0.1:9000/hook")
        hook.secret = .literal("s3cret")
        #expect(ChannelChecks.secretExposure(configPath: privateConfig, channels: [hook]).allSatisfy { $0.level == .ok })

        let openConfig = try file("open.toml", mode: 0o644)
        var fromEnvironment = ChannelSettings(name: "ops", kind: .webhook)
        fromEnvironment.url = .environment("VIGIL_OPS_HOOK")
        var matrix = ChannelSettings(name: "room", kind: .matrix)
        matrix.url = .literal("https://matrix.example.org")
        matrix.token = .environment("VIGIL_MATRIX_TOKEN")
        #expect(ChannelChecks.secretExposure(configPath: openConfig, channels: [fromEnvironment, matrix]).allSatisfy { $0.level == .ok })
    }

    @Test func aReadableSecretFileIsWarnedAbout() throws {
        let config = try file("config.toml", mode: 0o600)
        let secret = try file("hook-secret", mode: 0o640)
        var hook = ChannelSettings(name: "ops", kind: .webhook)
        hook.url = .environment("VIGIL_OPS_HOOK")
        hook.secret = .file(secret)
        let warnings = ChannelChecks.secretExposure(configPath: config, channels: [hook]).filter { $0.level == .warning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("ops.secret_file") == true)
        #expect(warnings.first?.message.contains("readable by its group") == true)
    }

    @Test func readinessNamesWhatIsMissing() {
        var hook = ChannelSettings(name: "ops", kind: .webhook)
        hook.url = .environment("VIGIL_OPS_HOOK")
        var mail = ChannelSettings(name: "mail", kind: .email)
        mail.url = .literal("http://mail.example.org")
        var script = ChannelSettings(name: "script", kind: .exec)
        script.command = ["vigil-no-such-command"]
        let console = ChannelSettings(name: "console", kind: .console)
        let results = ChannelChecks.readiness([hook, mail, script, console], environment: ["PATH": "/usr/bin:/bin"])
        #expect(results.map(\.level) == [.error, .error, .error, .ok])
        #expect(results[0].message == "url: environment variable VIGIL_OPS_HOOK is not set")
        #expect(results[1].message == "url must start with smtp:// or smtps://")
        #expect(results[2].message == "command not found or not executable: vigil-no-such-command")
    }
}

@Suite struct RoutingCoverageTests {
    @Test func peopleNoChannelHearsAboutAreNamed() {
        var core = ChannelSettings(name: "core-chat", kind: .console)
        core.teams = ["core"]
        let router = AlertRouter(channels: [core])
        let results = ChannelChecks.coverage(people: [("Ada Lovelace", ["core"]), ("Grace Hopper", [])], router: router)
        #expect(results == [CheckResult(.warning, "routing", "no channel hears about findings on Grace Hopper; add them to a channel's people or teams")])
        #expect(ChannelChecks.coverage(people: [("Ada Lovelace", ["core"])], router: router).first?.level == .ok)
        #expect(ChannelChecks.coverage(people: [], router: AlertRouter(channels: [])).first?.level == .warning)
    }
}
