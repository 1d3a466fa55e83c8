/// Where the feature passes put the n-gram occurrences of a sentence, given as the
/// hashed slot of each occurrence: a running sum of slot-table entries when
/// scoring, a list of slots when training. Handing over a whole sentence's slots at
/// once lets the scoring sum load its table entries in a loop that does nothing
/// else, so that their cache misses overlap.
protocol NgramSink {
    mutating func words(_ slots: UnsafeBufferPointer<UInt32>)
    mutating func characters(_ slots: UnsafeBufferPointer<UInt32>)
}
