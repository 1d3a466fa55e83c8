import ArgumentParser

struct FeedsRmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Remove a feed."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The feed URL.") var url: String

    func run() async throws {
        throw CommandFailure.notBuilt("vigil feeds rm")
    }
}
