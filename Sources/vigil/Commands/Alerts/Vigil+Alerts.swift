import ArgumentParser

extension Vigil {
    struct Alerts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Alert channels.",
            subcommands: [Test.self]
        )
    }
}
