import Foundation

/// Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
enum JSONFeedReader {
    static func read(_ utf8: [UInt8], url: String?, problems: inout [String]) -> ParsedFeed {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(utf8), options: [.fragmentsAllowed])
        } catch {
            problems.append("invalid JSON: \(Self.describe(error))")
            return ParsedFeed()
        }
        guard let root = object as? [String: Any] else {
            problems.append("no feed found: the JSON document is not an object")
            return ParsedFeed()
        }
        let version = root["version"] as? String ?? ""
        var feed = ParsedFeed()
        if version.hasPrefix("https://jsonfeed.org/version/1.1") {
            feed.format = .jsonFeed11
        } else if version.hasPrefix("https://jsonfeed.org/version/1") {
            feed.format = .jsonFeed10
        } else if root["items"] is [Any] || !version.isEmpty {
            // Hand-written feeds put "1.0" or "1.1" here; read them, but say so.
            feed.format = version.contains("1.1") ? .jsonFeed11 : .jsonFeed10
            problems.append("JSON Feed version \"\(version)\" is not a jsonfeed.org version URL")
        } else {
            problems.append("no feed found: JSON without a JSON Feed \"version\" or \"items\"")
            return ParsedFeed()
        }
        let scope = ReadingScope(base: url, language: nil)
        let language = string(root["language"])
        feed.language = language
        if let title = string(root["title"]) { feed.title = FeedText(kind: .text, value: title, language: language) }
        if let description = string(root["description"]) {
            feed.subtitle = FeedText(kind: .text, value: description, language: language)
        }
        if let home = string(root["home_page_url"]) {
            feed.link = scope.resolve(home)
            feed.links.append(FeedLink(href: feed.link ?? home))
        }
        if let feedURL = string(root["feed_url"]) {
            feed.links.append(FeedLink(href: scope.resolve(feedURL) ?? feedURL, rel: "self", type: "application/feed+json"))
        }
        feed.authors = authors(root)
        let itemScope = ReadingScope(base: feed.link ?? url, language: language)
        if let items = root["items"] as? [Any] {
            for case let item as [String: Any] in items {
                feed.entries.append(readItem(item, scope: itemScope, language: language))
            }
        } else {
            problems.append("JSON Feed without \"items\"")
        }
        return feed
    }

    private static func readItem(_ item: [String: Any], scope: ReadingScope, language feedLanguage: String?) -> ParsedEntry {
        var entry = ParsedEntry()
        let language = string(item["language"]) ?? feedLanguage
        if let id = item["id"] as? String, !id.isEmpty {
            entry.id = id
        } else if let number = item["id"] as? NSNumber {
            entry.id = number.stringValue
        }
        if let url = string(item["url"]) {
            let resolved = scope.resolve(url) ?? url
            entry.link = resolved
            entry.links.append(FeedLink(href: resolved))
        }
        if let external = string(item["external_url"]) {
            entry.links.append(FeedLink(href: scope.resolve(external) ?? external, rel: "related"))
        }
        if let title = string(item["title"]) { entry.title = FeedText(kind: .text, value: title, language: language) }
        if let html = string(item["content_html"]) {
            entry.content.append(FeedText(kind: .html, value: html, language: language, base: scope.base))
        }
        if let text = string(item["content_text"]) {
            entry.content.append(FeedText(kind: .text, value: text, language: language))
        }
        if let summary = string(item["summary"]) {
            entry.summary = FeedText(kind: .text, value: summary, language: language)
        }
        if let published = string(item["date_published"]) {
            entry.publishedText = published
            entry.published = FeedDateParser.parse(published)
        }
        if let modified = string(item["date_modified"]) {
            entry.updatedText = modified
            entry.updated = FeedDateParser.parse(modified)
        }
        entry.authors = authors(item)
        if let tags = item["tags"] as? [Any] {
            entry.categories = tags.compactMap { ($0 as? String).map { FeedCategory(term: $0) } }
        }
        if let attachments = item["attachments"] as? [Any] {
            for case let attachment as [String: Any] in attachments {
                guard let url = string(attachment["url"]) else { continue }
                let length = (attachment["size_in_bytes"] as? NSNumber)?.int64Value
                let resolved = scope.resolve(url) ?? url
                let type = string(attachment["mime_type"])
                entry.enclosures.append(FeedEnclosure(url: resolved, type: type, length: length))
                entry.links.append(FeedLink(href: resolved, rel: "enclosure", type: type, title: string(attachment["title"]), length: length))
            }
        }
        entry.dedupeKey = DedupeKey.make(
            id: entry.id, link: entry.link, title: entry.title?.value,
            date: entry.publishedText ?? entry.updatedText, content: (entry.content.first ?? entry.summary)?.value)
        return entry
    }

    /// `authors` (1.1) or the single `author` (1.0).
    private static func authors(_ object: [String: Any]) -> [FeedPerson] {
        var result: [FeedPerson] = []
        var raw: [Any] = object["authors"] as? [Any] ?? []
        if raw.isEmpty, let single = object["author"] { raw = [single] }
        for case let author as [String: Any] in raw {
            let person = FeedPerson(name: string(author["name"]), uri: string(author["url"]))
            if !person.isEmpty { result.append(person) }
        }
        return result
    }

    private static func string(_ value: Any?) -> String? {
        guard let text = value as? String else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func describe(_ error: any Error) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
        return text.replacingOccurrences(of: "\n", with: " ")
    }
}
