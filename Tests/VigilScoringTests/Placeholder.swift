import Testing
@Test func placeholderVigilScoringTests() { #expect(Bool(true)) }
