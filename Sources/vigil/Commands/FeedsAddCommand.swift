import ArgumentParser

struct FeedsAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a feed."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The feed URL.") var url: String

    func run() async throws {
        throw CommandFailure.notBuilt("vigil feeds add")
    }
}
