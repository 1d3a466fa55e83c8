import ArgumentParser

struct WatchLsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "List watched people."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        throw CommandFailure.notBuilt("vigil watch ls")
    }
}
