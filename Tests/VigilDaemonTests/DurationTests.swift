import Testing
@testable import VigilDaemon

@Suite struct DurationTests {
    @Test(arguments: [("90s", 90), ("15m", 900), ("1h30m", 5400), ("7d", 604_800), ("2w", 1_209_600), ("45", 45), (" 1H ", 3600)])
    func parses(text: String, seconds: Int) {
        #expect(DurationParser.seconds(text) == seconds)
    }

    @Test(arguments: ["", "m", "15x", "1.5h", "-3m", "h1", "99999999999999999999d"])
    func rejects(text: String) {
        #expect(DurationParser.seconds(text) == nil)
    }

    @Test func formatsWhatItParses() {
        for seconds in [1, 59, 60, 900, 5400, 86_400, 90_061] {
            #expect(DurationParser.seconds(DurationFormatter.string(seconds: seconds)) == seconds)
        }
    }
}
