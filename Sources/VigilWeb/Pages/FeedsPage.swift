import VigilText
import VigilStore

/// Every feed's health: when it was last fetched, how that went, how many
/// times in a row it failed and why, and why it is watched at all. Addresses
/// are redacted, and errors too, since an error may quote the address. An
/// admin also adds and removes feeds here, and sees who changed what.
enum FeedsPage {
    static func render(feeds: [FeedRecord], changes: [AuditEntry], session: SignedInUser) -> HTML {
        PageLayout.page(title: "Feeds", session: session) {
            HTML.element("h1") { "Feeds" }
            let failing = feeds.filter { $0.consecutiveFailures > 0 }.count
            HTML.element("p") {
                "\(feeds.count) \(feeds.count == 1 ? "feed" : "feeds"), \(failing) failing. "
                session.user.isAdmin
                    ? "Feeds declared in the config file are changed there."
                    : "An admin adds and removes feeds, here or with vigil feeds and the config file."
            }
            if session.user.isAdmin {
                HTML.element("form", ["method": "post", "action": "/feeds/add", "class": "manage"]) {
                    PageLayout.csrfField(session.csrfToken)
                    HTML.element("label") {
                        "Feed address "
                        HTML.void("input", ["type": "url", "name": "url", "required": "", "size": "50"])
                    }
                    HTML.element("label") {
                        "Title "
                        HTML.void("input", ["type": "text", "name": "title", "size": "30"])
                    }
                    HTML.element("button", ["type": "submit"]) { "Add feed" }
                }
            }
            if !feeds.isEmpty {
                HTML.element("table", ["class": "feeds"]) {
                    HTML.element("thead") {
                        HTML.element("tr") {
                            for heading in ["#", "Feed", "Source", "Last fetch", "Status", "Failures", "Last error", "Why it is watched"] {
                                HTML.element("th", ["scope": "col"]) { heading }
                            }
                        }
                    }
                    HTML.element("tbody") {
                        for feed in feeds {
                            row(feed, session: session)
                        }
                    }
                }
            }
            ChangesList.render(changes, session: session)
        }
    }

    private static func row(_ feed: FeedRecord, session: SignedInUser) -> HTML {
        let id = feed.id ?? 0
        return HTML.element("tr", ["class": feed.consecutiveFailures > 0 ? "failing" : (feed.enabled ? nil : "disabled")]) {
            HTML.element("td") {
                HTML.element("a", ["href": "/findings?feed=\(id)", "title": "findings from this feed"]) { "#\(id)" }
            }
            HTML.element("td") {
                if let title = feed.title, !title.isEmpty {
                    HTML.element("div") { Display.feedText(title) }
                }
                HTML.element("code") { Display.feedURL(feed.url) }
            }
            HTML.element("td") { feed.source.rawValue + (feed.kind == .query ? " (search)" : "") }
            HTML.element("td") { feed.lastPolledAt.map(Display.date) ?? "never" }
            HTML.element("td") { status(feed) }
            HTML.element("td", ["class": "number"]) { String(feed.consecutiveFailures) }
            HTML.element("td") { feed.lastError.map { Display.feedText(URLRedaction.redactingURLs(in: $0)) } ?? "—" }
            HTML.element("td") {
                why(feed)
                if session.user.isAdmin, !feed.managedByConfig, feed.source != .github {
                    HTML.element("form", ["method": "post", "action": "/feeds/\(id)/remove", "class": "remove"]) {
                        PageLayout.csrfField(session.csrfToken)
                        HTML.element("button", ["type": "submit"]) { "Remove" }
                    }
                }
            }
        }
    }

    private static func status(_ feed: FeedRecord) -> String {
        if !feed.enabled {
            return "disabled" + (feed.disabledReason.map { ": " + Display.feedText(URLRedaction.redactingURLs(in: $0)) } ?? "")
        }
        guard let code = feed.lastStatus else { return feed.lastPolledAt == nil ? "not fetched yet" : "no answer" }
        return code == 304 ? "304 unchanged" : String(code)
    }

    private static func why(_ feed: FeedRecord) -> HTML {
        var because: String
        if let reason = feed.addedReason, !reason.isEmpty {
            because = Display.feedText(reason)
        } else if feed.managedByConfig {
            because = "declared in the config file"
        } else {
            switch feed.source {
            case .web: because = "added with vigil feeds"
            case .github: because = "a watched GitHub repository"
            case .page: because = "pages followed on a site"
            }
        }
        if let account = feed.followedAccount {
            because += " (linked by \(Display.feedText(account)))"
        }
        return HTML(because) + (feed.followedFindingId.map { finding in
            HTML(" · ") + HTML.element("a", ["href": "/findings/\(finding)"]) { "finding #\(finding)" }
        } ?? .empty)
    }
}
