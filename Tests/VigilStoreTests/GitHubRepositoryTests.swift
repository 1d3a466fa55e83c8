import Foundation
import Testing
import VigilStore

/// Watched GitHub repositories in the store: names checked, one row per name
/// and API address, the config's entries synced beside the CLI's.
@Suite struct GitHubRepositoryTests {
    @Test func namesAndAddressesAreChecked() throws {
        for bad in ["matplotlib", "a/b/c", "/name", "owner/", "own er/name", "owner/na me", "owner/..", "ówner/name"] {
            #expect(!GitHubRepositorySpec.isRepositoryName(bad), "\(bad)")
        }
        for good in ["matplotlib/matplotlib", "octo-org/repo.js", "a/b_c", "A1/x-y"] {
            #expect(GitHubRepositorySpec.isRepositoryName(good), "\(good)")
        }
        let trimmed = try GitHubRepositorySpec(repo: " octo/repo ", apiURL: "https://ghe.example.com/api/v3//").validated()
        #expect(trimmed.repo == "octo/repo" && trimmed.apiURL == "https://ghe.example.com/api/v3")
        for address in ["ftp://ghe.example.com", "https://token@ghe.example.com", "https://ghe.example.com/?x=1", "not a url"] {
            #expect(throws: StoreError.self) { try GitHubRepositorySpec(repo: "o/r", apiURL: address).validated() }
        }
        #expect(throws: StoreError.self) { try GitHubRepositorySpec(repo: "o/r", tokenEnv: "T", tokenFile: "/t").validated() }
    }

    @Test func theCLIAddsListsAndRemoves() throws {
        let database = try TemporaryDatabase()
        let store = database.store
        try store.addGitHubRepository(GitHubRepositorySpec(repo: "matplotlib/matplotlib"))
        try store.addGitHubRepository(GitHubRepositorySpec(repo: "matplotlib/matplotlib", apiURL: "https://ghe.example.com/api/v3", tokenEnv: "GHE"))
        // The same name in another case at the same address is the same repository.
        #expect(throws: StoreError.self) { try store.addGitHubRepository(GitHubRepositorySpec(repo: "Matplotlib/MATPLOTLIB")) }
        #expect(try store.githubRepositories().map(\.apiUrl) == ["https://api.github.com", "https://ghe.example.com/api/v3"])
        // Watched at two addresses: removing needs to say which.
        #expect(throws: StoreError.self) { try store.removeGitHubRepository("matplotlib/matplotlib") }
        try store.removeGitHubRepository("MATPLOTLIB/matplotlib", apiURL: "https://ghe.example.com/api/v3/")
        #expect(try store.githubRepositories().map(\.apiUrl) == ["https://api.github.com"])
        #expect(throws: StoreError.self) { try store.removeGitHubRepository("nobody/here") }
    }

    @Test func theConfigsRepositoriesAreSyncedBesideTheCLIs() throws {
        let database = try TemporaryDatabase()
        let store = database.store
        try store.addGitHubRepository(GitHubRepositorySpec(repo: "cli/only"))
        try store.addGitHubRepository(GitHubRepositorySpec(repo: "adopted/repo"))
        var summary = try store.syncGitHubRepositories([
            GitHubRepositorySpec(repo: "config/one", tokenEnv: "GITHUB_TOKEN"), GitHubRepositorySpec(repo: "adopted/repo"),
        ])
        #expect(summary.added == 1 && summary.updated == 1 && summary.removed == 0)
        let rows = try store.githubRepositories()
        #expect(rows.map(\.repo) == ["adopted/repo", "cli/only", "config/one"])
        #expect(rows.map(\.managedByConfig) == [true, false, true])
        #expect(rows.last?.tokenEnv == "GITHUB_TOKEN")
        // Declared in the config: removed there, not with the CLI.
        #expect(throws: StoreError.self) { try store.removeGitHubRepository("config/one") }

        summary = try store.syncGitHubRepositories([GitHubRepositorySpec(repo: "config/one", tokenFile: "/run/secrets/gh")])
        #expect(summary.added == 0 && summary.updated == 1 && summary.removed == 1)
        let after = try store.githubRepositories()
        #expect(after.map(\.repo) == ["cli/only", "config/one"])
        #expect(after.last?.tokenEnv == nil && after.last?.tokenFile == "/run/secrets/gh")
        #expect(try store.schemaVersion() == 10)
    }
}
