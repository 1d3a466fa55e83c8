import ArgumentParser

struct FindingsLsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "List findings."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only findings newer than this, e.g. 7d.") var since: String?
    @Option(help: "Only this person.") var person: String?
    @Option(help: "Only this team.") var team: String?
    @Option(help: "Only at or above this severity.") var minSeverity: String?
    @Option(help: "new or acked.") var state: String?
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        throw CommandFailure.notBuilt("vigil findings ls")
    }
}
