import ArgumentParser

extension Vigil {
    struct Watch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage the watchlist: people, their aliases, handles, projects and teams.",
            subcommands: [Add.self, List.self, Remove.self]
        )
    }
}
