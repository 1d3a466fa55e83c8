/// An element name of up to 16 ASCII letters and digits, lowercased, packed big-endian.
struct PackedName: Equatable {
    var high: UInt64 = 0
    var low: UInt64 = 0

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count <= 16 else { return nil }
        for (index, byte) in bytes.enumerated() {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            if index < 8 {
                high |= UInt64(lower) << (56 - 8 * UInt64(index))
            } else {
                low |= UInt64(lower) << (56 - 8 * UInt64(index - 8))
            }
        }
    }

    init?(_ name: String) {
        var name = name
        guard let packed = name.withUTF8({ PackedName($0) }) else { return nil }
        self = packed
    }
}
