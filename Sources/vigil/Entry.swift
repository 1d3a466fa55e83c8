import ArgumentParser
import Foundation
import VigilText

/// Runs the command tree with vigil's exit-code contract: 0 ok, 1 runtime
/// failure, 2 bad usage or bad input, each failure as one line on stderr.
@main
enum Entry {
    static func main() async {
        // A reader that goes away (a metrics scrape that times out, a closed
        // pipe) must end one write with an error, not the whole daemon.
        signal(SIGPIPE, SIG_IGN)
        do {
            let arguments = GlobalOptions.hoisted(Array(CommandLine.arguments.dropFirst()))
            var command = try await VigilCommand.asyncParseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            // Error lines get pasted into tickets: URLs in them lose their credentials.
            Output.note("vigil: \(URLRedaction.redactingURLs(in: failure.message))")
            exit(failure.exitCode)
        } catch {
            let code = VigilCommand.exitCode(for: error)
            if code == .success {
                VigilCommand.exit(withError: error)
            }
            if code == .validationFailure {
                Output.note(VigilCommand.fullMessage(for: error))
                exit(2)
            }
            if code.rawValue == ExitCode.failure.rawValue, !(error is ExitCode) {
                Output.note("vigil: \(URLRedaction.redactingURLs(in: CommandFailure.describe(error)))")
                exit(CommandFailure.exitCode(for: error))
            }
            VigilCommand.exit(withError: error)
        }
    }
}
