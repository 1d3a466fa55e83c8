import VigilStore
import VigilText

/// Who changed the feeds or the people from the dashboard, newest first:
/// shown to admins under what they manage.
enum ChangesList {
    static func render(_ changes: [AuditEntry], session: SignedInUser) -> HTML {
        guard session.user.isAdmin, !changes.isEmpty else { return .empty }
        return HTML.element("h2") { "Changes made here" } + HTML.element("ul", ["class": "history"]) {
            for change in changes {
                HTML.element("li") {
                    Display.date(change.at) + " — " + change.userName + ": " + change.action
                    + (change.detail.map { " " + Display.feedText(URLRedaction.redacted($0)) } ?? "")
                }
            }
        }
    }
}
