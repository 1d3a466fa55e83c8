/// One line saying where a JSON body stopped matching the records, like
/// `missing "html_url" at [3]`: enough to find the spot, no body quoted.
enum DecodingErrorSummary {
    static func line(for error: any Error) -> String {
        let text: String
        switch error {
        case DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty:
            text = "not valid JSON"
        case DecodingError.dataCorrupted(let context):
            text = "unreadable value at \(path(context.codingPath)): \(context.debugDescription)"
        case DecodingError.keyNotFound(let key, let context):
            text = "missing \"\(key.stringValue)\" at \(path(context.codingPath))"
        case DecodingError.typeMismatch(let type, let context):
            text = "expected \(name(of: type)) at \(path(context.codingPath))"
        case DecodingError.valueNotFound(let type, let context):
            text = "null where \(name(of: type)) was expected at \(path(context.codingPath))"
        default:
            text = String(describing: error)
        }
        return String(text.map { $0.isNewline ? " " : $0 })
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        guard !codingPath.isEmpty else { return "the top level" }
        return codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
    }

    private static func name(of type: Any.Type) -> String {
        let spelled = String(describing: type)
        if spelled.hasPrefix("Array<") { return "an array" }
        if spelled.hasPrefix("Dictionary<") { return "an object" }
        return spelled
    }
}
