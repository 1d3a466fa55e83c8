import ArgumentParser
import Foundation
import VigilText

struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Find watched people in text, without network, writing nothing.",
        discussion: """
            With --jsonl, reads one JSON object per line ({"id", "text", "title", "author", "url"}; only "text" is required) and writes one object per line, in order: {"id": ..., "mentions": [{"person", "matched", "start", "end", "sentence", "kind"}]}. Mentions are looked for in "text" only; offsets are in its Unicode scalars, and "sentence" indexes its sentences. A bad line gets {"id": ..., "error": "..."} and scanning continues.

            Without --jsonl, the whole input is one text, and each mention is printed on a line: person, kind, start-end, sentence, matched text.

            Pending: "hostility", "agent", "attack", "severity" and "evidence" are written once this build has scoring models; until then they are absent, never guessed.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Read one JSON object per line and write one result per line.") var jsonl = false
    @Option(name: .customLong("watch"), help: ArgumentHelp("Also watch this name (repeatable).", valueName: "name"))
    var watch: [String] = []
    @Argument(help: "A file to read, or - for standard input.") var file: String = "-"

    func run() async throws {
        let people = try watchedPeople()
        let scanner = DocumentScanner(matcher: MentionMatcher(people: people), scorer: nil)
        let reader = try LineReader(path: file)
        if jsonl {
            var lineNumber = 0
            while let line = reader.nextLine() {
                lineNumber += 1
                if line.allSatisfy(\.isWhitespace) { continue }
                writeLine(scanner.scanLine(line, number: lineNumber))
            }
        } else {
            var text = ""
            while let line = reader.nextLine() { text += line + "\n" }
            for mention in scanner.matcher.mentions(in: text) {
                writeLine("\(mention.person)\t\(mention.kind.rawValue)\t\(mention.start)-\(mention.end)\tsentence \(mention.sentence)\t\(mention.matched.debugDescription)")
            }
        }
    }

    /// The people this scan watches: the `--watch` names. People configured in
    /// the database join them here once the store is wired into the CLI.
    private func watchedPeople() throws -> [WatchedPerson] {
        var people: [WatchedPerson] = []
        for name in watch {
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw CommandFailure.badInput("--watch needs a non-empty name") }
            people.append(WatchedPerson(name: trimmed))
        }
        guard !people.isEmpty else {
            throw CommandFailure.badInput("no one to watch: pass --watch NAME")
        }
        return people
    }

    private func writeLine(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

extension ScanCommand {
    /// One input record of `vigil scan --jsonl`.
    struct Document {
        /// The record's "id", re-encoded as JSON so it is echoed exactly (string, number or null).
        let idJSON: String
        let text: String
        let title: String?
        let author: String?
        let url: String?
    }

    /// Scores the scoring stage adds to a document. The scoring core fills this
    /// through a `ScanScorer`; until one is configured the fields are not written.
    struct Scores: Encodable {
        struct Evidence: Encodable {
            let kind: String
            let start: Int
            let end: Int
            let score: Double
            let text: String
        }

        let hostility: Double
        let agent: Double
        let attack: [String: Double]
        let severity: String
        let evidence: [Evidence]
    }

    /// The seam where the scoring core plugs in: given a document, its
    /// sentences and its mentions, the calibrated scores.
    protocol ScanScorer: Sendable {
        func scores(for document: Document, sentences: [Sentence], mentions: [Mention]) throws -> Scores
    }

    /// Matching and (when available) scoring of one document, separate from
    /// reading and writing so the daemon's pipeline and tests can share it.
    struct DocumentScanner: Sendable {
        let matcher: MentionMatcher
        let scorer: (any ScanScorer)?
        private let splitter = SentenceSplitter()

        init(matcher: MentionMatcher, scorer: (any ScanScorer)?) {
            self.matcher = matcher
            self.scorer = scorer
        }

        /// The output line for one input line: a result, or an error record.
        func scanLine(_ line: String, number: Int) -> String {
            let document: Document
            switch ScanCommand.parse(line) {
            case .failure(let failure):
                return "{\"id\":\(failure.idJSON),\"error\":\(ScanCommand.jsonString("line \(number): \(failure.reason)"))}"
            case .success(let parsed):
                document = parsed
            }
            guard let scorer else {
                // Without a scorer, sentences are only split for texts that mention someone.
                let mentions = matcher.mentions(in: document.text)
                return "{\"id\":\(document.idJSON),\"mentions\":\(ScanCommand.json(mentions))}"
            }
            let sentences = splitter.sentences(in: document.text)
            let mentions = matcher.mentions(in: document.text, sentences: sentences)
            var fields = ["\"id\":\(document.idJSON)", "\"mentions\":\(ScanCommand.json(mentions))"]
            do {
                let scores = try scorer.scores(for: document, sentences: sentences, mentions: mentions)
                let encoded = try ScanCommand.encoder.encode(scores)
                let object = String(decoding: encoded, as: UTF8.self)
                // Splice the scores' fields into this record's object.
                if object.count > 2 { fields.append(String(object.dropFirst().dropLast())) }
            } catch {
                return "{\"id\":\(document.idJSON),\"error\":\(ScanCommand.jsonString("line \(number): scoring failed: \(error)"))}"
            }
            return "{" + fields.joined(separator: ",") + "}"
        }
    }

    struct LineFailure: Error {
        let idJSON: String
        let reason: String
    }

    static func parse(_ line: String) -> Result<Document, LineFailure> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
        } catch {
            return .failure(LineFailure(idJSON: "null", reason: "not valid JSON"))
        }
        guard let record = object as? [String: Any] else {
            return .failure(LineFailure(idJSON: "null", reason: "expected a JSON object"))
        }
        let idJSON = record["id"].flatMap(jsonFragment) ?? "null"
        guard let text = record["text"] as? String else {
            let reason = record["text"] == nil ? "missing \"text\"" : "\"text\" must be a string"
            return .failure(LineFailure(idJSON: idJSON, reason: reason))
        }
        for field in ["title", "author", "url"] where record[field] != nil && !(record[field] is String) && !(record[field] is NSNull) {
            return .failure(LineFailure(idJSON: idJSON, reason: "\"\(field)\" must be a string"))
        }
        return .success(Document(
            idJSON: idJSON, text: text,
            title: record["title"] as? String, author: record["author"] as? String, url: record["url"] as? String
        ))
    }

    /// Mention records in the order the contract lists their fields.
    static func json(_ mentions: [Mention]) -> String {
        let records = mentions.map { mention in
            "{\"person\":\(jsonString(mention.person)),\"matched\":\(jsonString(mention.matched)),"
                + "\"start\":\(mention.start),\"end\":\(mention.end),\"sentence\":\(mention.sentence),"
                + "\"kind\":\"\(mention.kind.rawValue)\"}"
        }
        return "[" + records.joined(separator: ",") + "]"
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()

    static func jsonString(_ string: String) -> String {
        jsonFragment(string) ?? "\"\""
    }

    static func jsonFragment(_ value: Any) -> String? {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .withoutEscapingSlashes]) else {
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads lines from a file or standard input as they arrive, so that
    /// `vigil scan --jsonl` works in a pipeline without reading everything first.
    final class LineReader {
        private let stream: UnsafeMutablePointer<FILE>
        private let ownsStream: Bool
        private var buffer: UnsafeMutablePointer<CChar>?
        private var capacity = 0

        init(path: String) throws {
            if path == "-" {
                guard let input = fdopen(STDIN_FILENO, "r") else {
                    throw CommandFailure.runtime("cannot read standard input: \(String(cString: strerror(errno)))")
                }
                stream = input
                ownsStream = false
            } else {
                guard let opened = fopen(path, "r") else {
                    throw CommandFailure.badInput("cannot read \(path): \(String(cString: strerror(errno)))")
                }
                stream = opened
                ownsStream = true
            }
        }

        deinit {
            free(buffer)
            if ownsStream { fclose(stream) }
        }

        /// The next line without its line break, or nil at the end of input.
        func nextLine() -> String? {
            let length = getline(&buffer, &capacity, stream)
            guard length >= 0, let buffer else { return nil }
            var bytes = UnsafeRawBufferPointer(start: buffer, count: length).bindMemory(to: UInt8.self)
            if bytes.last == 0x0A { bytes = UnsafeBufferPointer(rebasing: bytes.dropLast()) }
            if bytes.last == 0x0D { bytes = UnsafeBufferPointer(rebasing: bytes.dropLast()) }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
