import ArgumentParser

struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check config, database, channels and feed reachability."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw CommandFailure.notBuilt("vigil doctor")
    }
}
