import ArgumentParser
import Foundation
import VigilStore

extension Vigil.Findings {
    struct Acknowledge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ack",
            abstract: "Acknowledge findings: mark them as seen."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The finding IDs.") var ids: [Int64]

        func validate() throws {
            guard !ids.isEmpty else { throw ValidationError("give at least one finding ID") }
        }

        func run() async throws {
            let context = try await CommandContext.open(global)
            let changed = try context.store.acknowledgeFindings(ids)
            let already = Set(ids).count - changed
            Output.line("acknowledged \(changed) finding\(changed == 1 ? "" : "s")\(already > 0 ? " (\(already) already acknowledged)" : "")")
        }
    }
}
