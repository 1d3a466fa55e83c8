/// Where a page's article is: the element to read, and the chrome cut out of it.
///
/// The element is the page's one `<article>` (not nested in another, not inside
/// chrome, with some text), else its one `<main>`, else its one element with
/// `role="main"`; a page with none of them, or several, is read from its `<body>`
/// (or whole, when it has none) with its header and footer cut out as well. The
/// rules for chrome are `PageChrome`'s.
struct ArticleRegion {
    /// The element whose content is read, nil for the whole page.
    let root: Int?
    /// The outermost chrome elements inside the root, in page order.
    let excluded: [Int]
    /// The elements inside the root and outside the chrome, in page order.
    let kept: [Int]
    /// The indices of the elements inside the root, chrome or not.
    let descendants: Range<Int>
    /// The bytes of the root's content.
    let content: Range<Int>

    init(outline: PageOutline, bytes: UnsafeBufferPointer<UInt8>) {
        let elements = outline.elements
        let body = elements.firstIndex { $0.name == ElementName.body }
        let root = Self.articleElement(outline, bytes, body: body) ?? body
        self.root = root
        let withinArticle = root != nil && root != body
        let descendants = root.map { ($0 + 1)..<outline.descendantsEnd(of: $0) } ?? elements.indices
        self.descendants = descendants
        content = root.map { elements[$0].contentStart..<elements[$0].contentEnd } ?? 0..<bytes.count
        let chrome = PageChrome(
            outline: outline, bytes: bytes, withinArticle: withinArticle,
            partText: root.map { elements[$0].text } ?? outline.text
        )
        var excluded: [Int] = []
        var kept: [Int] = []
        var excludedEnd = content.lowerBound
        for index in descendants where elements[index].start >= excludedEnd {
            if chrome.isChrome(elements[index]) {
                excluded.append(index)
                excludedEnd = max(elements[index].end, elements[index].start + 1)
            } else {
                kept.append(index)
            }
        }
        self.excluded = excluded
        self.kept = kept
    }

    /// The article's bytes with the chrome cut out. Each cut leaves the break its
    /// element would have made, so the text around it does not run together.
    func bytes(of page: UnsafeBufferPointer<UInt8>, outline: PageOutline) -> [UInt8] {
        var composed: [UInt8] = []
        composed.reserveCapacity(content.count)
        var cursor = content.lowerBound
        for index in excluded {
            let element = outline.elements[index]
            guard element.start >= cursor, element.start <= content.upperBound else { continue }
            composed.append(contentsOf: UnsafeBufferPointer(rebasing: page[cursor..<element.start]))
            switch element.name.flatMap(ElementRole.of) {
            case .paragraph: composed.append(contentsOf: Self.paragraphBreak)
            case .line: composed.append(contentsOf: Self.lineBreak)
            case .cell: composed.append(0x20)
            case .dropped, nil: break
            }
            cursor = min(max(cursor, element.end), content.upperBound)
        }
        composed.append(contentsOf: UnsafeBufferPointer(rebasing: page[cursor..<content.upperBound]))
        return composed
    }

    private static let paragraphBreak = Array("<p>".utf8)
    private static let lineBreak = Array("<br>".utf8)

    /// The page's one article, main element or `role="main"` element, if it has one.
    private static func articleElement(
        _ outline: PageOutline, _ bytes: UnsafeBufferPointer<UInt8>, body: Int?
    ) -> Int? {
        let elements = outline.elements
        let chrome = PageChrome(
            outline: outline, bytes: bytes, withinArticle: false, partText: body.map { elements[$0].text } ?? outline.text
        )
        // Whether each element is chrome or inside chrome, and whether it is inside an
        // article: parents come before their children, so one pass decides both.
        var inChrome = [Bool](repeating: false, count: elements.count)
        var inArticle = [Bool](repeating: false, count: elements.count)
        var articles: [Int] = []
        var mains: [Int] = []
        for (index, element) in elements.enumerated() {
            if let parent = element.parent {
                inChrome[index] = inChrome[parent]
                inArticle[index] = inArticle[parent] || elements[parent].name == ElementName.article
            }
            if !inChrome[index] { inChrome[index] = chrome.isChrome(element) }
            guard !inChrome[index], element.text > 0 else { continue }
            if element.name == ElementName.article, !inArticle[index] { articles.append(index) }
            if element.name == ElementName.main { mains.append(index) }
        }
        if articles.count == 1 { return articles[0] }
        if mains.count == 1 { return mains[0] }
        let roleMains = elements.indices.filter { index in
            guard !inChrome[index], elements[index].text > 0, !elements[index].attributes.isEmpty else { return false }
            let role = TagAttributes(bytes: bytes, range: elements[index].attributes).value(of: "role")
            return role.map { AttributeText.decoded(bytes, $0).lowercased() == "main" } ?? false
        }
        return roleMains.count == 1 ? roleMains[0] : nil
    }
}
