import ArgumentParser

extension Vigil.Users {
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Remove a dashboard account; its sessions end and its actions stay on record."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The user's name.")
        var name: String

        func run() async throws {
            let context = try await CommandContext.open(global)
            try context.store.removeUser(named: name)
            Output.line("removed user \(name)")
        }
    }
}
