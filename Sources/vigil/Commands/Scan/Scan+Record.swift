import Foundation
import VigilScoring

extension Vigil.Scan {
    /// The `vigil scan --jsonl` output record, written by hand so that keys keep the
    /// order of the design document and numbers stay short.
    enum Record {
        /// The most mentions one record lists: a text that repeats a name a million
        /// times must not answer with a record twenty times its size. Evidence is
        /// bounded by the scorer (`EvidenceSentence.maxTextScalars`).
        static let maxMentions = 1_000

        static func line(id: Any?, score: DocumentScore) -> String {
            var out: [UInt8] = []
            write(id: id, score: score, to: &out)
            return String(decoding: out, as: UTF8.self)
        }

        /// Appends the record's UTF-8 to `out`: `scan --jsonl` writes one per input line
        /// into one buffer, so a record costs no string of its own.
        static func write(id: Any?, score: DocumentScore, to out: inout [UInt8]) {
            func add(_ text: StaticString) {
                out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
            }
            func add(_ text: String) { out.append(contentsOf: text.utf8) }
            add("{\"id\": ")
            if let text = id as? String { JSONStringLiteral.append(text, to: &out) } else { add(value(id)) }
            add(", \"hostility\": ")
            add(number(score.hostility))
            add(", \"agent\": ")
            add(number(score.agent))
            add(", \"mentions\": [")
            for (index, mention) in score.mentions.prefix(maxMentions).enumerated() {
                if index > 0 { add(", ") }
                add("{\"person\": ")
                JSONStringLiteral.append(mention.person, to: &out)
                add(", \"matched\": ")
                JSONStringLiteral.append(mention.matched, to: &out)
                add(", \"start\": ")
                add(String(mention.start))
                add(", \"end\": ")
                add(String(mention.end))
                add("}")
            }
            add("], \"attack\": {")
            for (index, attack) in score.attacks.enumerated() {
                if index > 0 { add(", ") }
                JSONStringLiteral.append(attack.person, to: &out)
                add(": ")
                add(number(attack.score))
            }
            add("}, \"severity\": ")
            JSONStringLiteral.append(score.severity.rawValue, to: &out)
            add(", \"kind\": ")
            JSONStringLiteral.append(score.kind.rawValue, to: &out)
            add(", \"evidence\": [")
            for (index, item) in score.evidence.enumerated() {
                if index > 0 { add(", ") }
                add("{\"kind\": ")
                JSONStringLiteral.append(item.kind.rawValue, to: &out)
                add(", \"start\": ")
                add(String(item.start))
                add(", \"end\": ")
                add(String(item.end))
                add(", \"score\": ")
                add(number(item.score))
                add(", \"text\": ")
                JSONStringLiteral.append(item.text, to: &out)
                add("}")
            }
            add("]}")
        }

        static func error(id: Any?, message: String) -> String {
            "{\"id\": \(value(id)), \"error\": \(JSONStringLiteral.quoted(message))}"
        }

        static func number(_ value: Double) -> String {
            guard value.isFinite else { return "null" }
            let rounded = (value * 10_000).rounded() / 10_000
            guard rounded == rounded.rounded() else { return String(rounded) }
            // Whole numbers keep one decimal; scores are 0.0 or 1.0, formatted without Foundation.
            if rounded == 0 && rounded.sign == .plus { return "0.0" }
            if rounded == 1 { return "1.0" }
            return String(format: "%.1f", rounded)
        }

        /// An id echoed back as it came: string, number, or null.
        static func value(_ value: Any?) -> String {
            switch value {
            case let text as String: return JSONStringLiteral.quoted(text)
            case let number as NSNumber:
                return JSONSerialization.isValidJSONObject([number])
                    ? String(decoding: (try? JSONSerialization.data(withJSONObject: [number])) ?? Data("[null]".utf8), as: UTF8.self)
                        .dropFirst().dropLast().description
                    : "null"
            default: return "null"
            }
        }
    }
}
