import Testing
@Test func placeholderVigilStoreTests() { #expect(Bool(true)) }
