import Testing
import VigilHTTP

struct HTTPDateTests {
    @Test(arguments: [
        ("Sun, 06 Nov 1994 08:49:37 GMT", Int64(784_111_777)),
        ("Sunday, 06-Nov-94 08:49:37 GMT", Int64(784_111_777)),
        ("Sun Nov  6 08:49:37 1994", Int64(784_111_777)),
        ("Thu, 01 Jan 1970 00:00:00 GMT", Int64(0)),
        ("Tue, 29 Feb 2028 23:59:59 GMT", Int64(1_835_481_599)),
    ])
    func readsTheThreeHTTPDateFormats(text: String, expected: Int64) {
        #expect(HTTPDate.secondsSince1970(text) == expected)
    }

    @Test(arguments: ["", "soon", "Sun, 06 Nov 1994", "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT", "25:00:00"])
    func rejectsWhatIsNotADate(text: String) {
        #expect(HTTPDate.secondsSince1970(text) == nil)
    }

    @Test func retryAfterInSecondsOrAsADate() {
        let now: Int64 = 784_111_777
        #expect(RetryAfter.delay(from: "120", now: now) == .seconds(120))
        #expect(RetryAfter.delay(from: " 0 ", now: now) == .zero)
        #expect(RetryAfter.delay(from: "Sun, 06 Nov 1994 09:49:37 GMT", now: now) == .seconds(3600))
        #expect(RetryAfter.delay(from: "Sun, 06 Nov 1994 07:49:37 GMT", now: now) == .zero)
        #expect(RetryAfter.delay(from: "-5", now: now) == nil)
        #expect(RetryAfter.delay(from: "later", now: now) == nil)
    }
}
