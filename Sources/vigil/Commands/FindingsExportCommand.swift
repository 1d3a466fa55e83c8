import ArgumentParser

struct FindingsExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export findings for sharing."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "jsonl.") var format: String = "jsonl"

    func run() async throws {
        throw CommandFailure.notBuilt("vigil findings export")
    }
}
