/// The attributes of one start tag, read on demand from the bytes between its name
/// and its `>`. Names compare ASCII case-insensitively; a value may be quoted with
/// either quote or bare; an attribute written without a value has an empty one.
struct TagAttributes {
    let bytes: UnsafeBufferPointer<UInt8>
    let range: Range<Int>

    /// The bytes of the value of the first attribute called `name` (lowercase ASCII),
    /// nil when the tag has none.
    func value(of name: StaticString) -> Range<Int>? {
        var found: Range<Int>?
        forEach { attribute, value in
            guard found == nil, equals(attribute, name) else { return }
            found = value
        }
        return found
    }

    /// Calls `body` with each attribute's name and value, in the tag's order.
    func forEach(_ body: (_ name: Range<Int>, _ value: Range<Int>) -> Void) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            while index < end, isSpace(bytes[index]) || bytes[index] == 0x2F { index += 1 }
            let nameStart = index
            while index < end, !isSpace(bytes[index]), bytes[index] != 0x3D, bytes[index] != 0x2F { index += 1 }
            let name = nameStart..<index
            while index < end, isSpace(bytes[index]) { index += 1 }
            guard index < end, bytes[index] == 0x3D else {
                if !name.isEmpty { body(name, name.upperBound..<name.upperBound) }
                continue
            }
            index += 1
            while index < end, isSpace(bytes[index]) { index += 1 }
            let value: Range<Int>
            if index < end, bytes[index] == 0x22 || bytes[index] == 0x27 {
                let quote = bytes[index]
                let valueStart = index + 1
                index = valueStart
                while index < end, bytes[index] != quote { index += 1 }
                value = valueStart..<index
                if index < end { index += 1 }
            } else {
                let valueStart = index
                while index < end, !isSpace(bytes[index]) { index += 1 }
                value = valueStart..<index
            }
            if !name.isEmpty { body(name, value) }
        }
    }

    /// Whether the bytes at `range` are `name` (lowercase ASCII) in any case.
    func equals(_ range: Range<Int>, _ name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        let pattern = name.utf8Start
        for (offset, index) in range.enumerated() {
            let byte = bytes[index]
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            if lower != pattern[offset] { return false }
        }
        return true
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
