import ArgumentParser

struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Score text for mentions, hostility and agent authorship, without network."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Read one JSON object per line and write one result per line.") var jsonl = false
    @Option(name: .customLong("watch"), help: "Also watch this name (repeatable).") var watch: [String] = []
    @Argument(help: "A file to read, or - for standard input.") var file: String = "-"

    func run() async throws {
        throw CommandFailure.notBuilt("vigil scan")
    }
}
