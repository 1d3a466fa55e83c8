/// What counts as a page's chrome, the parts around its article: navigation,
/// sidebars, comment sections and forms, share buttons, cookie notices, lists of
/// related posts, and, around the article rather than in it, the site's header
/// and footer. An element is chrome when
/// - it is a `nav`, `aside`, `form` or `dialog`, or one the text scanner drops
///   (script, style, template, svg, ...);
/// - it is `hidden`, or its `role` is a landmark of chrome (`navigation`,
///   `complementary`, `search`, `banner`, `contentinfo`);
/// - a word of its `class` or `id` starts with one of `nav`, `menu`, `sidebar`,
///   `breadcrumb`, `comment`, `share`, `social`, `related`, `cookie`, `consent`
///   (`site-nav`, `commentList`, `relatedposts`);
/// - outside an article only: it is a `header` or `footer`, or such a word starts
///   with `header`, `footer` or `masthead` (inside an `<article>`, the header is the
///   article's own: its title and byline);
/// - outside an article only: it is a container of at least three links whose link
///   text is at least 70% of its text (an unmarked menu or tag cloud).
///
/// Chrome is a small part of a page, so an element holding more than half of the
/// text being read is never chrome, whatever its markup says: a page wrapped in one
/// `<form>`, or its content in `<div class="has-sidebar">`.
struct PageChrome {
    let outline: PageOutline
    let bytes: UnsafeBufferPointer<UInt8>
    /// Whether the part being read is an article (or a main element), not a whole page.
    let withinArticle: Bool
    /// Visible text bytes in the part being read.
    let partText: Int

    func isChrome(_ element: OutlineElement) -> Bool {
        guard element.text * 2 <= partText else { return false }
        if let name = element.name {
            if Self.chromeNames.contains(name) || ElementRole.of(name) == .dropped { return true }
            if !withinArticle, name == ElementName.header || name == ElementName.footer { return true }
            if !withinArticle, ElementName.linkContainers.contains(name), element.anchors >= 3,
               element.linkText * 10 >= element.text * 7 {
                return true
            }
        }
        guard !element.attributes.isEmpty else { return false }
        var chrome = false
        let tag = TagAttributes(bytes: bytes, range: element.attributes)
        tag.forEach { name, value in
            guard !chrome else { return }
            if tag.equals(name, "hidden") {
                chrome = true
            } else if tag.equals(name, "role") {
                chrome = String(decoding: UnsafeBufferPointer(rebasing: bytes[value]), as: UTF8.self).lowercased()
                    .split(separator: " ").contains { Self.chromeRoles.contains(String($0)) }
            } else if tag.equals(name, "class") || tag.equals(name, "id") {
                chrome = hasChromeWord(value)
            }
        }
        return chrome
    }

    private static let chromeNames = ElementName.names("nav aside form dialog")
    private static let chromeRoles: Set = ["navigation", "complementary", "search", "banner", "contentinfo"]
    private static let chromeWords = [
        "nav", "menu", "sidebar", "breadcrumb", "comment", "share", "social", "related", "cookie", "consent",
    ].map { Array($0.utf8) }
    private static let pageChromeWords = ["header", "footer", "masthead"].map { Array($0.utf8) }
    private static let topicPrefixes = ["tag-", "category-"].map { Array($0.utf8) }

    /// Whether a word of a class or id value starts with a chrome word. Words are
    /// split at anything not an ASCII letter or digit and where a capital follows a
    /// small letter: `site-header shareButtons` has `site`, `header`, `share`, `buttons`.
    /// Classes starting `tag-` or `category-` say what a post is about (`tag-social`),
    /// not where it sits, and are skipped.
    private func hasChromeWord(_ value: Range<Int>) -> Bool {
        var index = value.lowerBound
        while index < value.upperBound {
            while index < value.upperBound, isSpace(bytes[index]) { index += 1 }
            let tokenStart = index
            while index < value.upperBound, !isSpace(bytes[index]) { index += 1 }
            let token = tokenStart..<index
            guard !token.isEmpty, !Self.topicPrefixes.contains(where: { startsWith($0, token) }) else { continue }
            if hasChromeWord(inToken: token) { return true }
        }
        return false
    }

    private func hasChromeWord(inToken token: Range<Int>) -> Bool {
        var wordStart = token.lowerBound
        var previousWasLower = false
        for index in token {
            let byte = bytes[index]
            let isUpper = byte >= 0x41 && byte <= 0x5A
            if !HTMLScanner.isAlphanumeric(byte) || (isUpper && previousWasLower) {
                if startsWithChromeWord(wordStart..<index) { return true }
                wordStart = HTMLScanner.isAlphanumeric(byte) ? index : index + 1
            }
            previousWasLower = byte >= 0x61 && byte <= 0x7A
        }
        return startsWithChromeWord(wordStart..<token.upperBound)
    }

    private func startsWithChromeWord(_ word: Range<Int>) -> Bool {
        guard !word.isEmpty else { return false }
        return Self.chromeWords.contains { startsWith($0, word) }
            || (!withinArticle && Self.pageChromeWords.contains { startsWith($0, word) })
    }

    /// Whether the bytes at `range` start with `prefix` (lowercase ASCII) in any case.
    private func startsWith(_ prefix: [UInt8], _ range: Range<Int>) -> Bool {
        prefix.count <= range.count && zip(prefix, range).allSatisfy { expected, index in
            let byte = bytes[index]
            return (byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) == expected
        }
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
