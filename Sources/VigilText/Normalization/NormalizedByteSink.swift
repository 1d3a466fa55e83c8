/// Receives normalised text one byte at a time, with where each byte came from.
///
/// Normalisation feeds the matcher's automaton directly instead of building a
/// normalised copy of the text: feed text is large, names are rare, and the only
/// position the matcher must remember is where a name began.
protocol NormalizedByteSink {
    /// - Parameters:
    ///   - byte: the next byte of normalised UTF-8.
    ///   - origin: UTF-8 offset in the original text of the scalar it came from.
    ///   - first: the byte begins that scalar's folded form (a match may start here).
    ///   - last: the byte ends that scalar's folded form (a match may end here).
    mutating func take(_ byte: UInt8, origin: Int32, first: Bool, last: Bool)

    /// Consumes plain ASCII from `start` in a loop of the sink's own, exactly as
    /// the scanner would feed it, and returns where it stopped: most feed text is
    /// ASCII words that begin no name, and reading them word by word, without
    /// feeding what cannot matter, is what makes matching cheaper than
    /// normalising byte by byte. The scanner's own state is passed in so that
    /// whitespace still becomes one pending separator.
    mutating func consumeASCII(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int,
        pendingSeparator: inout Int32, emittedAnything: inout Bool, previousBoundaryFree: inout Bool
    ) -> Int
}

extension NormalizedByteSink {
    /// Sinks that want every byte from the scanner consume nothing themselves.
    @inline(__always)
    mutating func consumeASCII(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int,
        pendingSeparator: inout Int32, emittedAnything: inout Bool, previousBoundaryFree: inout Bool
    ) -> Int {
        start
    }
}
