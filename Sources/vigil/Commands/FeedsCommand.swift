import ArgumentParser

struct FeedsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "Manage feeds: add, list, remove, import and export OPML, discover, check.",
        subcommands: [
            FeedsAddCommand.self, FeedsLsCommand.self, FeedsRmCommand.self, FeedsImportCommand.self,
            FeedsExportCommand.self, FeedsDiscoverCommand.self, FeedsCheckCommand.self,
        ]
    )
}
