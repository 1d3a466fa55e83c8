import ArgumentParser

struct FeedsLsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "List feeds with their health."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        throw CommandFailure.notBuilt("vigil feeds ls")
    }
}
