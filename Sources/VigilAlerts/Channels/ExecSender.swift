import VigilText
import Foundation

/// Runs a command with the alert's JSON (the webhook body) on stdin. The
/// command is an argument list, never a shell string, so nothing from a feed
/// is ever interpreted by a shell. The environment carries
/// `VIGIL_IDEMPOTENCY_KEY`, `VIGIL_EVENT`, `VIGIL_SEVERITY` and `VIGIL_PERSON`.
///
/// Exit 0 is delivered. Exit 75 (EX_TEMPFAIL) and a timeout are retried with
/// backoff; any other failure waits the longest backoff.
public struct ExecSender: AlertSender {
    public var command: [String]
    public var timeoutSeconds: Int
    public var environment: [String: String]

    public init(command: [String], timeoutSeconds: Int = 30, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.command = command
        self.timeoutSeconds = timeoutSeconds
        self.environment = environment
    }

    public func send(_ envelope: AlertEnvelope) async throws {
        var environment = self.environment
        environment["VIGIL_IDEMPOTENCY_KEY"] = envelope.idempotencyKey
        environment["VIGIL_EVENT"] = envelope.kind.rawValue
        environment["VIGIL_SEVERITY"] = envelope.severity?.rawValue ?? ""
        environment["VIGIL_PERSON"] = UntrustedText.plain(envelope.person ?? "", limit: 200)
        let input = envelope.jsonBody() + [0x0a]
        let command = self.command, timeout = timeoutSeconds, finalEnvironment = environment
        let outcome = try await BlockingWork.run { flag in
            try ChildProcess.run(command, input: input, environment: finalEnvironment, timeoutSeconds: timeout, flag: flag)
        }
        let name = (command.first as NSString?)?.lastPathComponent ?? "command"
        let lastLine = outcome.stderr.split(whereSeparator: \.isNewline).last.map { UntrustedText.plain(String($0), limit: 200) }
        let detail = lastLine.map { ": \($0)" } ?? ""
        if outcome.timedOut {
            throw DeliveryError.transient("exec \(name): timed out after \(timeout)s and was killed")
        }
        if let signal = outcome.signal {
            throw DeliveryError.transient("exec \(name): killed by signal \(signal)\(detail)")
        }
        switch outcome.exitStatus {
        case 0: return
        case 75: throw DeliveryError.transient("exec \(name): exit status 75 (temporary failure)\(detail)")
        default: throw DeliveryError.permanent("exec \(name): exit status \(outcome.exitStatus ?? -1)\(detail)")
        }
    }
}
