import Testing
@testable import VigilBytes

@Test func entityTableCoversHTML5Names() {
    #expect(HTMLEntities.characters(named: "amp;") == "&")
    #expect(HTMLEntities.characters(named: "NotEqualTilde;") == "\u{2242}\u{338}")
    #expect(HTMLEntities.characters(named: "eacute") == "é")
    #expect(HTMLEntities.characters(named: "Afr;") == "\u{1D504}")
    #expect(HTMLEntities.characters(named: "nonsense;") == nil)
    #expect(HTMLEntities.characters(named: "mdash") == nil, "only the legacy names go without \";\"")
}

/// The compiled-in listing is the whole WHATWG list: 2,231 names, 106 of them the
/// legacy forms without ";", none longer than the scanners look.
@Test func entityTableIsTheWholeList() {
    let names = HTMLEntities.table.keys
    #expect(names.count == 2_231)
    #expect(names.filter { !$0.hasSuffix(";") }.count == 106)
    #expect(names.map(\.utf8.count).max() == HTMLEntities.longestNameLength)
    #expect(HTMLEntities.table.values.allSatisfy { !$0.isEmpty })
}

@Test func entityListingSkipsCommentsAndUnreadableCodePoints() {
    let listing = "# a comment\namp; 26\n\nfoo; 1D504 2242\nbad; XYZ 41\n"
    let table = EntityListing.table(from: Array(listing.utf8))
    #expect(table == ["amp;": "&", "foo;": "\u{1D504}\u{2242}", "bad;": "A"])
}
