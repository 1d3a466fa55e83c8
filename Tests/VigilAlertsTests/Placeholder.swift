import Testing
@Test func placeholderVigilAlertsTests() { #expect(Bool(true)) }
