import Testing
@Test func placeholderFeedConformanceTests() { #expect(Bool(true)) }
