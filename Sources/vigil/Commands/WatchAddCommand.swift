import ArgumentParser

struct WatchAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Watch a person."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The person's name.") var name: String

    func run() async throws {
        throw CommandFailure.notBuilt("vigil watch add")
    }
}
