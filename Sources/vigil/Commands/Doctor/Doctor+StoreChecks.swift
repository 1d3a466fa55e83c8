import Foundation
import VigilAlerts
import VigilDaemon
import VigilFeeds
import VigilStore
import VigilText

extension Vigil.Doctor {
    /// The database and feed checks of `vigil doctor`.
    enum StoreChecks {
        static func run(global: GlobalOptions, fetch: Bool) async -> [CheckResult] {
            var results: [CheckResult] = []
            // PostgreSQL: the server's own checks first (connection, schema,
            // clock skew, workers); the feeds' checks follow when it answers.
            let config = try? CommandContext.loadConfig(global)
            if let url = global.db ?? config?.databasePath, PostgreSQLLocation.isURL(url) {
                do {
                    let location = try PostgreSQLLocation(
                        url: url, passwordEnv: config?.databasePasswordEnv, passwordFile: config?.databasePasswordFile)
                    results += await PostgreSQLChecks.run(location)
                } catch {
                    return [CheckResult(.error, "database", CommandFailure(error).message)]
                }
                if results.contains(where: { $0.level == .error }) { return results }
            }
            let context: CommandContext
            do {
                context = try await CommandContext.open(global)
            } catch let error as StoreError where error.isDamaged {
                let path = global.db ?? (try? CommandContext.loadConfig(global))??.databasePath ?? "the database"
                return [CheckResult(.error, "database", "\(error.message); \(DatabaseRecovery.hint(for: path))")]
            } catch {
                return [CheckResult(.error, "database", CommandFailure(error).message)]
            }
            let store = context.store
            if store.databaseKind == .sqlite {
                results += sqliteFileChecks(store)
            }
            results += await feedChecks(store, config: context.config, fetch: fetch)
            return results
        }

        /// The SQLite file's checks: integrity, journal, who may read it, free disk.
        private static func sqliteFileChecks(_ store: Store) -> [CheckResult] {
            var results: [CheckResult] = []
            do {
                let check = try store.quickCheck()
                let mode = try store.journalMode()
                if check == "ok" {
                    results.append(CheckResult(.ok, "database", "\(store.path): schema version \(try store.schemaVersion()), quick check ok, journal \(mode)"))
                } else {
                    results.append(CheckResult(.error, "database", "\(store.path) is damaged: \(DatabaseRecovery.summary(ofCheck: check)); \(DatabaseRecovery.hint(for: store.path))"))
                }
                if mode != "wal" {
                    results.append(CheckResult(.warning, "database", "journal mode is \(mode), not wal: readers may block the daemon"))
                }
            } catch let error as StoreError where error.isDamaged {
                results.append(CheckResult(.error, "database", "\(error.message); \(DatabaseRecovery.hint(for: store.path))"))
            } catch {
                results.append(CheckResult(.error, "database", CommandFailure(error).message))
            }
            results += FilePrivacyChecks.database(store.path)
            if let free = freeBytes(at: (store.path as NSString).deletingLastPathComponent), free < 200 * 1024 * 1024 {
                results.append(CheckResult(.warning, "database", "only \(free / 1024 / 1024) MiB free on the database's disk"))
            }
            return results
        }

        /// The feeds' checks, and with `fetch` one fetch of each.
        private static func feedChecks(_ store: Store, config: VigilConfig?, fetch: Bool) async -> [CheckResult] {
            var results: [CheckResult] = []

            do {
                let feeds = try store.feeds()
                let enabled = feeds.filter(\.enabled)
                let failing = enabled.filter { $0.consecutiveFailures >= 3 }
                let disabled = feeds.filter { !$0.enabled && $0.disabledReason != nil }
                results.append(CheckResult(feeds.isEmpty ? .warning : .ok, "feeds", feeds.isEmpty
                    ? "no feeds yet (`vigil feeds import feeds/default.opml`)"
                    : "\(enabled.count) of \(feeds.count) feeds enabled, \(failing.count) failing 3 or more times in a row"))
                for feed in failing {
                    results.append(CheckResult(.warning, "feed", "\(URLRedaction.redacted(feed.url)): \(feed.consecutiveFailures) failures in a row: \(URLRedaction.redactingURLs(in: feed.lastError ?? "no detail"))"))
                }
                for feed in disabled {
                    results.append(CheckResult(.warning, "feed", "\(URLRedaction.redacted(feed.url)) is disabled: \(URLRedaction.redactingURLs(in: feed.disabledReason!))"))
                }
                if fetch {
                    results += await fetchAll(enabled.filter { $0.kind == .feed }, config: config)
                }
            } catch {
                results.append(CheckResult(.error, "feeds", CommandFailure(error).message))
            }
            return results
        }

        /// Fetches each feed once, many at a time, and reports the ones that fail or do not parse.
        static func fetchAll(_ feeds: [FeedRecord], config: VigilConfig?) async -> [CheckResult] {
            let poll = config?.poll ?? PollSettings()
            let fetcher: FeedFetcher
            do {
                fetcher = try FeedFetcher(configuration: PipelineAssembly.fetchConfiguration(poll, version: VigilVersion.string))
            } catch {
                return [CheckResult(.error, "feeds", "cannot start the fetcher: \(error)")]
            }
            return await withTaskGroup(of: CheckResult?.self) { group in
                for feed in feeds {
                    group.addTask {
                        let result = await fetcher.fetch(FetchRequest(url: feed.url, etag: feed.etag, lastModified: feed.lastModified))
                        if let failure = result.failure { return CheckResult(.warning, "feed", "\(URLRedaction.redacted(feed.url)): \(URLRedaction.redactingURLs(in: failure.message))") }
                        guard let body = result.body else { return nil }
                        let parsed = FeedParser.parse(body, contentType: result.contentType, url: result.finalURL)
                        if parsed.format == .unknown { return CheckResult(.warning, "feed", "\(URLRedaction.redacted(feed.url)): not a feed (\(parsed.bozoReason ?? "unknown format"))") }
                        return nil
                    }
                }
                var results: [CheckResult] = []
                for await result in group { if let result { results.append(result) } }
                results.append(CheckResult(.ok, "feeds", "fetched \(feeds.count) feeds, \(results.count) with problems"))
                return results
            }
        }

        static func freeBytes(at path: String) -> Int64? {
            let attributes = try? FileManager.default.attributesOfFileSystem(forPath: path.isEmpty ? "." : path)
            return (attributes?[.systemFreeSize] as? NSNumber)?.int64Value
        }
    }
}
