import ArgumentParser

struct FindingsAckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack",
        abstract: "Acknowledge a finding."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The finding ID.") var id: Int64

    func run() async throws {
        throw CommandFailure.notBuilt("vigil findings ack")
    }
}
