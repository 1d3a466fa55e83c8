import ArgumentParser
import VigilStore

extension Vigil.Watch {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Watch a person.",
            discussion: """
                Names may be in any script. A bare surname counts as a mention only when the same \
                document also names a project, a handle, the given name or a context term, unless \
                --surname-alone is given.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The person's name as usually written.")
        var name: String

        @Option(name: .customLong("alias"), help: "Another name, in any script (repeatable).")
        var aliases: [String] = []

        @Option(name: .customLong("handle"), help: "A login such as a GitHub handle (repeatable).")
        var handles: [String] = []

        @Option(name: .customLong("project"), help: "A project the person is known for (repeatable).")
        var projects: [String] = []

        @Option(name: .customLong("context"), help: "A word that makes a bare surname count (repeatable).")
        var contextTerms: [String] = []

        @Option(name: .customLong("team"), help: "A team to put the person in (repeatable).")
        var teams: [String] = []

        @Flag(help: "Count the surname alone as a mention even without context.")
        var surnameAlone = false

        func run() async throws {
            let context = try await CommandContext.open(global)
            let entry = try context.store.addPerson(PersonSpec(
                name: name, aliases: aliases, handles: handles, projects: projects, contextTerms: contextTerms,
                surnameNeedsContext: !surnameAlone, teams: teams))
            var detail = [String]()
            if !entry.person.aliases.isEmpty { detail.append("aliases: \(entry.person.aliases.joined(separator: ", "))") }
            if !entry.teams.isEmpty { detail.append("teams: \(entry.teams.joined(separator: ", "))") }
            Output.line("watching \(entry.person.name)" + (detail.isEmpty ? "" : " (\(detail.joined(separator: "; ")))"))
        }
    }
}
