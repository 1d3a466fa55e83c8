import Foundation
import Testing
@testable import VigilAlerts

@Suite struct ExecSenderTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-exec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    @Test func theAlertArrivesOnStdinWithItsKeyInTheEnvironment() async throws {
        let out = path("alert.json")
        let sender = ExecSender(command: ["sh", "-c", "cat > \"$1\"; printf %s \"$VIGIL_IDEMPOTENCY_KEY\" > \"$1.key\"", "sh", out])
        let test = AlertEnvelope.test(channel: "script")
        try await sender.send(test)
        let body = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any]
        #expect(body?["schema"] as? String == "vigil.alert.v1")
        #expect(body?["kind"] as? String == "test")
        #expect(try String(contentsOfFile: out + ".key", encoding: .utf8) == test.idempotencyKey)
    }

    @Test func aFailingCommandReportsItsStatusAndLastErrorLine() async throws {
        let sender = ExecSender(command: ["sh", "-c", "cat > /dev/null; echo 'first line' >&2; echo 'pager service refused' >&2; exit 3"])
        let error = await #expect(throws: DeliveryError.self) { try await sender.send(.test(channel: "script")) }
        #expect(error?.message == "exec sh: exit status 3: pager service refused")
        #expect(error?.isTransient == false)
    }

    @Test func exitStatus75IsATemporaryFailure() async throws {
        let error = await #expect(throws: DeliveryError.self) {
            try await ExecSender(command: ["sh", "-c", "exit 75"]).send(.test(channel: "script"))
        }
        #expect(error?.isTransient == true)
    }

    @Test func aHangingCommandIsKilledAtTheTimeout() async throws {
        let pidFile = path("pid")
        let sender = ExecSender(command: ["sh", "-c", "echo $$ > \"$1\"; sleep 600; true", "sh", pidFile], timeoutSeconds: 1)
        let started = Date()
        let error = await #expect(throws: DeliveryError.self) { try await sender.send(.test(channel: "script")) }
        #expect(error?.message == "exec sh: timed out after 1s and was killed")
        #expect(error?.isTransient == true)
        // Far under the 600 s the command would sleep if it were not killed. The
        // margin is wide because tests run in parallel and a busy test pool
        // can delay this task's resumption by a minute or more.
        #expect(Date().timeIntervalSince(started) < 300)
        let pid = try #require(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, 0) == -1)
    }

    @Test func aCommandIgnoringSIGTERMIsKilledAnyway() async throws {
        let sender = ExecSender(command: ["sh", "-c", "trap '' TERM; while :; do sleep 1; done"], timeoutSeconds: 1)
        let error = await #expect(throws: DeliveryError.self) { try await sender.send(.test(channel: "script")) }
        #expect(error?.message.contains("timed out") == true)
    }

    @Test func aMissingCommandIsNamed() async throws {
        let error = await #expect(throws: DeliveryError.self) {
            try await ExecSender(command: ["vigil-no-such-command"]).send(.test(channel: "script"))
        }
        #expect(error?.message == "exec: command not found: vigil-no-such-command")
    }

    @Test func aCommandThatIgnoresStdinStillSucceeds() async throws {
        try await ExecSender(command: ["true"]).send(.test(channel: "script"))
    }
}
