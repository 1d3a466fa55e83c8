import Foundation
import Testing

/// The part of the exit contract that argument-parser would answer differently
/// on its own: usage errors exit 2 (not EX_USAGE, 64) with argument-parser's
/// message and usage, while help and version stay its output on stdout, status 0.
@Suite struct ExitContractCLITests {
    @Test(arguments: [
        (["feeds", "add"], "Error: Missing expected argument '<url>'", "Usage: vigil feeds add "),
        (["findings", "ack"], "Error: Missing expected argument '<ids> ...'", "Usage: vigil findings ack "),
        (["scan", "--bogus"], "Error: Unknown option '--bogus'", "Usage: vigil scan "),
        (["poll"], "Error: use --once (or `vigil run` for the daemon)", "Usage: vigil poll "),
        (["bogus"], "Error: Unexpected argument 'bogus'", "Usage: vigil <subcommand>"),
    ])
    func usageErrorsExitTwoWithTheMessageAndUsage(arguments: [String], message: String, usage: String) throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == message)
        #expect(lines.contains { $0.hasPrefix(usage) }, "\(arguments): \(result.stderr)")
    }

    @Test func helpOfANestedCommandNamesItsWholePath() throws {
        let cli = try CLI()
        defer { cli.remove() }
        for arguments in [["findings", "ack", "--help"], ["help", "findings", "ack"]] {
            let help = try cli.run(arguments)
            #expect(help.status == 0)
            #expect(help.stderr.isEmpty)
            #expect(help.stdout.contains("USAGE: vigil findings ack [--config <path>] [--db <path>] <ids> ..."), "\(help.stdout)")
        }
    }

    @Test func versionIsOneLineOnStandardOutput() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let version = try cli.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stderr.isEmpty)
        #expect(version.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(version.stdout)")
    }

    @Test func optionsBeforeTheSubcommandReachIt() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let missing = cli.folder.appendingPathComponent("missing.db").path
        for arguments in [["--db", missing, "watch", "ls"], ["--db=\(missing)", "watch", "ls"], ["watch", "ls", "--db", missing]] {
            let result = try cli.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
            #expect(result.stderr == "vigil: no database at \(missing); check the path, or create one with `vigil init --db \(missing)`\n")
        }
    }
}
