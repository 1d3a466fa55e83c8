import ArgumentParser
import VigilWeb

extension Vigil.Users {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a dashboard account; the password is read from standard input.",
            discussion: """
                A user sees the findings about the people of their teams; an admin sees everyone's. \
                The password (at least \(PasswordHashing.minimumLength) characters) is the first line of \
                standard input and is stored as a bcrypt hash.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The name the user signs in with.")
        var name: String

        @Option(name: .customLong("team"), help: "A team whose people the user may see (repeatable).")
        var teams: [String] = []

        @Flag(help: "Let the user see every finding.")
        var admin = false

        func run() async throws {
            let context = try await CommandContext.open(global)
            if try context.store.user(named: name) != nil {
                throw CommandFailure.badInput("there is already a user named '\(name)'")
            }
            if teams.isEmpty && !admin {
                Output.note("vigil: note: \(name) is in no team and no admin, and will see no findings")
            }
            let password = try PasswordInput.read()
            let user = try context.store.addUser(
                name: name, passwordHash: PasswordHashing.hash(password), isAdmin: admin, teams: teams)
            var detail = [String]()
            if user.isAdmin { detail.append("admin") }
            if !user.teams.isEmpty { detail.append("teams: \(user.teams.joined(separator: ", "))") }
            Output.line("added user \(user.name)" + (detail.isEmpty ? "" : " (\(detail.joined(separator: "; ")))"))
        }
    }
}
