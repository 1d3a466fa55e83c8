import Foundation
import Testing
@testable import VigilStore

@Suite struct WatchlistTests {
    @Test func addsPeopleInAnyScriptWithTeams() throws {
        let database = try TemporaryDatabase()
        try database.store.addPerson(PersonSpec(name: "Ada Lovelace", aliases: ["エイダ・ラブレス", " A. Lovelace ", "a. lovelace"], handles: ["@adalovelace"], teams: ["core"]))
        try database.store.addPerson(PersonSpec(name: "Grace Hopper", teams: ["core", "navy"]))
        let people = try database.store.people()
        #expect(people.map(\.person.name) == ["Ada Lovelace", "Grace Hopper"])
        #expect(people[0].person.aliases == ["エイダ・ラブレス", "A. Lovelace"])
        #expect(people[0].person.handles == ["adalovelace"])
        #expect(people[1].teams == ["core", "navy"])
        let teams = try database.store.teams()
        #expect(teams.map(\.team.name) == ["core", "navy"])
        #expect(teams[0].members == ["Ada Lovelace", "Grace Hopper"])
    }

    @Test func aDuplicatePersonIsBadInputAndChangesNothing() throws {
        let database = try TemporaryDatabase()
        try database.store.addPerson(PersonSpec(name: "Ada Lovelace", teams: ["core"]))
        #expect {
            try database.store.addPerson(PersonSpec(name: "ada lovelace", teams: ["other"]))
        } throws: { error in
            (error as? StoreError)?.isBadInput == true
        }
        #expect(try database.store.people().count == 1)
        #expect(try database.store.teams().map(\.team.name) == ["core"])
    }

    @Test func removingAnUnknownPersonIsBadInput() throws {
        let database = try TemporaryDatabase()
        try database.store.addPerson(PersonSpec(name: "Ada Lovelace", teams: ["core"]))
        #expect(throws: StoreError.self) { try database.store.removePerson(named: "Charles Babbage") }
        try database.store.removePerson(named: "Ada Lovelace")
        #expect(try database.store.people().isEmpty)
        #expect(try database.store.teams().isEmpty)
    }

    @Test func emptyOrControlCharacterNamesAreRejected() throws {
        let database = try TemporaryDatabase()
        #expect(throws: StoreError.self) { try database.store.addPerson(PersonSpec(name: "   ")) }
        #expect(throws: StoreError.self) { try database.store.addPerson(PersonSpec(name: "Ada\u{1B}[31m")) }
        #expect(try database.store.people().isEmpty)
    }

    @Test func configSyncAddsUpdatesAndRemovesOnlyConfigEntries() throws {
        let database = try TemporaryDatabase()
        try database.store.addPerson(PersonSpec(name: "Cli Person"))
        var summary = try database.store.syncConfig(
            people: [PersonSpec(name: "Ada Lovelace", aliases: ["エイダ・ラブレス"], teams: ["core"])],
            teams: ["core", "infra"], feeds: [FeedSpec(url: "https://a.example.org/feed")], defaultIntervalSeconds: 600)
        #expect(summary.peopleAdded == 1 && summary.feedsAdded == 1)
        #expect(try database.store.people().map(\.person.name) == ["Ada Lovelace", "Cli Person"])
        #expect(try database.store.teams().map(\.team.name) == ["core", "infra"])

        summary = try database.store.syncConfig(
            people: [PersonSpec(name: "Ada Lovelace", aliases: ["エイダ・ラブレス"], teams: ["core"])],
            teams: ["core", "infra"], feeds: [FeedSpec(url: "https://a.example.org/feed")], defaultIntervalSeconds: 600)
        #expect(summary == ConfigSyncSummary())

        summary = try database.store.syncConfig(people: [], teams: [], feeds: [], defaultIntervalSeconds: 600)
        #expect(summary.peopleRemoved == 1 && summary.feedsRemoved == 1)
        #expect(try database.store.people().map(\.person.name) == ["Cli Person"])
        #expect(try database.store.feeds().isEmpty)
        #expect(try database.store.teams().isEmpty)
    }

    @Test func configManagedEntriesCannotBeRemovedFromTheCLI() throws {
        let database = try TemporaryDatabase()
        try database.store.syncConfig(people: [PersonSpec(name: "Ada Lovelace")], teams: [], feeds: [FeedSpec(url: "https://a.example.org/feed")], defaultIntervalSeconds: 600)
        #expect(throws: StoreError.self) { try database.store.removePerson(named: "Ada Lovelace") }
        #expect(throws: StoreError.self) { try database.store.removeFeed(url: "https://a.example.org/feed") }
    }
}
