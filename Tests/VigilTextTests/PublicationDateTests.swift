import Foundation
import Testing
@testable import VigilText

@Test func publicationDatesReadAsISO8601() {
    let cases: [(String, TimeInterval)] = [
        ("2024-05-02T07:30:00Z", 1_714_635_000),
        ("2024-05-02T09:30:00+02:00", 1_714_635_000),
        ("2024-05-02T03:00:00-0430", 1_714_635_000),
        ("2024-05-02t07:30z", 1_714_635_000),
        ("2024-05-02 07:30:00", 1_714_635_000),
        (" 2024-05-02T07:30:00.250Z\n", 1_714_635_000.25),
        ("2024-05-02T12:30:00,5+05", 1_714_635_000.5),
        ("2024-02-29", 1_709_164_800),
        ("2000-02-29T12:00:00Z", 951_825_600),
        ("1969-12-31T23:59:59Z", -1),
    ]
    for (text, seconds) in cases {
        #expect(PublicationDate.parse(text) == Date(timeIntervalSince1970: seconds), "\(text)")
    }
}

@Test func impossibleOrOtherDatesAreNil() {
    for text in [
        "", "yesterday", "2024-13-01", "2023-02-29", "1900-02-29", "2024-04-31", "2024-05-02T24:00", "2024-05-02T10:60",
        "2024-05-02T10:00:00+02:00 and more", "2024-W18-4", "2024-123", "02/05/2024", "2024-05-02T", "2024-5-2",
        "2024-05-02T10:00:00.Z", "2024-05-02T10:00:00+2", "2024-05-02T10:00:00+02:75",
    ] {
        #expect(PublicationDate.parse(text) == nil, "\(text)")
    }
}
