import ArgumentParser

extension Vigil {
    struct GitHub: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "github",
            abstract: "Manage the GitHub repositories whose comments and closed pull requests vigil reads.",
            discussion: "Public repositories need no token; see docs/github.md for what is read and what is stored.",
            subcommands: [Add.self, List.self, Remove.self]
        )
    }
}
