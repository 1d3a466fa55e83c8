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
}
