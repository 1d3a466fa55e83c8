import ArgumentParser

struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Alert channels.",
        subcommands: [AlertsTestCommand.self]
    )
}
