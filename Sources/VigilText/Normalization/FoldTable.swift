/// The scalar fold, computed once per process for the Basic Multilingual Plane
/// and the mathematical letters, so that normalising feed text costs a table
/// lookup per scalar rather than a Unicode database query.
///
/// Each entry packs the fold's kind, flags and the location of its UTF-8 bytes
/// in `pool`. Scalars outside the table (emoji, historic scripts, rare CJK) keep
/// their own bytes; only the invisible ones among them are removed.
struct FoldTable: Sendable {
    /// Every process shares one immutable table; Swift initialises globals once,
    /// thread-safely, on first use.
    static let shared = FoldTable()

    static let removedFlag: UInt32 = 1 << 31
    static let separatorFlag: UInt32 = 1 << 30
    static let boundaryFreeFlag: UInt32 = 1 << 29
    /// The folded form is a letter or digit: a neighbour that makes a word continue.
    static let wordFlag: UInt32 = 1 << 28
    static let lengthShift: UInt32 = 22
    static let lengthMask: UInt32 = 0x3F
    static let offsetMask: UInt32 = (1 << 22) - 1

    /// Entries for U+0000...U+FFFF.
    let basic: [UInt32]
    /// Entries for the Mathematical Alphanumeric Symbols block, a favourite for
    /// writing a name that keyword filters miss.
    let mathematical: [UInt32]
    static let mathematicalRange: ClosedRange<UInt32> = 0x1D400...0x1D7FF
    let pool: [UInt8]

    private init() {
        var pool: [UInt8] = []
        pool.reserveCapacity(200_000)
        func entry(for value: UInt32) -> UInt32 {
            guard let scalar = Unicode.Scalar(value) else { return FoldTable.removedFlag }
            return FoldTable.pack(ScalarFold.fold(scalar), into: &pool)
        }
        var basic = [UInt32](repeating: 0, count: 0x10000)
        for value in UInt32(0)..<0x10000 {
            if value >= 0xD800, value <= 0xDFFF { basic[Int(value)] = FoldTable.removedFlag; continue }
            basic[Int(value)] = entry(for: value)
        }
        var mathematical: [UInt32] = []
        for value in FoldTable.mathematicalRange {
            mathematical.append(entry(for: value))
        }
        self.basic = basic
        self.mathematical = mathematical
        self.pool = pool
    }

    static func pack(_ folded: FoldedScalar, into pool: inout [UInt8]) -> UInt32 {
        switch folded {
        case .removed:
            return removedFlag
        case .separator:
            return separatorFlag
        case .text(let bytes, let boundaryFree):
            // No fold in Unicode 16 is longer than 63 bytes (U+FDFA's is 33); one that
            // were would keep its own bytes rather than spill into the flags.
            guard bytes.count <= Int(lengthMask) else { return boundaryFree ? boundaryFreeFlag : 0 }
            let offset = UInt32(pool.count)
            pool.append(contentsOf: bytes)
            var value = offset | (UInt32(bytes.count) << lengthShift)
            if boundaryFree { value |= boundaryFreeFlag }
            if !boundaryFree, let first = String(decoding: bytes, as: UTF8.self).unicodeScalars.first,
               first == "_" || first.properties.isAlphabetic || first.properties.numericType != nil {
                value |= wordFlag
            }
            return value
        }
    }

    /// The packed entry for the scalar `value`. Scalars outside the table keep
    /// their own bytes (a length of 0 says so) unless they are invisible.
    @inline(__always)
    func entry(_ value: UInt32) -> UInt32 {
        if value < 0x10000 { return basic[Int(value)] }
        if FoldTable.mathematicalRange.contains(value) { return mathematical[Int(value - FoldTable.mathematicalRange.lowerBound)] }
        return FoldTable.entryOutsideTable(value)
    }

    static func entryOutsideTable(_ value: UInt32) -> UInt32 {
        guard let scalar = Unicode.Scalar(value), !ScalarFold.isRemoved(scalar) else { return removedFlag }
        if ScalarFold.isBoundaryFree(scalar) { return boundaryFreeFlag }
        if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { return wordFlag }
        return 0
    }
}
