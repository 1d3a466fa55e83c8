import ArgumentParser
import Foundation
import VigilScoring
import VigilText

extension Vigil {
    /// `vigil scan`: the Extractor → Matcher → Scorer path on local text, no network,
    /// nothing written. With --jsonl, one result line per input line, in order; a
    /// bad line gets an error record and scanning goes on.
    struct Scan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score text for mentions, hostility and agent authorship, without network."
        )

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Read one JSON object per line and write one result per line.") var jsonl = false
        @Option(name: .customLong("watch"), help: "Also watch this name, beside the configured people (repeatable).") var watch: [String] = []
        @Flag(help: "Do not re-read the sentences about watched people with the sentence encoder (a few milliseconds a sentence); kinds and attack scores then come from the other signals.")
        var noEncoder = false
        @Argument(help: "A file to read, or - for standard input.") var file: String = "-"

        func run() async throws {
            let extra = watch.map { name in
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                return WatchedPerson(name: trimmed, surnamePolicy: .withContext)
            }
            if extra.contains(where: { $0.name.isEmpty }) { throw CommandFailure.badInput("--watch needs a non-empty name") }
            let people = try Watchlist.people(global: global, extra: extra)
            var scorer: TextScorer
            do { scorer = try TextScorer.shipped() } catch { throw CommandFailure.runtime(error.description) }
            if noEncoder { scorer.policy.readingBand = nil }
            let matcher = MentionMatcher(people: people)
            let workspace = scorer.makeWorkspace()

            if !jsonl {
                let input = try BoundedInput.read(file)
                let text = InputText.cleaned(String(decoding: input, as: UTF8.self))
                let score = scorer.score(text, matcher: matcher, workspace: workspace)
                Output.line(Record.line(id: nil, score: score))
                return
            }
            // Results are written in batches: one write per line would cost more than scoring short texts.
            var pending: [UInt8] = []
            pending.reserveCapacity(1 << 17)
            // Lines are read in chunks and handed over as slices of them: memory stays
            // flat however long the input, and a line over the limit gets an error record.
            try BoundedInput.forEachLine(file) { line in
                if let line {
                    if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { return }
                    scanLine(line, scorer: scorer, matcher: matcher, workspace: workspace, to: &pending)
                } else {
                    pending.append(contentsOf: Record.error(
                        id: nil, message: "line longer than \(BoundedInput.describe(BoundedInput.maxBytes)); not scanned").utf8)
                }
                pending.append(UInt8(ascii: "\n"))
                if pending.count >= 1 << 16 {
                    Output.bytes(pending)
                    pending.removeAll(keepingCapacity: true)
                }
            }
            Output.bytes(pending)
        }

        /// Appends the result record for one input line to `out`.
        private func scanLine(
            _ line: UnsafeBufferPointer<UInt8>, scorer: TextScorer, matcher: MentionMatcher, workspace: ScoringWorkspace, to out: inout [UInt8]
        ) {
            if let parsed = InputLine.parse(line), let text = parsed.text {
                Record.write(id: parsed.id, score: scorer.score(InputText.cleaned(text), matcher: matcher, workspace: workspace), to: &out)
                return
            }
            // Everything the direct reader leaves (errors, numeric ids) goes through JSONSerialization.
            guard let object = try? JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed]) else {
                out.append(contentsOf: Record.error(id: nil, message: "not valid JSON").utf8)
                return
            }
            guard let record = object as? [String: Any] else {
                out.append(contentsOf: Record.error(id: nil, message: "expected a JSON object").utf8)
                return
            }
            let id = record["id"]
            guard let text = record["text"] as? String else {
                out.append(contentsOf: Record.error(id: id, message: "missing string field \"text\"").utf8)
                return
            }
            Record.write(id: id, score: scorer.score(InputText.cleaned(text), matcher: matcher, workspace: workspace), to: &out)
        }
    }
}
