import ArgumentParser

struct FindingsLabelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "label",
        abstract: "Label a finding to teach the models."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The finding ID.") var id: Int64
    @Argument(help: "hostile, benign, agent or human.") var label: String

    func run() async throws {
        throw CommandFailure.notBuilt("vigil findings label")
    }
}
