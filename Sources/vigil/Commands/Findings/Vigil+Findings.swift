import ArgumentParser

extension Vigil {
    struct Findings: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List, inspect, acknowledge, label and export findings.",
            subcommands: [
                List.self, Show.self, Acknowledge.self,
                Label.self, Export.self,
            ]
        )
    }
}
