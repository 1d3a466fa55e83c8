/// What to do about a damaged database, in one line for `vigil doctor` and
/// the commands that meet the damage.
enum DatabaseRecovery {
    static func hint(for path: String) -> String {
        "stop vigil and restore your latest backup over it (`vigil backup` makes one; remove \(path)-wal and -shm), "
            + "or salvage what is readable with `sqlite3 \(path) .recover | sqlite3 recovered.db` and put that in its place"
    }

    /// The first few problems of a failed `PRAGMA quick_check`, and how many there were.
    static func summary(ofCheck result: String) -> String {
        let problems = result.components(separatedBy: "; ").flatMap { $0.components(separatedBy: "\n") }
            .filter { !$0.isEmpty && !$0.hasPrefix("*** in database") }
        let shown = problems.prefix(3).map { $0.count > 160 ? String($0.prefix(160)) + "…" : $0 }.joined(separator: "; ")
        return problems.count > 3 ? "\(shown) (and \(problems.count - 3) more)" : shown
    }
}
