import ArgumentParser

struct PollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poll",
        abstract: "Poll every enabled feed once (or only those due), then exit."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Run exactly one cycle and exit.") var once = false
    @Flag(help: "Only poll feeds whose next poll time has come.") var dueOnly = false

    func run() async throws {
        throw CommandFailure.notBuilt("vigil poll")
    }
}
