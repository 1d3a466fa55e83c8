import ArgumentParser
import VigilText
import VigilStore

extension Vigil.Watch {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ls",
            abstract: "List watched people."
        )

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Print one JSON array for scripts.")
        var json = false

        /// The JSON shape of a watched person; stable for scripts.
        struct Row: Encodable {
            let name: String
            let aliases: [String]
            let handles: [String]
            let projects: [String]
            let context: [String]
            let surnameNeedsContext: Bool
            let teams: [String]
            let source: String

            enum CodingKeys: String, CodingKey {
                case name, aliases, handles, projects, context, teams, source
                case surnameNeedsContext = "surname_needs_context"
            }
        }

        func run() async throws {
            let context = try await CommandContext.open(global)
            let people = try context.store.people()
            if json {
                try Output.json(people.map { entry in
                    Row(name: entry.person.name, aliases: entry.person.aliases, handles: entry.person.handles,
                        projects: entry.person.projects, context: entry.person.contextTerms,
                        surnameNeedsContext: entry.person.surnameNeedsContext, teams: entry.teams,
                        source: entry.person.managedByConfig ? "config" : "cli")
                })
                return
            }
            guard !people.isEmpty else {
                Output.line("nobody is watched yet; add someone with `vigil watch add NAME`")
                return
            }
            var table = ColumnLayout(headers: ["NAME", "ALIASES", "HANDLES", "PROJECTS", "TEAMS", "SOURCE"])
            for entry in people {
                table.append([
                    entry.person.name, entry.person.aliases.joined(separator: ", "),
                    entry.person.handles.map { "@" + $0 }.joined(separator: ", "),
                    entry.person.projects.joined(separator: ", "), entry.teams.joined(separator: ", "),
                    entry.person.managedByConfig ? "config" : "cli",
                ])
            }
            Output.line(table.render().joined(separator: "\n"))
        }
    }
}
