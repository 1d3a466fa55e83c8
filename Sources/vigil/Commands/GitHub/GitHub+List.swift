import ArgumentParser
import Foundation
import VigilStore
import VigilText

extension Vigil.GitHub {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ls", abstract: "List watched repositories.")

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Print one JSON array for scripts.")
        var json = false

        /// The JSON shape of a repository; stable for scripts. The token's
        /// source is shown, never the token. `source` says who watches it:
        /// the config, the CLI, or a person's `projects` (`project`).
        struct Row: Encodable {
            let repo: String
            let apiUrl: String
            let token: String?
            let source: String
            let lastPolledAt: Date?
            let lastError: String?

            enum CodingKeys: String, CodingKey {
                case repo, token, source
                case apiUrl = "api_url", lastPolledAt = "last_polled_at", lastError = "last_error"
            }

            init(_ record: GitHubRepositoryRecord) {
                repo = record.repo
                apiUrl = record.apiUrl
                token = record.tokenEnv.map { "env:\($0)" } ?? record.tokenFile.map { "file:\($0)" }
                source = record.managedByConfig ? "config" : record.fromProject ? "project" : "cli"
                lastPolledAt = record.lastPolledAt
                lastError = record.lastError
            }
        }

        func run() async throws {
            let context = try await CommandContext.open(global)
            let repositories = try context.store.githubRepositories()
            if json {
                try Output.json(repositories.map(Row.init))
                return
            }
            guard !repositories.isEmpty else {
                Output.line("no repositories yet; add one with `vigil github add OWNER/REPO`")
                return
            }
            var table = ColumnLayout(headers: ["REPOSITORY", "API", "TOKEN", "SOURCE", "LAST POLL", "LAST ERROR"])
            for repository in repositories {
                let row = Row(repository)
                table.append([
                    UntrustedText.plain(row.repo), URLRedaction.redacted(row.apiUrl), row.token.map { UntrustedText.plain($0) } ?? "none",
                    row.source, row.lastPolledAt.map { ISO8601DateFormatter().string(from: $0) } ?? "never",
                    row.lastError.map { UntrustedText.plain($0) } ?? "",
                ])
            }
            Output.line(table.render().joined(separator: "\n"))
        }
    }
}
