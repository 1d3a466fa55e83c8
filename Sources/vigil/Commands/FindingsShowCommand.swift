import ArgumentParser

struct FindingsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one finding with its evidence."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The finding ID.") var id: Int64
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        throw CommandFailure.notBuilt("vigil findings show")
    }
}
