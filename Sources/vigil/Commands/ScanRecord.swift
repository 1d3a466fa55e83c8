import Foundation
import VigilScoring

/// The `vigil scan --jsonl` output record, written by hand so that keys keep the
/// order of the design document and numbers stay short.
enum ScanRecord {
    static func line(id: Any?, score: DocumentScore) -> String {
        // Appended piece by piece into one presized string: a record per short text
        // otherwise costs more in intermediate strings than in scoring.
        var out = ""
        out.reserveCapacity(160 + 96 * score.mentions.count + score.evidence.reduce(0) { $0 + 80 + $1.text.utf8.count })
        out += "{\"id\": "
        out += value(id)
        out += ", \"hostility\": "
        out += number(score.hostility)
        out += ", \"agent\": "
        out += number(score.agent)
        out += ", \"mentions\": ["
        for (index, mention) in score.mentions.enumerated() {
            if index > 0 { out += ", " }
            out += "{\"person\": "
            JSONStringLiteral.append(mention.person, to: &out)
            out += ", \"matched\": "
            JSONStringLiteral.append(mention.matched, to: &out)
            out += ", \"start\": "
            out += String(mention.start)
            out += ", \"end\": "
            out += String(mention.end)
            out += "}"
        }
        out += "], \"attack\": {"
        for (index, attack) in score.attacks.enumerated() {
            if index > 0 { out += ", " }
            JSONStringLiteral.append(attack.person, to: &out)
            out += ": "
            out += number(attack.score)
        }
        out += "}, \"severity\": "
        JSONStringLiteral.append(score.severity.rawValue, to: &out)
        out += ", \"evidence\": ["
        for (index, item) in score.evidence.enumerated() {
            if index > 0 { out += ", " }
            out += "{\"kind\": "
            JSONStringLiteral.append(item.kind.rawValue, to: &out)
            out += ", \"start\": "
            out += String(item.start)
            out += ", \"end\": "
            out += String(item.end)
            out += ", \"score\": "
            out += number(item.score)
            out += ", \"text\": "
            JSONStringLiteral.append(item.text, to: &out)
            out += "}"
        }
        out += "]}"
        return out
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
