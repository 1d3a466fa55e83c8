import Testing
@Test func placeholderVigilCLITests() { #expect(Bool(true)) }
