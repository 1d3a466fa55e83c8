import Foundation
import VigilAssessment

/// Reads labelled JSON Lines (`{"text": "...", "label": 0|1, "source": "..."}`).
public enum LabelledDataset {
    /// Why a labelled file could not be used, with the line at fault.
    public enum ReadError: Error, CustomStringConvertible, Equatable {
        case unreadable(path: String, reason: String)
        case badLine(path: String, line: Int, reason: String)
        case empty(path: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
            case .badLine(let path, let line, let reason): "\(path):\(line): \(reason)"
            case .empty(let path): "\(path) has no labelled examples"
            }
        }
    }

    public static func read(path: String) throws(ReadError) -> [LabelledText] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        return try parse(data, path: path)
    }

    public static func parse(_ data: Data, path: String = "<data>") throws(ReadError) -> [LabelledText] {
        var examples: [LabelledText] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw .badLine(path: path, line: lineNumber, reason: "not a JSON object")
            }
            guard let text = object["text"] as? String else {
                throw .badLine(path: path, line: lineNumber, reason: "missing string field \"text\"")
            }
            guard let label = parseLabel(object["label"]) else {
                throw .badLine(path: path, line: lineNumber, reason: "\"label\" must be 0 or 1")
            }
            var kind: FindingKind?
            if let name = object["kind"] as? String {
                guard let parsed = FindingKind(rawValue: name) else {
                    throw .badLine(path: path, line: lineNumber, reason: "\"kind\" must be attack, coverage or mention")
                }
                kind = parsed
            }
            var form: AttackForm?
            if let name = object["form"] as? String {
                guard let parsed = AttackForm(rawValue: name), kind == .attack else {
                    throw .badLine(path: path, line: lineNumber, reason: "\"form\" must be hostile or campaign, on an attack")
                }
                form = parsed
            }
            examples.append(LabelledText(text: text, label: label, source: object["source"] as? String ?? "",
                                         person: object["person"] as? String, kind: kind, form: form))
        }
        if examples.isEmpty { throw .empty(path: path) }
        return examples
    }

    private static func parseLabel(_ value: Any?) -> Int? {
        if let number = value as? NSNumber {
            let double = number.doubleValue
            if double == 0 || double == 1 { return Int(double) }
            return nil
        }
        if let string = value as? String, let int = Int(string), int == 0 || int == 1 { return int }
        return nil
    }
}
