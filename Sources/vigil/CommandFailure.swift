import Foundation
import VigilDaemon
import VigilStore

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

    /// Commands of the design that are not built yet say so instead of faking a result.
    static func notBuilt(_ command: String) -> CommandFailure {
        runtime("'\(command)' is not built yet in this version of vigil")
    }

    static func describe(_ error: any Error) -> String {
        if let failure = error as? CommandFailure { return failure.message }
        if let storeError = error as? StoreError, storeError.isDamaged {
            return storeError.message + " (`vigil doctor` says how to recover)"
        }
        return String(describing: error)
    }

    static func exitCode(for error: any Error) -> Int32 {
        if let failure = error as? CommandFailure { return failure.exitCode }
        if error is ConfigError { return 2 }
        if let storeError = error as? StoreError, storeError.isBadInput { return 2 }
        return 1
    }
}
