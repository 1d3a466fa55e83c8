import ArgumentParser

struct FeedsDiscoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: "Find the feeds a web page links to."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A web page URL.") var url: String

    func run() async throws {
        throw CommandFailure.notBuilt("vigil feeds discover")
    }
}
