import Foundation
import VigilText

/// How the pages write values, and the one place feed text becomes markup:
/// stripped of what could act on a reader (`UntrustedText`), escaped, and
/// linked only to http(s) addresses, with a `rel` that gives the target site
/// no handle on the dashboard and no ranking from it.
enum Display {
    static let feedLinkRel = "noopener noreferrer nofollow"

    static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d UTC", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
    }

    static func score(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    /// One line of text from a feed, inert.
    static func feedText(_ text: String?, placeholder: String = "—") -> String {
        let plain = UntrustedText.plain(text ?? "")
        return plain.isEmpty ? placeholder : plain
    }

    /// A link to something a feed named, or its text alone when the address
    /// is not a web link (a `javascript:` URL stays text).
    static func feedLink(_ url: String?, text: String?) -> HTML {
        let label = feedText(text ?? url)
        guard let href = UntrustedText.webLink(url) else { return HTML(label) }
        return HTML.element("a", ["href": href, "rel": feedLinkRel]) { label }
    }

    /// A feed's address with its credentials and secret query values hidden.
    static func feedURL(_ url: String) -> String {
        UntrustedText.plain(URLRedaction.redacted(url))
    }
}
