import Testing
@Test func placeholderVigilTextTests() { #expect(Bool(true)) }
