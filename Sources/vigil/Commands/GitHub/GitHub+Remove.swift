import ArgumentParser

extension Vigil.GitHub {
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Stop watching a repository.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The repository.", valueName: "owner/repo"))
        var repo: String

        @Option(name: .customLong("api-url"), help: ArgumentHelp("Which API address, when the name is watched at several.", valueName: "url"))
        var apiURL: String?

        func run() async throws {
            let context = try await CommandContext.open(global)
            try context.store.removeGitHubRepository(repo, apiURL: apiURL)
            Output.line("removed \(repo)")
        }
    }
}
