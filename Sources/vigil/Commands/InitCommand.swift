import ArgumentParser

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented config and create the database."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Directory for config.toml and the database.") var dir: String = "."

    func run() async throws {
        throw CommandFailure.notBuilt("vigil init")
    }
}
