import Foundation

/// Writes command output: text for people, JSON for scripts. Every write goes
/// through `StandardStream`, so a closed pipe ends the command quietly.
enum Output {
    static func text(_ text: String) {
        StandardStream.output.write(text.utf8)
    }

    static func line(_ text: String) {
        StandardStream.output.write((text + "\n").utf8)
    }

    /// Raw output bytes, already formatted (JSON lines, batches of records).
    static func bytes(_ bytes: some Sequence<UInt8>) {
        StandardStream.output.write(bytes)
    }

    /// Prints a value as JSON with stable key order, so scripts and diffs agree.
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var data = try encoder.encode(value)
        data.append(0x0A)
        StandardStream.output.write(data)
    }

    /// A user-facing note on stderr that scripts reading stdout do not see.
    static func note(_ text: String) {
        StandardStream.error.write((text + "\n").utf8)
    }
}
