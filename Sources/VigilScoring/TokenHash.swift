/// The hashes features are built from: FNV-1a over Unicode scalar values, so that
/// the same token hashes the same on every platform and in every model file.
enum TokenHash {
    static let basis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    @inline(__always)
    static func step(_ hash: UInt64, _ scalar: UInt32) -> UInt64 {
        (hash ^ UInt64(scalar)) &* prime
    }

    static func word(_ scalars: [UInt32]) -> UInt64 {
        var hash = basis
        for scalar in scalars { hash = step(hash, scalar) }
        return hash
    }

    /// An order-dependent combination of two token hashes (for bigrams and phrases).
    @inline(__always)
    static func pair(_ first: UInt64, _ second: UInt64) -> UInt64 {
        finalize(first &* 0x9E37_79B9_7F4A_7C15 ^ (second &+ 0x632B_E59B_D9B4_E019))
    }

    /// A final avalanche, so that the low bits used as a slot are well mixed.
    @inline(__always)
    static func finalize(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        z = (z ^ (z >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return z ^ (z >> 33)
    }
}
