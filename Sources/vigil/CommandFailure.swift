import Foundation
import VigilDaemon
import VigilStore
import VigilText

/// A failure a command reports to the user: one line, and the exit code that
/// tells scripts whether their input was wrong (2) or the run failed (1).
struct CommandFailure: Error {
    let message: String
    let exitCode: Int32

    static func badInput(_ message: String) -> CommandFailure {
        CommandFailure(message: message, exitCode: 2)
    }

    static func runtime(_ message: String) -> CommandFailure {
        CommandFailure(message: message, exitCode: 1)
    }

    private init(message: String, exitCode: Int32) {
        self.message = message
        self.exitCode = exitCode
    }

    /// Any error a command lets through, as the user is told of it: a config
    /// that does not load and input the store refuses are the user's input (2),
    /// a damaged database points at `vigil doctor`, anything else failed the run (1).
    init(_ error: any Error) {
        if let failure = error as? CommandFailure {
            self = failure
            return
        }
        let storeError = error as? StoreError
        if let storeError, storeError.isDamaged {
            message = storeError.message + " (`vigil doctor` says how to recover)"
        } else {
            message = String(describing: error)
        }
        exitCode = error is ConfigError || storeError?.isBadInput == true ? 2 : 1
    }

    /// The line on standard error. Error lines get pasted into tickets: URLs
    /// in them lose their credentials.
    var line: String {
        "vigil: \(URLRedaction.redactingURLs(in: message))"
    }
}
