import ArgumentParser
import Foundation

extension Vigil {
    /// argument-parser's `main()`, ending the process by vigil's contract: 0 ok,
    /// 1 runtime failure, 2 bad usage or bad input. argument-parser's own
    /// `exit(withError:)` ends usage errors with EX_USAGE (64) and any other
    /// failure with 1 after an "Error: " line, so failures pass through
    /// `exit(reporting:)` first.
    static func main() async {
        // A reader that goes away (a metrics scrape that times out, a closed
        // pipe) must end one write with an error, not the whole daemon;
        // `StandardStream` ends the command with status 141 when it is
        // standard output's reader that went away.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try await asyncParseAsRoot(GlobalOptions.hoisted(Array(CommandLine.arguments.dropFirst())))
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(reporting: error)
        }
    }

    /// Ends the process after `error`. Usage errors keep argument-parser's
    /// message and usage lines but exit 2; a command's failure is one
    /// `vigil: ...` line with the status `CommandFailure` gives it; help,
    /// version and a thrown `ExitCode` are argument-parser's to print.
    static func exit(reporting error: any Error) -> Never {
        switch exitCode(for: error) {
        case .validationFailure:
            Output.note(fullMessage(for: error))
            exit(withError: ExitCode(2))
        case .failure where !(error is ExitCode):
            let failure = CommandFailure(error)
            Output.note(failure.line)
            exit(withError: ExitCode(failure.exitCode))
        default:
            exit(withError: error)
        }
    }
}
