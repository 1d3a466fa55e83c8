import Foundation
import Testing
import VigilScoring
import VigilText

/// `vigil scan` as a user runs it: the built executable, real pipes, the JSONL contract.
@Suite struct ScanCommandTests {
    static var executable: URL? {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("vigil")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let debug = root.appendingPathComponent(".build/debug/vigil")
        return FileManager.default.isExecutableFile(atPath: debug.path) ? debug : nil
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], input: Data) throws -> Run? {
        guard let executable else { return nil }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    @Test func jsonlContractOneRecordPerLineInOrder() throws {
        let attack = "Gatekeeping at the engine: the Ada Lovelace story. Ada Lovelace closed my pull request in an hour. She is protecting her fiefdom, and her insecurity shows in every review."
        let lines = [
            #"{"id": "first", "text": \#(Self.quoted(attack)), "title": "t", "author": "a", "url": "https://example.org/p"}"#,
            #"{"id": 2, "text": "Ada Lovelace released version 2.0 today. Ада Лавлейс 🙂"}"#,
            "this is not json",
            #"{"id": "no-text"}"#,
            #"{"text": ""}"#,
        ]
        guard let run = try Self.run(["scan", "--jsonl", "--watch", "Ada Lovelace"], input: Data(lines.joined(separator: "\n").utf8)) else {
            print("skipped: the vigil executable is not built")
            return
        }
        #expect(run.status == 0, "\(run.stderr)")
        let records = run.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(records.count == 5)
        let first = records[0]
        #expect(first["id"] as? String == "first")
        for key in ["hostility", "agent"] {
            let value = try #require(first[key] as? Double)
            #expect((0...1).contains(value))
        }
        let mentions = try #require(first["mentions"] as? [[String: Any]])
        #expect(mentions.count == 2)
        let scalars = Array(attack.unicodeScalars)
        for mention in mentions {
            #expect(mention["person"] as? String == "Ada Lovelace")
            let start = mention["start"] as! Int, end = mention["end"] as! Int
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            #expect(String(view) == mention["matched"] as? String)
        }
        let attackScores = try #require(first["attack"] as? [String: Double])
        #expect(attackScores["Ada Lovelace"].map { $0 > 0.5 } == true)
        #expect(["medium", "high"].contains(first["severity"] as? String))
        let evidence = try #require(first["evidence"] as? [[String: Any]])
        #expect(evidence.contains { $0["kind"] as? String == "hostile" })
        for item in evidence {
            let start = item["start"] as! Int, end = item["end"] as! Int
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            #expect(String(view) == item["text"] as? String)
        }
        #expect(records[1]["id"] as? Int == 2)
        #expect(["none", "low"].contains(records[1]["severity"] as? String))
        #expect(records[2]["error"] as? String != nil)
        #expect(records[3]["id"] as? String == "no-text")
        #expect(records[3]["error"] as? String != nil)
        #expect(records[4]["severity"] as? String == "none")
    }

    @Test func linesAreReadAsJSONWhateverTheirEscapesAndExtraFields() throws {
        let text = "Ada Lovelace \u{E9}crit: \"bonjour\"\n\u{1F600} Ada Lovelace."
        let lines = [
            #"{"meta": {"tags": ["a", 1, -2.5e-3, true, false, null, {"x": []}]}, "text": "Ada Lovelace \u00e9crit: \"bonjour\"\n\ud83d\ude00 Ada Lovelace.", "id": "esc\u0061ped"}"#,
            #"{"id": 7.5, "text": "Ada Lovelace released it."}"#,
            #"{"id": null, "text": "fine"}"#,
            #"{"text": "a" "id": "b"}"#,
            #"{"id": "x", "text": "a"} trailing"#,
            #"{"id": "huge", "text": "Ada Lovelace", "n": 1e999}"#,
        ]
        guard let run = try Self.run(["scan", "--jsonl", "--watch", "Ada Lovelace"], input: Data(lines.joined(separator: "\n").utf8)) else {
            print("skipped: the vigil executable is not built")
            return
        }
        #expect(run.status == 0, "\(run.stderr)")
        let records = run.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(records.count == 6)
        #expect(records[0]["id"] as? String == "escaped")
        let mentions = try #require(records[0]["mentions"] as? [[String: Any]])
        #expect(mentions.count == 2)
        let scalars = Array(text.unicodeScalars)
        for mention in mentions {
            let start = try #require(mention["start"] as? Int), end = try #require(mention["end"] as? Int)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            #expect(String(view) == "Ada Lovelace")
        }
        #expect((records[1]["id"] as? NSNumber)?.doubleValue == 7.5)
        #expect(records[1]["error"] == nil)
        #expect(records[2]["id"] is NSNull)
        #expect(records[2]["error"] == nil)
        #expect(records[3]["error"] as? String != nil)
        #expect(records[4]["error"] as? String != nil)
        // A number no Double holds is refused, as JSON's general reader refuses it.
        #expect(records[5]["error"] as? String != nil)
    }

    @Test func recordsEscapeEveryCharacterJSONAndLineReadersNeedEscaped() throws {
        // Quotes, backslashes, every control, U+2028 and U+2029 escaped; DEL, "†" (E2 80 A0),
        // "€" (E2 82 AC) and the rest copied as they are.
        let plain = "\u{7F}\u{E2}\u{2020}\u{20AC}é😀"
        let tricky = "q\"b\\s\t\r\n\u{1}\u{8}\u{C}\u{1F}" + plain + "\u{2028}\u{2029}" + plain
        let escaped = #""q\"b\\s\t\r\n\u0001\u0008\u000c\u001f"# + plain + #"\u2028\u2029"# + plain + "\""
        // The sentence carries the same characters but U+2029, which would end it.
        let inner = tricky.replacingOccurrences(of: "\u{2029}", with: "")
        let sentence = "Ada Lovelace is a pathetic fraud \(inner) and everyone knows she is worthless."
        let line = try JSONSerialization.data(withJSONObject: ["id": tricky, "text": sentence])
        guard let run = try Self.run(["scan", "--jsonl", "--watch", "Ada Lovelace"], input: line) else {
            print("skipped: the vigil executable is not built")
            return
        }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("{\"id\": \(escaped), \"hostility\": "))
        #expect(run.stdout.split(separator: "\n").count == 1)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(record["id"] as? String == tricky)
        // The text's control characters (but tab, CR and LF) are read as spaces before
        // scoring; the id keeps them, escaped as above.
        let cleanPlain = " \u{E2}\u{2020}\u{20AC}é😀"
        let cleaned = "q\"b\\s\t\r\n    " + cleanPlain + "\u{2028}" + cleanPlain
        let evidence = try #require(record["evidence"] as? [[String: Any]])
        #expect(evidence.contains { ($0["text"] as? String)?.contains(cleaned) == true })
        let cleanedEscaped = #"q\"b\\s\t\r\n    "# + cleanPlain + #"\u2028"# + cleanPlain
        #expect(run.stdout.contains("fraud \(cleanedEscaped) and"))
    }

    /// `--no-encoder` scores as the scorer does with no reading band; without it,
    /// as the shipped band does.
    @Test func noEncoderLeavesTheSentenceEncoderOut() throws {
        let texts = [
            "Ada Lovelace closed my pull request. I have documented her decisions and will publish the record where her sponsors will read it.",
            "Ada Lovelace is a coward who hides behind the review process.",
            "The agent's post called Ada Lovelace a gatekeeper; the board rejected the claim.",
            "Ada Lovelace released version 2.0 today.",
        ]
        let input = Data(texts.map { #"{"text": \#(Self.quoted($0))}"# }.joined(separator: "\n").utf8)
        guard let plain = try Self.run(["scan", "--jsonl", "--no-encoder", "--watch", "Ada Lovelace"], input: input),
              let read = try Self.run(["scan", "--jsonl", "--watch", "Ada Lovelace"], input: input)
        else {
            print("skipped: the vigil executable is not built")
            return
        }
        #expect(plain.status == 0 && read.status == 0, "\(plain.stderr)\(read.stderr)")
        var scorer = try TextScorer.shipped()
        let matcher = MentionMatcher(people: [WatchedPerson(name: "Ada Lovelace")])
        for (run, band) in [(plain, nil), (read, AttackPolicy.standard.readingBand)] as [(Run, ClosedRange<Double>?)] {
            scorer.policy.readingBand = band
            let records = run.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
            #expect(records.count == texts.count)
            for (text, record) in zip(texts, records) {
                let expected = try #require(scorer.score(text, matcher: matcher).attacks.first)
                let attack = (record["attack"] as? [String: Double])?["Ada Lovelace"]
                #expect(attack.map { abs($0 - expected.score) < 1e-4 } == true, "\(text)")
                #expect(record["kind"] as? String == expected.kind.rawValue)
            }
        }
    }

    @Test func missingFileIsBadInput() throws {
        guard let run = try Self.run(["scan", "/nonexistent/input.jsonl"], input: Data()) else { return }
        #expect(run.status == 2)
        #expect(run.stderr.contains("no such file"))
    }

    @Test func evalRejectsAnUnknownTask() throws {
        guard let run = try Self.run(["eval", "--task", "sentiment", "--data", "/dev/null"], input: Data()) else { return }
        #expect(run.status == 2)
        #expect(run.stderr.contains("--task"))
    }

    static func quoted(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [text]), as: UTF8.self).dropFirst().dropLast().description
    }
}
