import ArgumentParser

struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Manage the watchlist: people, their aliases, handles, projects and teams.",
        subcommands: [WatchAddCommand.self, WatchLsCommand.self, WatchRmCommand.self]
    )
}
