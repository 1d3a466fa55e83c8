import Testing
@Test func placeholderVigilDaemonTests() { #expect(Bool(true)) }
