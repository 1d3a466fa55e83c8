/// An `AutomatonRunner` that is handed every normalised byte, skipping nothing:
/// the plain reading that `AutomatonRunner.consumeASCII` must agree with, kept so
/// that tests can compare the two over real text.
struct EveryByteRunner: NormalizedByteSink {
    var runner: AutomatonRunner

    @inline(__always)
    mutating func take(_ byte: UInt8, origin: Int32, first: Bool, last: Bool) {
        runner.take(byte, origin: origin, first: first, last: last)
    }
}
