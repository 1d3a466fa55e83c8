import ArgumentParser

struct FindingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "findings",
        abstract: "List, inspect, acknowledge, label and export findings.",
        subcommands: [
            FindingsLsCommand.self, FindingsShowCommand.self, FindingsAckCommand.self,
            FindingsLabelCommand.self, FindingsExportCommand.self,
        ]
    )
}
