import ArgumentParser

struct FeedsExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export feeds as OPML."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw CommandFailure.notBuilt("vigil feeds export")
    }
}
