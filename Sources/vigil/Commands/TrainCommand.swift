import ArgumentParser

struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a text-scoring model from labelled JSONL."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "hostility or agent.") var task: String
    @Option(help: "Labelled JSON Lines for training.") var data: String
    @Option(help: "Where to write the model file.") var out: String

    func run() async throws {
        throw CommandFailure.notBuilt("vigil train")
    }
}
