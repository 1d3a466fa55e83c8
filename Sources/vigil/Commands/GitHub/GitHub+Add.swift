import ArgumentParser
import VigilStore

extension Vigil.GitHub {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Watch a repository on GitHub.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The repository.", valueName: "owner/repo"))
        var repo: String

        @Option(name: .customLong("api-url"), help: ArgumentHelp("The REST API's address (GitHub Enterprise).", valueName: "url"))
        var apiURL: String = GitHubRepositorySpec.defaultAPIURL

        @Option(name: .customLong("token-env"), help: ArgumentHelp("The environment variable holding a token.", valueName: "name"))
        var tokenEnv: String?

        @Option(name: .customLong("token-file"), help: ArgumentHelp("A file holding a token.", valueName: "path"))
        var tokenFile: String?

        func run() async throws {
            let context = try await CommandContext.open(global)
            let record = try context.store.addGitHubRepository(
                GitHubRepositorySpec(repo: repo, apiURL: apiURL, tokenEnv: tokenEnv, tokenFile: tokenFile))
            let at = record.apiUrl == GitHubRepositorySpec.defaultAPIURL ? "" : " at \(record.apiUrl)"
            Output.line("watching \(record.repo)\(at)")
        }
    }
}
