import Foundation
import Testing
import VigilTestSupport

/// `vigil migrate` from the demo's SQLite database into a throwaway
/// PostgreSQL cluster; skipped with a message where PostgreSQL is not installed.
@Suite(.serialized, .enabled(if: PostgresTestCluster.unavailableReason == nil, "\(PostgresTestCluster.unavailableReason ?? "")"))
final class MigrateCLITests {
    let cluster: PostgresTestCluster

    init() async throws {
        cluster = try #require(try await PostgresTestCluster.starting())
    }

    deinit {
        cluster.stop()
    }

    @Test func theDemoDatabaseCopiesWithEveryTableReadBackTheSame() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        let kept = cli.folder.appendingPathComponent("demo")
        var result = try await cli.running(["demo", "--keep", kept.path])
        #expect(result.status == 0, "\(result.stderr)")
        let database = kept.appendingPathComponent("vigil.db").path
        let url = try cluster.createDatabase()

        result = try await cli.running(["migrate", "--from", "sqlite:\(database)", "--to", url])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("copied \(database) to postgresql://vigil@127.0.0.1:") == true)
        var rows: [String: Int] = [:]
        for line in lines.dropFirst(2) {
            let cells = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard cells.count == 4 else { continue }
            rows[cells[0]] = Int(cells[1])
            #expect(cells[3] == "same", "\(line)")
        }
        #expect(rows.count == 18)
        #expect((rows["findings"] ?? 0) > 15 && (rows["items"] ?? 0) > 25)
        #expect((rows["github_pull_requests"] ?? 0) == 2 && (rows["followed_links"] ?? 0) == 1)

        // The target now holds data: a second copy is refused, changing nothing.
        result = try await cli.running(["migrate", "--from", "sqlite:\(database)", "--to", url])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("vigil: ") && result.stderr.contains("already holds data") && !result.stderr.dropLast().contains("\n"))
    }

    @Test func badArgumentsAreOneLineErrors() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        for (arguments, words) in [
            (["migrate", "--from", "/tmp/x.db", "--to", cluster.url()], "sqlite:PATH"),
            (["migrate", "--from", "sqlite:/nonexistent/vigil.db", "--to", cluster.url()], "no database at"),
            (["migrate", "--from", "sqlite:/dev/null", "--to", "postgresql://localhost/db"], "name the user"),
        ] {
            let result = try await cli.running(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(words), "\(arguments): \(result.stderr)")
        }
        // Nothing listens there: one line, exit 1.
        let unreachable = try await cli.running(["migrate", "--from", "sqlite:\(try await makeDatabase(cli))", "--to", "postgresql://vigil@127.0.0.1:1/none?sslmode=disable"])
        #expect(unreachable.status == 1, "\(unreachable.stderr)")
        #expect(unreachable.stderr.hasPrefix("vigil: ") && unreachable.stderr.filter { $0 == "\n" }.count == 1, "\(unreachable.stderr)")
    }

    @Test func aConfigNamingPostgreSQLIsCheckedByDoctorAndServesTheCommands() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        let url = try cluster.createDatabase()
        _ = try cli.write("config.toml", "database = \"\(url)\"\npassword_env = \"VIGIL_TEST_DB_PASSWORD\"\n")
        var result = try await cli.running(["--config", cli.configPath, "doctor"], environment: ["VIGIL_TEST_DB_PASSWORD": "unused-with-trust"])
        #expect(result.stdout.contains("schema version 10"), "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("of the database server's"), "\(result.stdout)")
        #expect(!result.stdout.contains("unused-with-trust"))
        result = try await cli.running(
            ["--config", cli.configPath, "watch", "add", "Ada Example", "--handle", "adaex"], environment: ["VIGIL_TEST_DB_PASSWORD": "unused-with-trust"])
        #expect(result.status == 0, "\(result.stderr)")
        result = try await cli.running(["--config", cli.configPath, "watch", "ls"], environment: ["VIGIL_TEST_DB_PASSWORD": "unused-with-trust"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Ada Example") && result.stdout.contains("@adaex"), "\(result.stdout)")
        #expect(!result.stdout.contains("unused-with-trust") && !result.stderr.contains("unused-with-trust"))
    }

    private func makeDatabase(_ cli: CLI) async throws -> String {
        let result = try await cli.running(["init", "--dir", cli.folder.appendingPathComponent("fresh").path])
        #expect(result.status == 0, "\(result.stderr)")
        return cli.folder.appendingPathComponent("fresh/vigil.db").path
    }
}
