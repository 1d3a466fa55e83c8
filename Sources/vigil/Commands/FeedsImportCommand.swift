import ArgumentParser

struct FeedsImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import feeds from OPML."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "An OPML file.") var file: String

    func run() async throws {
        throw CommandFailure.notBuilt("vigil feeds import")
    }
}
