/// A pass over config text, before the TOML library sees it, for the few
/// malformed shapes on which that library's parser stops the whole process
/// (a failed internal assertion) instead of reporting a syntax error:
///
/// - a table header whose name starts with neither a key character, a quote
///   nor `]`, such as `[[[`, `[=` or `[{`;
/// - a `}` where an array expects a value, such as `a = [}` or `a = [1, }`;
/// - a bare value the library takes for a date (ten characters, `-` fifth and
///   eighth) followed by a space, one digit and the end of the value, such as
///   `d = 1979-05-27 7`: it looks for the rest of a date-time that never comes;
/// - a date and `T` followed by something other than a digit, such as
///   `d = 1979-05-27T:`: the library's time reader takes a digit for granted;
/// - a NUL byte, at which the library's C interface cuts the text short.
///
/// Everything else is left to the library, which reports it with a line. The
/// scan follows the library's reading (strings, comments, table headers,
/// where a value starts, how far a bare value runs) and keeps open brackets on
/// a stack rather than recursing, so a deeply nested value cannot exhaust the
/// stack. It only ever rejects text the library would reject too; past the
/// first error the library would report, what it does no longer matters.
struct TOMLPreflight {
    /// Where the text is malformed and how.
    struct Problem: Equatable {
        let line: Int
        let reason: String
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    /// Open arrays (`[`) and inline tables (`{`) of the value being read;
    /// table-header brackets are not pushed.
    private var open: [UInt8] = []
    /// True where the library reads a value: after `=`, and at each element of an array.
    private var valueExpected = false
    /// True at the start of a line outside any value, where `[` opens a table header.
    private var atStatementStart = true

    private init(_ source: String) {
        bytes = Array(source.utf8)
        // The library skips a byte order mark; so does the scan, or the `[` after it would not start a line.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// The first shape the TOML library cannot report by itself, or nil.
    static func problem(in source: String) -> Problem? {
        var scan = TOMLPreflight(source)
        return scan.run()
    }

    private static let nulByte = "the file holds a NUL byte"

    private mutating func run() -> Problem? {
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0:
                return Problem(line: line, reason: Self.nulByte)
            case UInt8(ascii: "\n"):
                line += 1
                index += 1
                if open.isEmpty {
                    atStatementStart = true
                    valueExpected = false
                }
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "#"):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") {
                    if bytes[index] == 0 { return Problem(line: line, reason: Self.nulByte) }
                    index += 1
                }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if let problem = skipString() { return problem }
                // An unterminated string ends the scan; the library reports it.
                if index > bytes.count { return nil }
                valueExpected = false
                atStatementStart = false
            case UInt8(ascii: "["):
                if open.isEmpty, atStatementStart, !valueExpected {
                    if let problem = checkTableHeader() { return problem }
                } else {
                    open.append(byte)
                    index += 1
                    valueExpected = true
                }
                atStatementStart = false
            case UInt8(ascii: "{"):
                open.append(byte)
                index += 1
                valueExpected = false
                atStatementStart = false
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if byte == UInt8(ascii: "}"), valueExpected, open.last == UInt8(ascii: "[") {
                    return Problem(line: line, reason: "TOML syntax: expected a value or ']' in the array, saw '}'")
                }
                let opener = byte == UInt8(ascii: "]") ? UInt8(ascii: "[") : UInt8(ascii: "{")
                if let last = open.last {
                    // A bracket that closes the wrong thing is an error the library reports.
                    guard last == opener else { return nil }
                    open.removeLast()
                }
                index += 1
                valueExpected = false
                atStatementStart = false
            case UInt8(ascii: ","):
                index += 1
                valueExpected = open.last == UInt8(ascii: "[")
                atStatementStart = false
            case UInt8(ascii: "="):
                index += 1
                valueExpected = true
                atStatementStart = false
            default:
                atStatementStart = false
                if valueExpected {
                    valueExpected = false
                    if let problem = skipBareValue() { return problem }
                } else {
                    index += 1
                }
            }
        }
        return nil
    }

    /// At the `[` that opens a table header: checks that a name follows
    /// `[` or `[[` and moves past the brackets.
    private mutating func checkTableHeader() -> Problem? {
        index += 1
        let hadSpace = skipSpaces()
        if index < bytes.count, bytes[index] == UInt8(ascii: "[") {
            // `[ [` is an error the library reports.
            guard !hadSpace else { return nil }
            index += 1
            skipSpaces()
        }
        guard index < bytes.count else { return nil }
        let byte = bytes[index]
        if Self.isBareKeyByte(byte) || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "]") {
            return nil
        }
        let shown = byte < 0x20 || byte >= 0x7F ? "a control or non-ASCII character" : "'\(Character(Unicode.Scalar(byte)))'"
        return Problem(line: line, reason: "TOML syntax: a table header needs a name, saw \(shown)")
    }

    @discardableResult
    private mutating func skipSpaces() -> Bool {
        let start = index
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
            index += 1
        }
        return index > start
    }

    /// At the first byte of a value that is not a string, array or inline
    /// table (a number, date, time or boolean): moves to the end of it, which
    /// is where the library stops too (whitespace, `,`, `]`, `}` or `#`;
    /// quotes and `=` are part of such a value), and checks what follows.
    private mutating func skipBareValue() -> Problem? {
        let start = index
        var characters: [UInt8] = []
        while index < bytes.count, !Self.endsBareValue(bytes[index], nonASCII: false) {
            let byte = bytes[index]
            if byte == 0 { return Problem(line: line, reason: Self.nulByte) }
            // The library counts characters, not bytes, and not `_` (a digit separator).
            if byte != UInt8(ascii: "_"), byte & 0xC0 != 0x80, characters.count <= 10 { characters.append(byte) }
            index += 1
        }
        if Self.isDateThenTWithoutTime(bytes[start..<index]) {
            return Problem(line: line, reason: "TOML syntax: a date-time needs a time after 'T' (1979-05-27T07:32:00)")
        }
        let readsAsDate = characters.count == 10 && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(characters[0])
            && characters[4] == UInt8(ascii: "-") && characters[7] == UInt8(ascii: "-")
        guard readsAsDate, index + 2 < bytes.count, bytes[index] == UInt8(ascii: " "),
              (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index + 1]), Self.endsBareValue(bytes[index + 2], nonASCII: true) else {
            return nil
        }
        return Problem(line: line, reason: "TOML syntax: a date followed by a lone digit; write a whole date-time (1979-05-27 07:32:00) or quote the value")
    }

    /// `YYYY-MM-DD` and `T` (or `t`) with no digit after it.
    private static func isDateThenTWithoutTime(_ value: ArraySlice<UInt8>) -> Bool {
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        let value = Array(value)
        guard value.count >= 11 else { return false }
        for (offset, byte) in value.prefix(10).enumerated() {
            let isDash = offset == 4 || offset == 7
            guard isDash ? byte == UInt8(ascii: "-") : digits.contains(byte) else { return false }
        }
        guard value[10] == UInt8(ascii: "T") || value[10] == UInt8(ascii: "t") else { return false }
        return value.count == 11 || !digits.contains(value[11])
    }

    /// Where the library's scan of a bare value stops. It also stops at
    /// non-ASCII whitespace (and then reports an error): `nonASCII` says
    /// whether to count any non-ASCII byte as such a stop. Going on over them
    /// while skipping a value, and stopping at them where a stop means a
    /// crash, errs on the side of rejecting text the library rejects anyway.
    private static func endsBareValue(_ byte: UInt8, nonASCII: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C,
             UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "#"):
            true
        default:
            nonASCII && byte >= 0x80
        }
    }

    /// At a quote: moves past the string (one-line or multi-line, basic or
    /// literal). Leaves `index` past the end of the text when the string does
    /// not close where the library would close it.
    private mutating func skipString() -> Problem? {
        let quote = bytes[index]
        let escapes = quote == UInt8(ascii: "\"")
        let multiline = index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
        index += multiline ? 3 : 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0 { return Problem(line: line, reason: Self.nulByte) }
            if escapes, byte == UInt8(ascii: "\\") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { line += 1 }
                index += 2
                continue
            }
            if byte == UInt8(ascii: "\n") {
                // A one-line string cannot span lines: the library stops here.
                guard multiline else { index = bytes.count + 1; return nil }
                line += 1
            }
            if byte == quote {
                if !multiline {
                    index += 1
                    return nil
                }
                if index + 2 < bytes.count, bytes[index + 1] == quote, bytes[index + 2] == quote {
                    index += 3
                    // Up to two more quotes belong to the string's content.
                    var extra = 0
                    while extra < 2, index < bytes.count, bytes[index] == quote {
                        index += 1
                        extra += 1
                    }
                    return nil
                }
            }
            index += 1
        }
        index = bytes.count + 1
        return nil
    }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
