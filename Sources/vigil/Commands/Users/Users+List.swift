import ArgumentParser
import Foundation
import VigilStore
import VigilText

extension Vigil.Users {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ls", abstract: "List dashboard accounts.")

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Print one JSON array for scripts.")
        var json = false

        /// The JSON shape of an account; stable for scripts. Never the password hash.
        struct Row: Encodable {
            let name: String
            let admin: Bool
            let teams: [String]
            let createdAt: Date

            enum CodingKeys: String, CodingKey {
                case name, admin, teams
                case createdAt = "created_at"
            }
        }

        func run() async throws {
            let context = try await CommandContext.open(global)
            let users = try context.store.users()
            if json {
                try Output.json(users.map { Row(name: $0.name, admin: $0.isAdmin, teams: $0.teams, createdAt: $0.createdAt) })
                return
            }
            guard !users.isEmpty else {
                Output.line("no users yet; add one with `vigil users add NAME --admin` (password on standard input)")
                return
            }
            var table = ColumnLayout(headers: ["NAME", "ROLE", "TEAMS"])
            for user in users {
                table.append([user.name, user.isAdmin ? "admin" : "user", user.teams.joined(separator: ", ")])
            }
            Output.line(table.render().joined(separator: "\n"))
        }
    }
}
