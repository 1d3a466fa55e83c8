import ArgumentParser

struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Summarise findings for a period."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The period, e.g. 7d.") var since: String = "7d"
    @Option(help: "Only this person.") var person: String?
    @Option(help: "Only this team.") var team: String?
    @Option(help: "text, markdown, html or json.") var format: String = "text"
    @Option(help: "Send it through this channel instead of printing it.") var send: String?

    func run() async throws {
        throw CommandFailure.notBuilt("vigil digest")
    }
}
