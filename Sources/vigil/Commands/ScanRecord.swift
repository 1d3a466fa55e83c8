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
            out += string(mention.person)
            out += ", \"matched\": "
            out += string(mention.matched)
            out += ", \"start\": "
            out += String(mention.start)
            out += ", \"end\": "
            out += String(mention.end)
            out += "}"
        }
        out += "], \"attack\": {"
        for (index, attack) in score.attacks.enumerated() {
            if index > 0 { out += ", " }
            out += string(attack.person)
            out += ": "
            out += number(attack.score)
        }
        out += "}, \"severity\": "
        out += string(score.severity.rawValue)
        out += ", \"evidence\": ["
        for (index, item) in score.evidence.enumerated() {
            if index > 0 { out += ", " }
            out += "{\"kind\": "
            out += string(item.kind.rawValue)
            out += ", \"start\": "
            out += String(item.start)
            out += ", \"end\": "
            out += String(item.end)
            out += ", \"score\": "
            out += number(item.score)
            out += ", \"text\": "
            out += string(item.text)
            out += "}"
        }
        out += "]}"
        return out
    }

    static func error(id: Any?, message: String) -> String {
        "{\"id\": \(value(id)), \"error\": \(string(message))}"
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
        case let text as String: return string(text)
        case let number as NSNumber:
            return JSONSerialization.isValidJSONObject([number])
                ? String(decoding: (try? JSONSerialization.data(withJSONObject: [number])) ?? Data("[null]".utf8), as: UTF8.self)
                    .dropFirst().dropLast().description
                : "null"
        default: return "null"
        }
    }

    static func string(_ text: String) -> String {
        var text = text
        // Most text needs no escape and is copied whole; one look at its UTF-8 tells.
        let plain = text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x22 || byte == 0x5C || byte < 0x20 { return false }
                // U+2028 and U+2029 (E2 80 A8, E2 80 A9) are escaped too.
                if byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) { return false }
                index += 1
            }
            return true
        }
        if plain { return "\"" + text + "\"" }
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
