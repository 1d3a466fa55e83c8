import ArgumentParser

struct AlertsTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Send a test alert through a channel."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The channel name.") var channel: String

    func run() async throws {
        throw CommandFailure.notBuilt("vigil alerts test")
    }
}
