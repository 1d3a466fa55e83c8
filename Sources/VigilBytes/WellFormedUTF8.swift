extension String {
    /// A string made from bytes the caller has already proven to be well-formed UTF-8,
    /// copied without checking them again.
    ///
    /// Feed text is validated once, when the document is decoded; every piece cut from it
    /// at ASCII boundaries (and every decoded entity appended to such a piece) is well-formed
    /// too. Checking each piece again cost about a tenth of the parser's time. Callers that
    /// cannot prove it must use `String(decoding:as:)`; debug builds verify the claim.
    package init(wellFormedUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        assert(String(validating: bytes, as: UTF8.self) != nil, "bytes claimed to be well-formed UTF-8 are not")
        if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
            self = String(copying: UTF8Span(unchecked: bytes.span))
        } else {
            self = String(decoding: bytes, as: UTF8.self)
        }
    }

    /// `init(wellFormedUTF8:)` for the contents of an array.
    package init(wellFormedUTF8 bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { String(wellFormedUTF8: $0) }
    }

    /// Whether `bytes` are well-formed UTF-8 (shortest forms, no surrogates, nothing past
    /// U+10FFFF), checked sixteen bytes a step through ASCII runs.
    package static func isWellFormedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            while index + 16 <= count,
                  (ByteLanes.load(bytes, at: index) | ByteLanes.load(bytes, at: index + 8)) & ByteLanes.highBits == 0 {
                index += 16
            }
            while index + 8 <= count, ByteLanes.load(bytes, at: index) & ByteLanes.highBits == 0 {
                index += 8
            }
            guard index < count else { break }
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            let length: Int
            var minimum: UInt32
            var value: UInt32
            if byte & 0xE0 == 0xC0 { length = 2; minimum = 0x80; value = UInt32(byte & 0x1F) }
            else if byte & 0xF0 == 0xE0 { length = 3; minimum = 0x800; value = UInt32(byte & 0x0F) }
            else if byte & 0xF8 == 0xF0 { length = 4; minimum = 0x10000; value = UInt32(byte & 0x07) }
            else { return false }
            guard index + length <= count else { return false }
            for offset in 1..<length {
                let continuation = bytes[index + offset]
                guard continuation & 0xC0 == 0x80 else { return false }
                value = value << 6 | UInt32(continuation & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return false }
            index += length
        }
        return true
    }
}
