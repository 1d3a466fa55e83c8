#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VigilBytes

/// A tolerant pull tokenizer over UTF-8 bytes: call `next()` until it returns nil.
///
/// It never throws and never stops early: what XML forbids (a bare `&`, an
/// unquoted attribute, a truncated tag) is repaired the way feed readers
/// repair it and recorded in `problems`. Entities are decoded in text and
/// attribute values: the five XML ones, numeric references, every HTML named
/// entity (feeds use them inside XML) and entities declared in the internal
/// DTD subset. External entities are never loaded, and internal expansion is
/// bounded in depth and size so "billion laughs" ends quickly with a problem.
///
/// The input must already be UTF-8; `FeedDecoder` turns other encodings into it.
public struct XMLTokenizer: Sendable {
    /// Bounds on internal entity expansion.
    public struct Limits: Sendable {
        /// How deep declared entities may refer to other declared entities.
        public var maximumEntityDepth: Int
        /// How many bytes all declared-entity expansions of a document may produce together.
        public var maximumExpandedBytes: Int

        public init(maximumEntityDepth: Int = 8, maximumExpandedBytes: Int = 1 << 20) {
            self.maximumEntityDepth = maximumEntityDepth
            self.maximumExpandedBytes = maximumExpandedBytes
        }
    }

    /// Everything repaired so far, in document order (at most `maximumProblems`; see `unlistedProblemCount`).
    public private(set) var problems: [XMLProblem] = []
    /// Problems beyond `maximumProblems`, counted but not kept: a file of a million
    /// bare `&` must not cost a million problem values.
    public private(set) var unlistedProblemCount = 0
    public static let maximumProblems = 1000

    private let bytes: [UInt8]
    private var position: Int
    private let limits: Limits
    private var declaredEntities: [String: [UInt8]] = [:]
    private var externalEntities: Set<String> = []
    private var expandedBytes = 0
    private var expansionLimitReported = false
    /// Whether the input is well-formed UTF-8. Every token is cut at ASCII bytes and
    /// entities add whole characters, so then no token's text needs checking again.
    private let isWellFormed: Bool
    /// Room for decoded text, reused for every text of the document (see `decode`).
    private var scratch: [UInt8] = []

    /// Starts at the beginning of `bytes`, skipping a UTF-8 byte order mark.
    public init(utf8 bytes: [UInt8], limits: Limits = Limits()) {
        self.init(utf8: bytes, limits: limits, isWellFormed: bytes.withUnsafeBufferPointer(String.isWellFormedUTF8))
    }

    /// - Parameter isWellFormed: whether `bytes` are known to be well-formed UTF-8
    ///   (`CharacterDecoder` output always is), which spares checking them again.
    init(utf8 bytes: [UInt8], limits: Limits, isWellFormed: Bool) {
        self.bytes = bytes
        self.limits = limits
        self.isWellFormed = isWellFormed
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            position = 3
        } else {
            position = 0
        }
    }

    /// The byte offset the next token starts at.
    public var offset: Int { position }

    /// The next token, or nil at the end of the input.
    public mutating func next() -> XMLToken? {
        while position < bytes.count {
            if bytes[position] == ASCII.lessThan {
                if let token = markup() { return token }
                // markup() consumed something that yields no token (or stray text).
                continue
            }
            return text()
        }
        return nil
    }

    // MARK: - Text

    private mutating func text() -> XMLToken {
        let start = position
        let end = find(ASCII.lessThan, from: start) ?? bytes.count
        position = end
        return .text(decode(start, end, isAttribute: false))
    }

    // MARK: - Markup

    /// Reads the markup at `position` (which holds `<`). Returns nil when the
    /// markup yields no token; a stray `<` becomes a one-character text token.
    private mutating func markup() -> XMLToken? {
        let start = position
        guard start + 1 < bytes.count else {
            position = bytes.count
            report(XMLProblem(.unexpectedEndOfInput, at: start, "'<' at end"))
            return nil
        }
        let second = bytes[start + 1]
        switch second {
        case ASCII.slash:
            return endTag()
        case ASCII.exclamation:
            if hasPrefix("<!--", at: start) { return comment() }
            if hasPrefix("<![CDATA[", at: start) { return cdata() }
            if hasPrefixIgnoringCase("<!DOCTYPE", at: start) { return doctype() }
            // Some other declaration (<!ELEMENT at top level, <![if ...]>): skip it.
            let end = find(ASCII.greaterThan, from: start + 2)
            report(XMLProblem(.malformed, at: start, "unknown declaration"))
            position = end.map { $0 + 1 } ?? bytes.count
            return nil
        case ASCII.question:
            return processingInstruction()
        default:
            if ASCII.isNameStart(second) { return startTag() }
            report(XMLProblem(.strayLessThan, at: start))
            position = start + 1
            return .text("<")
        }
    }

    private mutating func startTag() -> XMLToken? {
        let tagStart = position
        position += 1
        let name = readName()
        var attributes: [XMLAttribute] = []
        var attributeNames: Set<String> = []
        while true {
            skipWhitespace()
            guard position < bytes.count else {
                report(XMLProblem(.unexpectedEndOfInput, at: tagStart, "in start tag <\(name)>"))
                return nil
            }
            let byte = bytes[position]
            if byte == ASCII.greaterThan {
                position += 1
                return .startTag(name: name, attributes: attributes, selfClosing: false)
            }
            if byte == ASCII.slash {
                if position + 1 < bytes.count, bytes[position + 1] == ASCII.greaterThan {
                    position += 2
                    return .startTag(name: name, attributes: attributes, selfClosing: true)
                }
                position += 1
                report(XMLProblem(.malformed, at: position - 1, "'/' inside <\(name)>"))
                continue
            }
            if byte == ASCII.lessThan {
                // The tag never closed; end it here and let the '<' start the next markup.
                report(XMLProblem(.malformed, at: position, "unterminated start tag <\(name)>"))
                return .startTag(name: name, attributes: attributes, selfClosing: false)
            }
            let attributeStart = position
            let attributeName = readAttributeName()
            if attributeName.isEmpty {
                // A character no name starts with (e.g. a stray quote): drop it.
                report(XMLProblem(.malformedAttribute, at: attributeStart, "in <\(name)>"))
                position += 1
                continue
            }
            skipWhitespace()
            var value = ""
            if position < bytes.count, bytes[position] == ASCII.equals {
                position += 1
                skipWhitespace()
                guard let attributeValue = readAttributeValue(tagName: name, tagStart: tagStart) else {
                    return nil
                }
                value = attributeValue
            } else {
                report(XMLProblem(.malformedAttribute, at: attributeStart, "\(attributeName) without value"))
                value = attributeName
            }
            // A linear check for the usual handful; a set once a tag has many (no quadratic blow-up).
            let repeated = attributes.count < 16
                ? attributes.contains(where: { $0.name == attributeName })
                : !attributeNames.insert(attributeName).inserted
            if attributes.count == 15 { attributeNames = Set(attributes.map(\.name)) }
            if repeated {
                report(XMLProblem(.malformedAttribute, at: attributeStart, "repeated \(attributeName)"))
            } else {
                attributes.append(XMLAttribute(name: attributeName, value: value))
            }
        }
    }

    private mutating func readAttributeValue(tagName: String, tagStart: Int) -> String? {
        guard position < bytes.count else {
            report(XMLProblem(.unexpectedEndOfInput, at: tagStart, "in start tag <\(tagName)>"))
            return nil
        }
        let quote = bytes[position]
        if quote == ASCII.doubleQuote || quote == ASCII.singleQuote {
            guard let close = find(quote, from: position + 1) else {
                report(XMLProblem(.unexpectedEndOfInput, at: tagStart, "in attribute value of <\(tagName)>"))
                position = bytes.count
                return nil
            }
            let value = decode(position + 1, close, isAttribute: true)
            position = close + 1
            return value
        }
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if ASCII.isWhitespace(byte) || byte == ASCII.greaterThan { break }
            position += 1
        }
        report(XMLProblem(.malformedAttribute, at: start, "unquoted value in <\(tagName)>"))
        return decode(start, position, isAttribute: true)
    }

    private mutating func endTag() -> XMLToken? {
        let start = position
        position += 2
        let name = readName()
        guard let close = find(ASCII.greaterThan, from: position) else {
            report(XMLProblem(.unexpectedEndOfInput, at: start, "in end tag </\(name)>"))
            position = bytes.count
            return nil
        }
        for index in position..<close where !ASCII.isWhitespace(bytes[index]) {
            report(XMLProblem(.malformed, at: index, "junk in end tag </\(name)>"))
            break
        }
        position = close + 1
        if name.isEmpty {
            report(XMLProblem(.malformed, at: start, "end tag without a name"))
            return nil
        }
        return .endTag(name: name)
    }

    private mutating func comment() -> XMLToken? {
        let start = position
        guard let end = find("-->", from: start + 4) else {
            report(XMLProblem(.unexpectedEndOfInput, at: start, "in comment"))
            position = bytes.count
            return nil
        }
        position = end + 3
        return .comment(string(start + 4, end))
    }

    private mutating func cdata() -> XMLToken? {
        let start = position
        let contentStart = start + 9
        guard let end = find("]]>", from: contentStart) else {
            // A truncated CDATA section still carries the text the feed sent.
            report(XMLProblem(.unexpectedEndOfInput, at: start, "in CDATA section"))
            position = bytes.count
            return .cdata(string(contentStart, bytes.count))
        }
        position = end + 3
        return .cdata(string(contentStart, end))
    }

    private mutating func processingInstruction() -> XMLToken? {
        let start = position
        position += 2
        let target = readName()
        guard let end = find("?>", from: position) else {
            report(XMLProblem(.unexpectedEndOfInput, at: start, "in processing instruction"))
            position = bytes.count
            return nil
        }
        var dataStart = position
        while dataStart < end, ASCII.isWhitespace(bytes[dataStart]) { dataStart += 1 }
        position = end + 2
        if target.isEmpty {
            report(XMLProblem(.malformed, at: start, "processing instruction without a target"))
        }
        return .processingInstruction(target: target, data: string(dataStart, end))
    }

    private mutating func doctype() -> XMLToken? {
        let start = position
        var index = start + 9
        var subsetStart: Int?
        var subsetEnd: Int?
        var quote: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == ASCII.doubleQuote || byte == ASCII.singleQuote {
                quote = byte
            } else if byte == ASCII.openBracket, subsetStart == nil {
                subsetStart = index + 1
                guard let close = subsetClose(from: index + 1) else { break }
                subsetEnd = close
                index = close
            } else if byte == ASCII.greaterThan {
                position = index + 1
                if let subsetStart, let subsetEnd {
                    declareEntities(subsetStart, subsetEnd)
                }
                return .doctype(string(start + 9, index).trimmingASCIIWhitespace())
            }
            index += 1
        }
        report(XMLProblem(.unexpectedEndOfInput, at: start, "in DOCTYPE"))
        position = bytes.count
        return nil
    }

    /// The index of the `]` closing an internal subset, skipping quoted strings and comments.
    private func subsetClose(from start: Int) -> Int? {
        var index = start
        var quote: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == ASCII.doubleQuote || byte == ASCII.singleQuote {
                quote = byte
            } else if byte == ASCII.lessThan, hasPrefix("<!--", at: index) {
                guard let end = find("-->", from: index + 4) else { return nil }
                index = end + 2
            } else if byte == ASCII.closeBracket {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Records `<!ENTITY name "value">` declarations; external ones are reported, never loaded.
    private mutating func declareEntities(_ start: Int, _ end: Int) {
        var index = start
        while let declaration = find("<!ENTITY", from: index), declaration < end {
            var cursor = declaration + 8
            func skipSpace() {
                while cursor < end, ASCII.isWhitespace(bytes[cursor]) { cursor += 1 }
            }
            skipSpace()
            var isParameter = false
            if cursor < end, bytes[cursor] == ASCII.percent {
                isParameter = true
                cursor += 1
                skipSpace()
            }
            let nameStart = cursor
            while cursor < end, !ASCII.isWhitespace(bytes[cursor]), bytes[cursor] != ASCII.greaterThan { cursor += 1 }
            let name = string(nameStart, cursor)
            skipSpace()
            guard cursor < end else { break }
            let opener = bytes[cursor]
            if opener == ASCII.doubleQuote || opener == ASCII.singleQuote {
                guard let close = find(opener, from: cursor + 1), close <= end else { break }
                if !isParameter, declaredEntities[name] == nil {
                    declaredEntities[name] = Array(bytes[(cursor + 1)..<close])
                }
                index = close + 1
            } else {
                // SYSTEM or PUBLIC: an external entity. Loading it would let a feed read
                // local files or reach internal hosts (XXE); it is never done. Declaring
                // one is legal (XHTML entity sets); a reference to it is reported.
                if !isParameter { externalEntities.insert(name) }
                index = find(ASCII.greaterThan, from: cursor) ?? end
            }
        }
    }

    // MARK: - Entity decoding

    /// Decodes `bytes[start..<end]`: references, CR LF line ends, and for
    /// attribute values the XML whitespace normalisation.
    private mutating func decode(_ start: Int, _ end: Int, isAttribute: Bool) -> String {
        // Most text needs no decoding: find the first byte that does, if any.
        let firstSpecial = Self.nextSpecial(in: bytes, from: start, to: end, isAttribute: isAttribute)
        guard firstSpecial < end else { return string(start, end) }
        // Escaped HTML is runs of text between `&lt;`, `&gt;`, `&amp;` and `&quot;`, each
        // decoding to fewer bytes than it takes: those are written straight into room for
        // the whole input, with no growth checks. Anything else hands over to the general
        // decoder at that point.
        if scratch.count < end - start {
            scratch = [UInt8](repeating: 0, count: max(end - start, 2 * scratch.count))
        }
        let source = bytes
        var resume = start
        var written = 0
        scratch.withUnsafeMutableBufferPointer { output in
            source.withUnsafeBufferPointer { input in
                var index = start
                var special = firstSpecial
                while true {
                    if special > index, let from = input.baseAddress, let to = output.baseAddress {
                        (to + written).update(from: from + index, count: special - index)
                        written += special - index
                    }
                    index = special
                    guard special < end, input[special] == ASCII.ampersand,
                          let (character, length) = Self.markupReference(in: source, at: special, end: end) else { break }
                    output[written] = character
                    written += 1
                    index = special + length
                    special = Self.nextSpecial(in: source, from: index, to: end, isAttribute: isAttribute)
                }
                resume = index
            }
        }
        if resume == end {
            return scratch.withUnsafeBufferPointer { buffer in
                let decoded = UnsafeBufferPointer(rebasing: buffer[0..<written])
                return isWellFormed ? String(wellFormedUTF8: decoded) : String(decoding: decoded, as: UTF8.self)
            }
        }
        var output = Array(scratch[0..<written])
        appendDecoded(from: bytes, resume, end, into: &output, isAttribute: isAttribute, depth: 0, baseOffset: start)
        return isWellFormed ? String(wellFormedUTF8: output) : String(decoding: output, as: UTF8.self)
    }

    private mutating func appendDecoded(
        from source: [UInt8], _ start: Int, _ end: Int, into output: inout [UInt8],
        isAttribute: Bool, depth: Int, baseOffset: Int
    ) {
        var index = start
        var runStart = start
        while index < end {
            // Ordinary bytes are copied in runs; only the special ones are looked at.
            index = Self.nextSpecial(in: source, from: index, to: end, isAttribute: isAttribute)
            guard index < end else { break }
            let byte = source[index]
            if runStart < index { Self.append(source, runStart, index, to: &output) }
            defer { runStart = index }
            switch byte {
            case ASCII.ampersand:
                if let (character, length) = Self.markupReference(in: source, at: index, end: end) {
                    output.append(character)
                    index += length
                } else {
                    index = appendReference(
                        from: source, at: index, end: end, into: &output,
                        isAttribute: isAttribute, depth: depth, baseOffset: baseOffset)
                }
            case ASCII.carriageReturn:
                output.append(isAttribute ? ASCII.space : ASCII.newline)
                if index + 1 < end, source[index + 1] == ASCII.newline { index += 1 }
                index += 1
            case ASCII.newline, ASCII.tab:
                output.append(isAttribute ? ASCII.space : byte)
                index += 1
            case 0x00..<0x20:
                // Control characters XML does not allow: dropped.
                report(XMLProblem(.malformed, at: depth == 0 ? index : baseOffset, "control character 0x\(String(byte, radix: 16))"))
                index += 1
            case 0xC2 where index + 1 < end && (0x80...0x9F).contains(source[index + 1]):
                // C1 controls in text are Windows-1252 punctuation mislabelled as Latin-1.
                let scalar = CharacterReference.character(forCodePoint: UInt32(source[index + 1])) ?? "\u{FFFD}"
                output.append(contentsOf: String(Character(scalar)).utf8)
                index += 2
            default:
                output.append(byte)
                index += 1
            }
        }
        if runStart < end { Self.append(source, runStart, end, to: &output) }
    }

    /// Appends `source[start..<end]` through its storage, without making an array slice.
    private static func append(_ source: [UInt8], _ start: Int, _ end: Int, to output: inout [UInt8]) {
        source.withUnsafeBufferPointer { buffer in
            output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<end]))
        }
    }

    /// `&lt;`, `&gt;`, `&amp;` or `&quot;` at `start`: the character and the reference's length.
    /// Escaped HTML is mostly these, so they are matched byte by byte before the general
    /// reader (which gives the same characters: no declaration can redefine them).
    private static func markupReference(in source: [UInt8], at start: Int, end: Int) -> (UInt8, Int)? {
        guard start + 3 < end else { return nil }
        let first = source[start + 1], second = source[start + 2], third = source[start + 3]
        if second == UInt8(ascii: "t"), third == ASCII.semicolon {
            if first == UInt8(ascii: "l") { return (ASCII.lessThan, 4) }
            if first == UInt8(ascii: "g") { return (ASCII.greaterThan, 4) }
            return nil
        }
        guard start + 4 < end else { return nil }
        let fourth = source[start + 4]
        if first == UInt8(ascii: "a"), second == UInt8(ascii: "m"), third == UInt8(ascii: "p"), fourth == ASCII.semicolon {
            return (ASCII.ampersand, 5)
        }
        if first == UInt8(ascii: "q"), second == UInt8(ascii: "u"), third == UInt8(ascii: "o"), fourth == UInt8(ascii: "t"),
           start + 5 < end, source[start + 5] == ASCII.semicolon {
            return (ASCII.doubleQuote, 6)
        }
        return nil
    }

    /// Appends what the reference at `start` (an `&`) stands for and returns the index after it.
    private mutating func appendReference(
        from source: [UInt8], at start: Int, end: Int, into output: inout [UInt8],
        isAttribute: Bool, depth: Int, baseOffset: Int
    ) -> Int {
        let offset = depth == 0 ? start : baseOffset
        var cursor = start + 1
        let maximumLength = HTMLEntities.longestNameLength + 2
        while cursor < end, cursor - start <= maximumLength, source[cursor] != ASCII.semicolon,
              ASCII.isReferenceCharacter(source[cursor]) {
            cursor += 1
        }
        guard cursor < end, source[cursor] == ASCII.semicolon, cursor > start + 1 else {
            report(XMLProblem(.bareAmpersand, at: offset))
            output.append(ASCII.ampersand)
            return start + 1
        }
        let nameStart = start + 1
        if source[nameStart] == ASCII.hash {
            appendCharacterReference(from: source, nameStart + 1, cursor, into: &output, offset: offset)
            return cursor + 1
        }
        // The five XML entities, recognised from their bytes without making a String.
        let length = cursor - nameStart
        if length == 2, source[nameStart + 1] == UInt8(ascii: "t") {
            if source[nameStart] == UInt8(ascii: "l") { output.append(ASCII.lessThan); return cursor + 1 }
            if source[nameStart] == UInt8(ascii: "g") { output.append(ASCII.greaterThan); return cursor + 1 }
        } else if length == 3, source[nameStart] == UInt8(ascii: "a"), source[nameStart + 1] == UInt8(ascii: "m"),
                  source[nameStart + 2] == UInt8(ascii: "p") {
            output.append(ASCII.ampersand)
            return cursor + 1
        }
        let name = String(decoding: source[nameStart..<cursor], as: UTF8.self)
        switch name {
        case "quot": output.append(ASCII.doubleQuote)
        case "apos": output.append(ASCII.singleQuote)
        default:
            if !externalEntities.isEmpty, externalEntities.contains(name) {
                report(XMLProblem(.externalEntity, at: offset, "&\(name);"))
            } else if !declaredEntities.isEmpty, let replacement = declaredEntities[name] {
                expandDeclared(name, replacement, into: &output, isAttribute: isAttribute, depth: depth, offset: offset)
            } else if name == "lang" || name == "rang" {
                // HTML 4 meanings: feeds predate HTML5's change to the mathematical brackets.
                output.append(contentsOf: (name == "lang" ? "\u{2329}" : "\u{232A}").utf8)
            } else if let characters = HTMLEntities.characters(named: name + ";") {
                output.append(contentsOf: characters.utf8)
            } else {
                report(XMLProblem(.undefinedEntity, at: offset, "&\(name);"))
                output.append(contentsOf: source[start...cursor])
            }
        }
        return cursor + 1
    }

    private mutating func expandDeclared(
        _ name: String, _ replacement: [UInt8], into output: inout [UInt8],
        isAttribute: Bool, depth: Int, offset: Int
    ) {
        guard depth < limits.maximumEntityDepth,
              expandedBytes + replacement.count <= limits.maximumExpandedBytes else {
            if !expansionLimitReported {
                expansionLimitReported = true
                report(XMLProblem(.entityExpansionLimit, at: offset, "&\(name);"))
            }
            return
        }
        expandedBytes += replacement.count
        appendDecoded(
            from: replacement, 0, replacement.count, into: &output,
            isAttribute: isAttribute, depth: depth + 1, baseOffset: offset)
    }

    private mutating func appendCharacterReference(
        from source: [UInt8], _ start: Int, _ end: Int, into output: inout [UInt8], offset: Int
    ) {
        var value: UInt32 = 0
        var index = start
        var radix: UInt32 = 10
        if index < end, source[index] == UInt8(ascii: "x") || source[index] == UInt8(ascii: "X") {
            radix = 16
            index += 1
        }
        var valid = index < end
        while index < end, valid {
            guard let digit = ASCIIDigit.value(source[index], radix: radix) else { valid = false; break }
            value = value &* radix &+ digit
            if value > 0x10FFFF { valid = false }
            index += 1
        }
        let scalar = valid ? CharacterReference.character(forCodePoint: value) : nil
        guard let scalar else {
            report(XMLProblem(.invalidCharacterReference, at: offset))
            output.append(contentsOf: [0xEF, 0xBF, 0xBD])
            return
        }
        output.append(contentsOf: String(Character(scalar)).utf8)
    }

    // MARK: - Scanning helpers

    /// The index of the first byte in `start..<end` that decoding must look at (`&`, the
    /// lead byte of a C1 control, a control character other than newline and tab in
    /// text), or `end`: byte by byte for a few bytes, then sixteen a step (`ByteLanes`).
    private static func nextSpecial(in source: [UInt8], from start: Int, to end: Int, isAttribute: Bool) -> Int {
        source.withUnsafeBufferPointer { buffer in
            // Escaped markup puts references a few bytes apart ("&lt;p&gt;"): short
            // distances are found byte by byte, before setting up the vector scan.
            var index = start
            let shortEnd = min(end, start + 16)
            while index < shortEnd {
                let byte = buffer[index]
                if byte == ASCII.ampersand || byte == 0xC2
                    || (byte < 0x20 && (isAttribute || (byte != ASCII.newline && byte != ASCII.tab))) {
                    return index
                }
                index += 1
            }
            guard index < end else { return end }
            // In attribute values every control character counts (0xFF stands for "none allowed").
            return ByteLanes.firstIndex(
                in: buffer, from: index, to: end,
                of: (ASCII.ampersand, 0xC2, ASCII.ampersand, ASCII.ampersand), controls: true,
                allowed: isAttribute ? (0xFF, 0xFF) : (ASCII.newline, ASCII.tab))
        }
    }

    private mutating func report(_ problem: XMLProblem) {
        if problems.count < Self.maximumProblems {
            problems.append(problem)
        } else {
            unlistedProblemCount += 1
        }
    }

    private mutating func readName() -> String {
        let start = position
        while position < bytes.count, ASCII.isNameCharacter(bytes[position]) { position += 1 }
        return string(start, position)
    }

    private mutating func readAttributeName() -> String {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if ASCII.isWhitespace(byte) || byte == ASCII.equals || byte == ASCII.greaterThan
                || byte == ASCII.slash || byte == ASCII.lessThan || byte == ASCII.doubleQuote
                || byte == ASCII.singleQuote {
                break
            }
            position += 1
        }
        return string(start, position)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, ASCII.isWhitespace(bytes[position]) { position += 1 }
    }

    private func string(_ start: Int, _ end: Int) -> String {
        guard start < end else { return "" }
        return bytes.withUnsafeBufferPointer { buffer in
            let piece = UnsafeBufferPointer(rebasing: buffer[start..<end])
            return isWellFormed ? String(wellFormedUTF8: piece) : String(decoding: piece, as: UTF8.self)
        }
    }

    private func find(_ byte: UInt8, from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            // memchr scans many bytes a step; the C library does it best.
            guard let base = buffer.baseAddress,
                  let found = memchr(base + start, Int32(byte), buffer.count - start) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    private func find(_ needle: StaticString, from start: Int) -> Int? {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first else { return start }
        var index = start
        while let candidate = find(first, from: index) {
            if candidate + pattern.count > bytes.count { return nil }
            var matches = true
            for offset in 1..<pattern.count where bytes[candidate + offset] != pattern[offset] {
                matches = false
                break
            }
            if matches { return candidate }
            index = candidate + 1
        }
        return nil
    }

    private func hasPrefix(_ prefix: StaticString, at start: Int) -> Bool {
        let pattern = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        guard start + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[start + offset] != pattern[offset] { return false }
        return true
    }

    private func hasPrefixIgnoringCase(_ prefix: StaticString, at start: Int) -> Bool {
        let pattern = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        guard start + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where ASCII.lowercased(bytes[start + offset]) != ASCII.lowercased(pattern[offset]) {
            return false
        }
        return true
    }
}

extension String {
    /// Without leading and trailing ASCII whitespace; the string itself (no copy) when there is none.
    func trimmingASCIIWhitespace() -> String {
        let bytes = utf8
        guard let firstByte = bytes.first, let lastByte = bytes.last else { return self }
        if !ASCII.isWhitespace(firstByte), !ASCII.isWhitespace(lastByte) { return self }
        guard let start = bytes.firstIndex(where: { !ASCII.isWhitespace($0) }),
              let last = bytes.lastIndex(where: { !ASCII.isWhitespace($0) }) else { return "" }
        // ASCII bytes are scalar boundaries, so these indexes cut between characters.
        return String(Substring(bytes[start...last]))
    }
}
