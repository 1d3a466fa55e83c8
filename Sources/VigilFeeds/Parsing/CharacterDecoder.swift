#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VigilBytes

/// Chooses a feed's character encoding and converts it to UTF-8.
///
/// The choice follows RFC 7303 as feed readers apply it: the byte order mark
/// and the first bytes ("<?xm" in UTF-16/32), the XML declaration, and the
/// HTTP `Content-Type` charset, with the media type deciding which wins
/// (`text/xml` without charset means US-ASCII). Candidates are tried in order
/// and the first that decodes without error is used; if none does, the bytes
/// are read as UTF-8 with invalid sequences replaced. Never fails.
public enum CharacterDecoder {
    public static func decode(_ bytes: [UInt8], contentType: String? = nil) -> DecodedDocument {
        var data = bytes[...]
        var bomEncoding = ""
        func starts(with prefix: [UInt8]) -> Bool { data.starts(with: prefix) }
        if starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            bomEncoding = "utf-32be"; data = data.dropFirst(4)
        } else if starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            bomEncoding = "utf-32le"; data = data.dropFirst(4)
        } else if starts(with: [0xFE, 0xFF]) {
            bomEncoding = "utf-16be"; data = data.dropFirst(2)
        } else if starts(with: [0xFF, 0xFE]) {
            bomEncoding = "utf-16le"; data = data.dropFirst(2)
        } else if starts(with: [0xEF, 0xBB, 0xBF]) {
            bomEncoding = "utf-8"; data = data.dropFirst(3)
        } else if starts(with: [0x00, 0x00, 0x00, 0x3C]) {
            bomEncoding = "utf-32be"
        } else if starts(with: [0x3C, 0x00, 0x00, 0x00]) {
            bomEncoding = "utf-32le"
        } else if starts(with: [0x00, 0x3C, 0x00, 0x3F]) {
            bomEncoding = "utf-16be"
        } else if starts(with: [0x3C, 0x00, 0x3F, 0x00]) {
            bomEncoding = "utf-16le"
        }

        var xmlEncoding = declaredEncoding(in: data, bomEncoding: bomEncoding)?.lowercased() ?? ""
        let unicodeFamilies: Set<String> = [
            "u16", "utf-16", "utf16", "utf_16", "u32", "utf-32", "utf32", "utf_32",
            "iso-10646-ucs-2", "iso-10646-ucs-4", "csucs4", "csunicode", "ucs-2", "ucs-4",
        ]
        if !bomEncoding.isEmpty, unicodeFamilies.contains(xmlEncoding) { xmlEncoding = bomEncoding }

        let (mediaType, httpEncoding) = parseContentType(contentType)
        var problems: [String] = []
        var acceptable = false
        var isJSON = false
        let preferred: String
        let firstByte = data.first { !ASCII.isWhitespace($0) }
        if ["application/xml", "application/xml-dtd", "application/xml-external-parsed-entity"].contains(mediaType)
            || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+xml")) {
            acceptable = true
            preferred = httpEncoding ?? (xmlEncoding.isEmpty ? "utf-8" : xmlEncoding)
        } else if ["text/xml", "text/xml-external-parsed-entity"].contains(mediaType)
            || (mediaType.hasPrefix("text/") && mediaType.hasSuffix("+xml")) {
            acceptable = true
            preferred = httpEncoding ?? "us-ascii"
        } else if ["application/feed+json", "application/json"].contains(mediaType)
            || (mediaType.isEmpty && firstByte == UInt8(ascii: "{")) {
            acceptable = true
            isJSON = true
            preferred = httpEncoding ?? "utf-8"
        } else if mediaType.hasPrefix("text/") {
            preferred = httpEncoding ?? "us-ascii"
        } else {
            preferred = xmlEncoding.isEmpty ? "utf-8" : xmlEncoding
        }
        var rfcEncoding = preferred.lowercased() == "gb2312" ? "gb18030" : preferred
        if xmlEncoding == "gb2312" { xmlEncoding = "gb18030" }
        if let contentType, !contentType.isEmpty, !acceptable {
            problems.append("\(contentType) is not an XML media type")
        }

        var tried: [String] = []
        for candidate in [rfcEncoding, xmlEncoding, bomEncoding, "utf-8", "windows-1252", "iso-8859-2"] {
            guard !candidate.isEmpty, !tried.contains(candidate) else { continue }
            tried.append(candidate)
            // Valid UTF-8 without a byte order mark is used as it came, not copied.
            let unchanged = data.count == bytes.count && canonicalName(candidate) == "utf-8" && isValidUTF8(data)
            if let utf8 = unchanged ? bytes : convert(data, from: candidate, strict: true) {
                if candidate != rfcEncoding {
                    problems.append("document declared as \(rfcEncoding), but parsed as \(candidate)")
                    rfcEncoding = candidate
                }
                return DecodedDocument(utf8: utf8, encoding: rfcEncoding, problems: problems, isJSON: isJSON)
            }
        }
        problems.append("no encoding decodes the document; read as utf-8 with invalid bytes replaced")
        let utf8 = convert(data, from: "utf-8", strict: false) ?? []
        return DecodedDocument(utf8: utf8, encoding: "", problems: problems, isJSON: isJSON)
    }

    /// The media type (lowercased) and the charset parameter of a Content-Type value.
    static func parseContentType(_ value: String?) -> (mediaType: String, charset: String?) {
        guard let value else { return ("", nil) }
        let parts = value.split(separator: ";", omittingEmptySubsequences: false)
        let mediaType = parts.first.map { String($0).trimmingASCIIWhitespace().lowercased() } ?? ""
        var charset: String?
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, String(pair[0]).trimmingASCIIWhitespace().lowercased() == "charset" else { continue }
            let raw = String(pair[1]).trimmingASCIIWhitespace().filter { $0 != "\"" && $0 != "'" }
            if !raw.isEmpty { charset = raw }
        }
        return (mediaType, charset)
    }

    /// The `encoding` of an XML declaration at the start of `data`, read in the sniffed encoding.
    private static func declaredEncoding(in data: ArraySlice<UInt8>, bomEncoding: String) -> String? {
        var head: [UInt8] = []
        let prefix = data.prefix(1024)
        switch bomEncoding {
        case "utf-16be", "utf-16le", "utf-32be", "utf-32le":
            head = convert(prefix, from: bomEncoding, strict: false) ?? []
        default:
            head = Array(prefix)
        }
        guard head.starts(with: Array("<?xml".utf8)), let end = head.firstIndex(of: ASCII.greaterThan) else { return nil }
        let declaration = String(decoding: head[..<end], as: UTF8.self)
        guard let value = pseudoAttribute("encoding", in: declaration), !value.isEmpty else { return nil }
        return value
    }

    private static func pseudoAttribute(_ name: String, in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        let key = Array(name.unicodeScalars)
        var index = 0
        while index + key.count <= scalars.count {
            if Array(scalars[index..<(index + key.count)]) == key {
                var cursor = index + key.count
                while cursor < scalars.count, scalars[cursor] == " " || scalars[cursor] == "=" || scalars[cursor] == "\t" { cursor += 1 }
                guard cursor < scalars.count, scalars[cursor] == "\"" || scalars[cursor] == "'" else { return nil }
                let quote = scalars[cursor]
                var value = ""
                cursor += 1
                while cursor < scalars.count, scalars[cursor] != quote {
                    value.unicodeScalars.append(scalars[cursor])
                    cursor += 1
                }
                return value
            }
            index += 1
        }
        return nil
    }

    /// `data` converted from `encoding` to UTF-8; nil when `strict` and a byte
    /// sequence is invalid, or when the encoding is unknown.
    static func convert(_ data: ArraySlice<UInt8>, from encoding: String, strict: Bool) -> [UInt8]? {
        switch canonicalName(encoding) {
        case "utf-8":
            if isValidUTF8(data) { return Array(data) }
            if strict { return nil }
            return Array(String(decoding: data, as: UTF8.self).utf8)
        case "us-ascii":
            if data.allSatisfy({ $0 < 0x80 }) { return Array(data) }
            if strict { return nil }
            return data.flatMap { $0 < 0x80 ? [$0] : [0xEF, 0xBF, 0xBD] }
        case "iso-8859-1":
            return latin1ToUTF8(data)
        case let name:
            return convertWithIconv(data, from: name == encoding.lowercased().replacingUnderscores() ? encoding : name, strict: strict)
        }
    }

    /// ISO-8859-1 maps every byte to the scalar of the same value: at most two UTF-8 bytes
    /// each, written into storage sized once.
    private static func latin1ToUTF8(_ data: ArraySlice<UInt8>) -> [UInt8] {
        data.withUnsafeBufferPointer { input in
            [UInt8](unsafeUninitializedCapacity: input.count * 2) { output, initializedCount in
                var read = 0
                var written = 0
                while read < input.count {
                    // ASCII, most of any Latin-1 feed, is copied eight bytes a step.
                    if read + 8 <= input.count {
                        let word = ByteLanes.load(input, at: read)
                        if word & 0x8080_8080_8080_8080 == 0 {
                            UnsafeMutableRawPointer(output.baseAddress! + written).storeBytes(of: word.littleEndian, as: UInt64.self)
                            read += 8
                            written += 8
                            continue
                        }
                    }
                    let byte = input[read]
                    read += 1
                    if byte < 0x80 {
                        output[written] = byte
                        written += 1
                    } else {
                        output[written] = 0xC0 | (byte >> 6)
                        output[written + 1] = 0x80 | (byte & 0x3F)
                        written += 2
                    }
                }
                initializedCount = written
            }
        }
    }

    private static func canonicalName(_ encoding: String) -> String {
        let name = encoding.lowercased().replacingUnderscores()
        switch name {
        case "utf-8", "utf8", "u8", "utf": return "utf-8"
        case "us-ascii", "ascii", "ansi-x3.4-1968", "646", "us": return "us-ascii"
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "8859", "cp819", "iso-ir-100", "iso8859": return "iso-8859-1"
        case "utf-16", "utf16", "u16": return "utf-16le"
        case "utf-32", "utf32", "u32": return "utf-32le"
        case "gb2312": return "gb18030"
        default: return name
        }
    }

    private static func isValidUTF8(_ data: ArraySlice<UInt8>) -> Bool {
        data.withUnsafeBufferPointer { String.isWellFormedUTF8($0) }
    }

    private static func convertWithIconv(_ data: ArraySlice<UInt8>, from encoding: String, strict: Bool) -> [UInt8]? {
        let converter = iconv_open("UTF-8", encoding.uppercased())
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: data.count * 4 + 16)
        var produced = 0
        var input = Array(data)
        let ok: Bool = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inPointer = UnsafeMutableRawPointer(inputBuffer.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
                var inLeft = inputBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outputBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = outputBuffer.count
                while inLeft > 0 {
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    if result != -1 { break }
                    // Invalid or truncated sequence: fail, or write U+FFFD and skip a byte.
                    if strict || outLeft < 3 { return false }
                    for byte: UInt8 in [0xEF, 0xBF, 0xBD] {
                        outPointer?.pointee = CChar(bitPattern: byte)
                        outPointer = outPointer.map { $0 + 1 }
                    }
                    outLeft -= 3
                    inPointer = inPointer.map { $0 + 1 }
                    inLeft -= 1
                }
                produced = outputBuffer.count - outLeft
                return true
            }
        }
        guard ok else { return nil }
        output.removeSubrange(produced...)
        // The tokenizer relies on its input being well-formed; a converter is not trusted blindly.
        if !isValidUTF8(output[...]) { return Array(String(decoding: output, as: UTF8.self).utf8) }
        return output
    }
}

private extension String {
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
