import VigilText

/// One fuzz input through the HTML-to-text extractor: an entry body as a
/// hostile feed author could write it.
///
/// The bytes go in unchanged through the UTF-8 entry point (the libFuzzer buffer
/// itself, so the address sanitizer sees any read past its end), and, decoded to
/// a string, through the `String` entry point and the whitespace normaliser,
/// which trust their input to be well-formed and must keep it so (the fuzz build
/// checks that claim with assertions on). Besides not failing, the text must be
/// what the extractor documents: the same from both entry points, and already
/// normal (outside `<pre>`), so normalising it again changes nothing.
enum HTMLTextFuzzTarget {
    static func run(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        let extractor = HTMLTextExtractor()
        let bytes = UnsafeBufferPointer(start: size > 0 ? data : nil, count: size)
        let fromBytes = extractor.text(fromUTF8: bytes)
        let html = String(decoding: bytes, as: UTF8.self)
        let fromString = extractor.text(fromHTML: html)
        if String(validating: bytes, as: UTF8.self) != nil, fromBytes != fromString {
            fatalError("the UTF-8 and String entry points disagree on well-formed input")
        }
        if !html.lowercased().contains("<pre"), HTMLTextExtractor.normalizeWhitespace(fromString) != fromString {
            fatalError("extracted text is not normal: normalising it changed it")
        }
        let normalized = HTMLTextExtractor.normalizeWhitespace(html)
        if HTMLTextExtractor.normalizeWhitespace(normalized) != normalized {
            fatalError("normalising whitespace twice changed the text")
        }
        return 0
    }
}
