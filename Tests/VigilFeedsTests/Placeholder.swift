import Testing
@Test func placeholderVigilFeedsTests() { #expect(Bool(true)) }
