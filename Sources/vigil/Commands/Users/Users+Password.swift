import ArgumentParser
import VigilWeb

extension Vigil.Users {
    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "passwd",
            abstract: "Set a user's password from standard input; their open sessions end."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The user's name.")
        var name: String

        func run() async throws {
            let context = try await CommandContext.open(global)
            guard try context.store.user(named: name) != nil else {
                throw CommandFailure.badInput("no user named '\(name)'")
            }
            let password = try PasswordInput.read()
            try context.store.setPasswordHash(PasswordHashing.hash(password), forUser: name)
            Output.line("changed the password of \(name)")
        }
    }
}
