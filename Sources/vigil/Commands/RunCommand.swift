import ArgumentParser

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon in the foreground."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw CommandFailure.notBuilt("vigil run")
    }
}
