import ArgumentParser

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Feeds due and failing, the last cycle, findings by severity."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        throw CommandFailure.notBuilt("vigil status")
    }
}
