import ArgumentParser
import Foundation
import VigilStore

extension Vigil.Findings {
    struct Label: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Label a finding to teach the models (`vigil train --with-feedback` uses the labels).",
            discussion: "hostile/benign correct the hostility model; agent/human the agent model; none removes the label."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The finding ID.") var id: Int64
        @Argument(help: "hostile, benign, agent, human, or none.") var label: String

        func run() async throws {
            let parsed: FindingRecord.Label?
            if label.lowercased() == "none" {
                parsed = nil
            } else if let value = FindingRecord.Label(rawValue: label.lowercased()) {
                parsed = value
            } else {
                throw CommandFailure.badInput("'\(label)' is not a label; use hostile, benign, agent, human or none")
            }
            let context = try await CommandContext.open(global)
            try context.store.labelFinding(id, as: parsed)
            Output.line(parsed.map { "finding \(id) labelled \($0.rawValue)" } ?? "finding \(id): label removed")
        }
    }
}
