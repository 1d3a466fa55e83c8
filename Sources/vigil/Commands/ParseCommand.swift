import ArgumentParser

struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse feed files and print what vigil sees (no database)."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print one JSON object per file.") var json = false
    @Flag(help: "Print only counts and timing.") var stats = false
    @Argument(help: "Feed files.") var files: [String]

    func run() async throws {
        throw CommandFailure.notBuilt("vigil parse")
    }
}
