import ArgumentParser

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Self-contained demo: a loopback feed server, one cycle, findings and a digest."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw CommandFailure.notBuilt("vigil demo")
    }
}
