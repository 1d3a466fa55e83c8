/// Finds whether a value encodes as one string or number (an enumeration
/// by raw value) rather than as a composite, which is stored as JSON.
final class SingleValueProbe: Encoder, SingleValueEncodingContainer {
    var value: SQLValue?
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    struct Composite: Error {}

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(RefusingContainer<Key>())
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { RefusingContainer<SingleValueProbeKey>() }
    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() throws { value = .null }
    func encode(_ value: Bool) throws { self.value = value.sqlValue }
    func encode(_ value: String) throws { self.value = value.sqlValue }
    func encode(_ value: Double) throws { self.value = value.sqlValue }
    func encode(_ value: Float) throws { self.value = Double(value).sqlValue }
    func encode(_ value: Int) throws { self.value = value.sqlValue }
    func encode(_ value: Int8) throws { self.value = Int(value).sqlValue }
    func encode(_ value: Int16) throws { self.value = Int(value).sqlValue }
    func encode(_ value: Int32) throws { self.value = Int(value).sqlValue }
    func encode(_ value: Int64) throws { self.value = value.sqlValue }
    func encode(_ value: UInt) throws { self.value = Int64(value).sqlValue }
    func encode(_ value: UInt8) throws { self.value = Int(value).sqlValue }
    func encode(_ value: UInt16) throws { self.value = Int(value).sqlValue }
    func encode(_ value: UInt32) throws { self.value = Int(value).sqlValue }
    func encode(_ value: UInt64) throws { self.value = Int64(value).sqlValue }
    func encode<T: Encodable>(_ value: T) throws {
        if let plain = value as? any SQLValueConvertible { self.value = plain.sqlValue } else { throw Composite() }
    }
}

private struct SingleValueProbeKey: CodingKey {
    var stringValue: String { "" }
    var intValue: Int? { nil }
    init?(stringValue: String) {}
    init?(intValue: Int) {}
}

/// Any keyed or unkeyed container: the value is a composite.
private struct RefusingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol, UnkeyedEncodingContainer {
    var codingPath: [any CodingKey] { [] }
    var count: Int { 0 }
    mutating func encodeNil(forKey key: Key) throws { throw SingleValueProbe.Composite() }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { throw SingleValueProbe.Composite() }
    mutating func encodeNil() throws { throw SingleValueProbe.Composite() }
    mutating func encode<T: Encodable>(_ value: T) throws { throw SingleValueProbe.Composite() }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(RefusingContainer<NestedKey>())
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(RefusingContainer<NestedKey>())
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { self }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { self }
    mutating func superEncoder() -> any Encoder { SingleValueProbe() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { SingleValueProbe() }
}
