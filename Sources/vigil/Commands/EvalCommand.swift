import ArgumentParser

struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a model on labelled JSONL."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "hostility or agent.") var task: String
    @Option(help: "Labelled JSON Lines.") var data: String
    @Option(help: "A model file (default: the shipped one).") var model: String?

    func run() async throws {
        throw CommandFailure.notBuilt("vigil eval")
    }
}
