import Foundation
import Testing
@testable import VigilStore

/// A watched name, alias or handle must show something: one made only of
/// bidi controls, zero-width or other format characters prints as nothing.
@Suite struct VisibleNameTests {
    @Test(arguments: ["\u{202E}\u{202C}", "\u{200B}", "\u{200D}\u{2060}", "\u{2066}\u{2069}\u{FEFF}", "\u{061C}", "\u{0301}\u{0300}"])
    func aTermWithNothingVisibleIsBadInput(term: String) throws {
        let database = try TemporaryDatabase()
        for spec in [PersonSpec(name: term), PersonSpec(name: "Ada", aliases: [term]), PersonSpec(name: "Ada", handles: [term])] {
            do {
                try database.store.addPerson(spec)
                Issue.record("accepted \(term.debugDescription)")
            } catch let error as StoreError {
                #expect(error.isBadInput)
                // Foundation trims some of them (U+200B) as whitespace: then the term is empty.
                #expect(error.message.contains("has no visible character (only U+") || error.message.hasPrefix("empty "), "\(error.message)")
            }
        }
        #expect(try database.store.people().isEmpty)
    }

    @Test(arguments: ["Ada Lovelace", "エイダ", "李雷", "Ω", "42", "∑", "\u{202B}עדה\u{202C}", "Zoë"])
    func aTermWithSomethingVisibleIsWelcome(term: String) throws {
        let database = try TemporaryDatabase()
        try database.store.addPerson(PersonSpec(name: term, aliases: ["A " + term], handles: [term.replacingOccurrences(of: " ", with: "")]))
        #expect(try database.store.people().count == 1)
    }
}
