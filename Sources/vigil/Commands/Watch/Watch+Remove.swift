import ArgumentParser

extension Vigil.Watch {
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Stop watching a person and delete their findings."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The person's name.")
        var name: String

        func run() async throws {
            let context = try await CommandContext.open(global)
            try context.store.removePerson(named: name)
            Output.line("no longer watching \(name)")
        }
    }
}
