import VigilBytes

extension Vigil.Scan {
    /// The fields `vigil scan --jsonl` reads from one input line, parsed straight from
    /// the bytes: going through `JSONSerialization` costs more than scoring a short text.
    ///
    /// The reader is strict and deliberately partial: it accepts only a well-formed JSON
    /// object whose `id`, if present, is a string or null and whose keys `id` and `text`
    /// occur at most once. Anything else (malformed input, a numeric id, a lone
    /// surrogate escape) makes `parse` return nil, and the caller falls back to
    /// `JSONSerialization`, so errors and echoed ids read exactly as they always have.
    struct InputLine {
        /// The `id` string, or nil when it is absent or null.
        var id: String?
        /// The `text` string, or nil when the object has none.
        var text: String?

        private static let maximumDepth = 64

        static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> InputLine? {
            var reader = Reader(bytes: bytes)
            var line = InputLine()
            var sawID = false
            reader.skipSpace()
            guard reader.take(UInt8(ascii: "{")) else { return nil }
            reader.skipSpace()
            if !reader.take(UInt8(ascii: "}")) {
                while true {
                    reader.skipSpace()
                    guard let key = reader.string() else { return nil }
                    reader.skipSpace()
                    guard reader.take(UInt8(ascii: ":")) else { return nil }
                    reader.skipSpace()
                    switch key {
                    case "text":
                        guard line.text == nil, reader.peek == UInt8(ascii: "\"") else {
                            // A second text, or one that is not a string: the general path decides.
                            return nil
                        }
                        guard let text = reader.string() else { return nil }
                        line.text = text
                    case "id":
                        guard !sawID else { return nil }
                        sawID = true
                        if reader.peek == UInt8(ascii: "\"") {
                            guard let id = reader.string() else { return nil }
                            line.id = id
                        } else if reader.literal("null") {
                            line.id = nil
                        } else {
                            return nil
                        }
                    default:
                        guard reader.skipValue(depth: 0, limit: maximumDepth) else { return nil }
                    }
                    reader.skipSpace()
                    if reader.take(UInt8(ascii: ",")) { continue }
                    guard reader.take(UInt8(ascii: "}")) else { return nil }
                    break
                }
            }
            reader.skipSpace()
            return reader.atEnd ? line : nil
        }

        /// A cursor over the bytes of one line.
        private struct Reader {
            let bytes: UnsafeBufferPointer<UInt8>
            var position = 0

            var atEnd: Bool { position >= bytes.count }
            var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

            mutating func skipSpace() {
                while position < bytes.count {
                    switch bytes[position] {
                    case 0x20, 0x09, 0x0A, 0x0D: position += 1
                    default: return
                    }
                }
            }

            mutating func take(_ byte: UInt8) -> Bool {
                guard position < bytes.count, bytes[position] == byte else { return false }
                position += 1
                return true
            }

            mutating func literal(_ word: StaticString) -> Bool {
                let count = word.utf8CodeUnitCount
                guard bytes.count - position >= count else { return false }
                for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { return false }
                position += count
                return true
            }

            /// A JSON string, decoded; nil if malformed, not valid UTF-8, or holding a lone surrogate.
            mutating func string() -> String? {
                guard take(UInt8(ascii: "\"")) else { return nil }
                let start = position
                // The common case: no escapes, taken as one slice of valid UTF-8.
                skipPlainRun()
                guard position < bytes.count else { return nil }
                if bytes[position] == UInt8(ascii: "\"") {
                    defer { position += 1 }
                    return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                }
                if bytes[position] < 0x20 { return nil }
                var decoded = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<position]))
                while position < bytes.count {
                    // Here the byte is a quote, a backslash or a control; the plain run after an escape is copied whole.
                    let byte = bytes[position]
                    position += 1
                    switch byte {
                    case UInt8(ascii: "\""):
                        return String(validating: decoded, as: UTF8.self)
                    case UInt8(ascii: "\\"):
                        guard position < bytes.count else { return nil }
                        let escape = bytes[position]
                        position += 1
                        switch escape {
                        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                        case UInt8(ascii: "b"): decoded.append(0x08)
                        case UInt8(ascii: "f"): decoded.append(0x0C)
                        case UInt8(ascii: "n"): decoded.append(0x0A)
                        case UInt8(ascii: "r"): decoded.append(0x0D)
                        case UInt8(ascii: "t"): decoded.append(0x09)
                        case UInt8(ascii: "u"):
                            guard var value = hex4() else { return nil }
                            if (0xD800..<0xDC00).contains(value) {
                                guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(),
                                      (0xDC00..<0xE000).contains(low)
                                else { return nil }
                                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                            } else if (0xDC00..<0xE000).contains(value) {
                                return nil
                            }
                            guard let scalar = Unicode.Scalar(value) else { return nil }
                            decoded.append(contentsOf: UTF8.encode(scalar)!)
                        default:
                            return nil
                        }
                    default:
                        return nil
                    }
                    let run = position
                    skipPlainRun()
                    decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<position]))
                }
                return nil
            }

            /// Moves to the next quote, backslash or control (or the end), many bytes a step.
            private mutating func skipPlainRun() {
                let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
                // No control is allowed: the two "allowed" bytes are not controls.
                position = ByteLanes.firstIndex(
                    in: bytes, from: position, to: bytes.count, of: (quote, backslash, quote, backslash),
                    controls: true, allowed: (quote, quote))
            }

            private mutating func hex4() -> UInt32? {
                guard bytes.count - position >= 4 else { return nil }
                var value: UInt32 = 0
                for _ in 0..<4 {
                    let byte = bytes[position]
                    position += 1
                    guard let digit = ASCIIDigit.value(byte, radix: 16) else { return nil }
                    value = value << 4 | digit
                }
                return value
            }

            /// Skips one JSON value, checking its grammar.
            mutating func skipValue(depth: Int, limit: Int) -> Bool {
                guard depth < limit, let byte = peek else { return false }
                switch byte {
                case UInt8(ascii: "\""):
                    return string() != nil
                case UInt8(ascii: "{"):
                    position += 1
                    skipSpace()
                    if take(UInt8(ascii: "}")) { return true }
                    while true {
                        skipSpace()
                        guard string() != nil else { return false }
                        skipSpace()
                        guard take(UInt8(ascii: ":")) else { return false }
                        skipSpace()
                        guard skipValue(depth: depth + 1, limit: limit) else { return false }
                        skipSpace()
                        if take(UInt8(ascii: ",")) { continue }
                        return take(UInt8(ascii: "}"))
                    }
                case UInt8(ascii: "["):
                    position += 1
                    skipSpace()
                    if take(UInt8(ascii: "]")) { return true }
                    while true {
                        skipSpace()
                        guard skipValue(depth: depth + 1, limit: limit) else { return false }
                        skipSpace()
                        if take(UInt8(ascii: ",")) { continue }
                        return take(UInt8(ascii: "]"))
                    }
                case UInt8(ascii: "t"): return literal("true")
                case UInt8(ascii: "f"): return literal("false")
                case UInt8(ascii: "n"): return literal("null")
                default: return number()
                }
            }

            /// Skips a plain number: -?(0|[1-9][0-9]*)(\.[0-9]+)? with at most 15 integer
            /// digits. An exponent or a longer number may not fit a Double, which
            /// `JSONSerialization` refuses; it is left to that path so the answer stays its.
            private mutating func number() -> Bool {
                func digits() -> Int {
                    let start = position
                    while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
                    return position - start
                }
                _ = take(UInt8(ascii: "-"))
                if take(UInt8(ascii: "0")) {
                    // no leading zeros
                } else {
                    let integerDigits = digits()
                    guard integerDigits > 0, integerDigits <= 15 else { return false }
                }
                if take(UInt8(ascii: ".")) { guard digits() > 0 else { return false } }
                if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
                    return false
                }
                return true
            }
        }
    }
}
