import Foundation

/// Response bodies written for vigil in the shape GitHub's REST documentation
/// gives them (trimmed to a few of the many fields GitHub sends, plus some
/// vigil ignores, so decoding is shown to skip them).
enum GitHubFixtures {
    static func comment(id: Int, login: String, type: String = "User", body: String, updated: String) -> String {
        """
        {
          "id": \(id),
          "node_id": "IC_kwDOAbc\(id)",
          "url": "https://api.github.com/repos/octo-org/widget/issues/comments/\(id)",
          "html_url": "https://github.com/octo-org/widget/pull/42#issuecomment-\(id)",
          "body": \(quoted(body)),
          "user": {"login": "\(login)", "id": 583231, "type": "\(type)", "site_admin": false},
          "created_at": "2026-11-30T09:15:02Z",
          "updated_at": "\(updated)",
          "issue_url": "https://api.github.com/repos/octo-org/widget/issues/42",
          "author_association": "NONE",
          "reactions": {"total_count": 0}
        }
        """
    }

    static func comments(_ items: [String]) -> String { "[" + items.joined(separator: ",\n") + "]" }

    static let issueEvents = """
        [
          {
            "id": 6430295168,
            "event": "closed",
            "actor": {"login": "maintainer", "type": "User"},
            "commit_id": null,
            "created_at": "2026-11-30T08:02:11Z",
            "issue": {
              "number": 42,
              "title": "Speed up the widget renderer",
              "user": {"login": "patchwright-agent", "type": "Bot"},
              "pull_request": {"url": "https://api.github.com/repos/octo-org/widget/pulls/42", "merged_at": null}
            }
          },
          {
            "id": 6430295169,
            "event": "labeled",
            "actor": null,
            "created_at": "2026-11-29T17:40:00Z",
            "issue": {"number": 7, "title": "Crash on empty input", "pull_request": null}
          },
          {
            "id": 6430295170,
            "event": "closed",
            "actor": {"login": "maintainer", "type": "User"},
            "created_at": "2026-11-28T10:00:00Z",
            "issue": {"number": 3, "title": "Typo in README"}
          }
        ]
        """

    static let closedPullRequests = """
        [
          {
            "url": "https://api.github.com/repos/octo-org/widget/pulls/42",
            "id": 1934117203,
            "number": 42,
            "state": "closed",
            "html_url": "https://github.com/octo-org/widget/pull/42",
            "title": "Speed up the widget renderer",
            "user": {"login": "patchwright-agent", "type": "Bot"},
            "created_at": "2026-11-29T22:10:00Z",
            "closed_at": "2026-11-30T08:02:11Z",
            "merged_at": null
          },
          {
            "number": 40,
            "state": "closed",
            "html_url": "https://github.com/octo-org/widget/pull/40",
            "title": "Fix the docs link",
            "user": {"login": "first-timer", "type": "User"},
            "closed_at": "2026-11-20T12:00:00Z",
            "merged_at": "2026-11-20T12:00:00Z"
          }
        ]
        """

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
