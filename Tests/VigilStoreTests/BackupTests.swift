import Foundation
import Testing
@testable import VigilStore

/// `Store.backup(to:)`: SQLite's online backup of a database another
/// connection keeps writing to.
@Suite struct BackupTests {
    @Test func aBackupWhileAnotherConnectionWritesIsAWholeConsistentDatabase() async throws {
        let database = try TemporaryDatabase()
        for index in 0..<200 { try database.store.addPerson(PersonSpec(name: "Person \(index)", aliases: ["P\(index)"])) }
        // A second store on the same file: another connection, as the daemon would be.
        let other = try Store.open(at: database.path)
        let writing = Task.detached {
            for index in 200..<600 { try other.addPerson(PersonSpec(name: "Person \(index)")) }
        }
        var copies: [String] = []
        for round in 0..<4 {
            let copy = database.folder.appendingPathComponent("copy\(round).db").path
            try database.store.backup(to: copy)
            copies.append(copy)
        }
        try await writing.value
        var counts: [Int] = []
        for copy in copies {
            #expect(!FileManager.default.fileExists(atPath: copy + "-wal"))
            let restored = try Store.open(at: copy)
            #expect(try restored.quickCheck() == "ok")
            let people = try restored.people()
            // Each copy holds a prefix of the writes: the first 200 at least, none half-written.
            #expect(people.count >= 200 && people.count <= 600)
            #expect(Set(people.map(\.person.name)).count == people.count)
            #expect(people.first { $0.person.name == "Person 7" }?.person.aliases == ["P7"])
            counts.append(people.count)
        }
        #expect(counts == counts.sorted())
        let final = database.folder.appendingPathComponent("final.db").path
        try database.store.backup(to: final)
        #expect(try Store.open(at: final).people().count == 600)
    }

    @Test func aBackupKeepsTheModeOfTheFileItWritesInto() throws {
        let database = try TemporaryDatabase()
        let copy = database.folder.appendingPathComponent("private.db").path
        #expect(FileManager.default.createFile(atPath: copy, contents: nil, attributes: [.posixPermissions: 0o600]))
        try database.store.backup(to: copy)
        let mode = try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
    }
}
