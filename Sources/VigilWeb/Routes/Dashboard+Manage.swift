import Foundation
import Hummingbird
import VigilStore

/// What an admin manages from the browser: the feeds and the watched
/// people. Each change is recorded with who made it, in the transaction
/// that makes it. Feeds and people declared in the config file are changed
/// there; the store refuses to remove them here, and the page says why.
extension Dashboard {
    func addFeed(_ request: Request, context: DashboardContext) async throws -> Response {
        try await administer(request, back: "/feeds") { session, fields in
            let url = (fields["url"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let title = fields["title"].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
            try store.addFeed(
                FeedSpec(url: url, title: title), defaultIntervalSeconds: settings.feedIntervalSeconds, auditedAs: session.user.name)
        }
    }

    func removeFeed(_ request: Request, context: DashboardContext) async throws -> Response {
        try await administer(request, back: "/feeds") { session, _ in
            guard let id = context.parameters.get("id", as: Int64.self),
                  let feed = try store.feed(id: id), feed.source != .github
            else { throw StoreError("no such feed", isBadInput: true) }
            try store.removeFeed(url: feed.url, auditedAs: session.user.name)
        }
    }

    func addPerson(_ request: Request, context: DashboardContext) async throws -> Response {
        try await administer(request, back: "/people") { session, fields in
            func list(_ name: String) -> [String] {
                (fields[name] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            try store.addPerson(
                PersonSpec(name: fields["name"] ?? "", aliases: list("aliases"), handles: list("handles"), teams: list("teams")),
                auditedAs: session.user.name)
        }
    }

    func removePerson(_ request: Request, context: DashboardContext) async throws -> Response {
        try await administer(request, back: "/people") { session, _ in
            guard let id = context.parameters.get("id", as: Int64.self),
                  let person = try store.people().first(where: { $0.person.id == id })
            else { throw StoreError("no such person", isBadInput: true) }
            try store.removePerson(named: person.person.name, auditedAs: session.user.name)
        }
    }

    /// Runs an admin's change from a checked POST and goes `back`; anyone
    /// else is refused (403), and a change the store refuses (a duplicate,
    /// a bad address, an entry of the config file) is a 400 saying why.
    private func administer(
        _ request: Request, back: String, _ change: (SignedInUser, FormFields) throws -> Void
    ) async throws -> Response {
        switch try await checkedPost(request) {
        case .failure(let refused):
            return refused.response
        case .success(let (session, fields)):
            guard session.user.isAdmin else {
                return PageResponse.html(
                    PageLayout.message(title: "Not allowed", text: "Only an admin manages feeds and people.", session: session),
                    status: .forbidden)
            }
            do {
                try change(session, fields)
            } catch let error as StoreError where error.isBadInput {
                return badRequest(error.message, session)
            }
            return PageResponse.redirect(to: back)
        }
    }
}
