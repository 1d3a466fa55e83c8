import Foundation
import VigilDaemon
import VigilStore
import VigilText

extension Vigil.Scan {
    /// The people `vigil scan` watches: those in the database (opened read-only,
    /// when there is one), those the config declares, and any `--watch` names.
    /// Scanning never writes, so a missing config, or a missing database the
    /// config names, is not an error; a `--db` that names no file is (a typo).
    enum Watchlist {
        static func people(global: GlobalOptions, extra: [WatchedPerson]) throws -> [WatchedPerson] {
            try CommandContext.requireExistingDatabase(global)
            let config = try CommandContext.loadConfig(global)
            var people: [WatchedPerson] = []
            if let path = global.db ?? config?.databasePath, let store = try Store.openReadOnlyIfPresent(at: path) {
                people = WatchlistSnapshot(entries: try store.people()).people
            }
            var known = Set(people.map { $0.name.lowercased() })
            for spec in config?.people ?? [] where known.insert(spec.name.lowercased()).inserted {
                people.append(WatchedPerson(
                    name: spec.name, aliases: spec.aliases, handles: spec.handles, projects: spec.projects,
                    contextTerms: spec.contextTerms, surnamePolicy: spec.surnameNeedsContext ? .withContext : .always))
            }
            for person in extra where known.insert(person.name.lowercased()).inserted {
                people.append(person)
            }
            return people
        }
    }
}
