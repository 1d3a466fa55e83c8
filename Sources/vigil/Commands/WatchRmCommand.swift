import ArgumentParser

struct WatchRmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Stop watching a person."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The person's name.") var name: String

    func run() async throws {
        throw CommandFailure.notBuilt("vigil watch rm")
    }
}
