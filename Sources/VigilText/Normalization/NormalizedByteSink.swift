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

    /// Consumes, from `start`, plain ASCII that would change nothing for the sink
    /// but whether the last byte was part of a word, and returns where it stopped:
    /// most feed text is words that begin no name, and skipping them in a tight
    /// loop is what makes matching cheaper than normalising byte by byte. The
    /// scanner's own state is passed in so that skipped whitespace still counts.
    mutating func skipIdle(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int,
        pendingSeparator: inout Int32, emittedAnything: inout Bool, previousBoundaryFree: inout Bool
    ) -> Int
}

extension NormalizedByteSink {
    /// Sinks that want every byte skip nothing.
    @inline(__always)
    mutating func skipIdle(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int,
        pendingSeparator: inout Int32, emittedAnything: inout Bool, previousBoundaryFree: inout Bool
    ) -> Int {
        start
    }
}
