import VigilText
import ArgumentParser
import Foundation
import VigilDaemon
import VigilStore

extension Vigil.Findings {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export findings as JSON Lines to share them (schema: docs/findings-export.md)."
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: FilterOptions

        @Option(help: "The export format; jsonl is the one there is.") var format: String = "jsonl"

        @Flag(help: "Include each item's extracted text (the evidence sentences are always there).")
        var withText = false

        func run() async throws {
            guard format.lowercased() == "jsonl" else {
                throw CommandFailure.badInput("unknown export format '\(format)'; use jsonl")
            }
            let filter = try filters.filter(now: Date())
            let context = try await CommandContext.open(global)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            var buffer = Data()
            var count = 0
            try context.store.forEachExportRow(matching: filter, includeText: withText) { row in
                buffer.append(Data(UntrustedText.jsonEscapingInvisibles(String(decoding: try encoder.encode(row), as: UTF8.self)).utf8))
                buffer.append(0x0A)
                count += 1
                if buffer.count >= 1 << 16 {
                    Output.bytes(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            Output.bytes(buffer)
            Output.note("exported \(count) finding\(count == 1 ? "" : "s")")
        }
    }
}
