import ArgumentParser
import Foundation
import VigilStore
import VigilText

extension Vigil {
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy a SQLite database into an empty PostgreSQL database.",
            discussion: """
                Creates the schema in the PostgreSQL database when it has none, copies every table in one \
                transaction with every row's ID, reads each table back and compares a checksum of its rows. \
                Prints the rows and the checksum per table; on any difference nothing is kept (exit 1). \
                The password comes from the URL, --password-env, --password-file or PGPASSWORD.
                """
        )

        @Option(help: ArgumentHelp("The database to copy, as sqlite:PATH.", valueName: "sqlite:path"))
        var from: String

        @Option(help: ArgumentHelp("The PostgreSQL database to fill, as postgresql://USER@HOST:PORT/DATABASE.", valueName: "url"))
        var to: String

        @Option(help: ArgumentHelp("The environment variable holding the PostgreSQL password.", valueName: "name"))
        var passwordEnv: String?

        @Option(help: ArgumentHelp("The file holding the PostgreSQL password.", valueName: "path"))
        var passwordFile: String?

        func run() async throws {
            guard from.hasPrefix("sqlite:") else {
                throw CommandFailure.badInput("--from takes sqlite:PATH, not '\(from)'")
            }
            let path = String(from.dropFirst("sqlite:".count))
            guard FileManager.default.fileExists(atPath: path) else {
                throw CommandFailure.badInput("no database at \(path)")
            }
            let location = try PostgreSQLLocation(url: to, passwordEnv: passwordEnv, passwordFile: passwordFile)
            let source = try Store.open(at: path)
            let target = try await PostgreSQLStore.open(location)
            let reports: [DatabaseCopy.TableReport]
            do {
                reports = try await DatabaseCopy.copy(from: source, to: target)
            } catch {
                await target.close()
                throw error
            }
            await target.close()
            Output.line("copied \(path) to \(location)")
            var table = ColumnLayout(headers: ["TABLE", "ROWS", "CHECKSUM", "READ BACK"])
            for report in reports {
                table.append([report.table, String(report.rows), report.checksum, report.matches ? "same" : "DIFFERENT"])
            }
            Output.line(table.render().joined(separator: "\n"))
        }
    }
}
