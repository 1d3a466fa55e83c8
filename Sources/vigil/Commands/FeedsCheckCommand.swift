import ArgumentParser

struct FeedsCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Fetch and parse one feed, and explain what happened."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A feed URL.") var url: String

    func run() async throws {
        throw CommandFailure.notBuilt("vigil feeds check")
    }
}
