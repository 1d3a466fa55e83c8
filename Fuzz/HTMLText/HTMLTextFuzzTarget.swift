import VigilText

/// One fuzz input through the HTML-to-text extractor: an entry body as a
/// hostile feed author could write it.
///
/// The bytes go in unchanged through the UTF-8 entry point (the libFuzzer buffer
/// itself, so the address sanitizer sees any read past its end), and, decoded to
/// a string, through the `String` entry point and the whitespace normaliser,
/// which trust their input to be well-formed and must keep it so (the fuzz build
/// checks that claim with assertions on).
enum HTMLTextFuzzTarget {
    static func run(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        let extractor = HTMLTextExtractor()
        let bytes = UnsafeBufferPointer(start: size > 0 ? data : nil, count: size)
        let fromBytes = extractor.text(fromUTF8: bytes)
        let html = String(decoding: bytes, as: UTF8.self)
        let fromString = extractor.text(fromHTML: html)
        // Well-formed input takes the same path through both entry points.
        if String(validating: bytes, as: UTF8.self) != nil, fromBytes != fromString {
            fatalError("the UTF-8 and String entry points disagree on well-formed input")
        }
        _ = HTMLTextExtractor.normalizeWhitespace(html)
        return 0
    }
}
