import ArgumentParser

extension Vigil {
    struct Users: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage the accounts of the web dashboard (`vigil serve`).",
            subcommands: [Add.self, List.self, Remove.self, Password.self]
        )
    }
}
