/// The pass that builds a `PageOutline`: tags are read as the text scanner reads
/// them (same names, same tag ends, same comments), and elements are nested the
/// way browsers nest broken markup closely enough for choosing an article: an end
/// tag closes the nearest open element of its name and everything opened since;
/// an end tag with no open element of its name is ignored; a paragraph ends where
/// a block starts; what is still open at the end of the page ends there.
struct OutlineBuilder {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var outline = PageOutline()
    private var position = 0
    /// Indices of the open elements, innermost last.
    private var open: [Int] = []
    private var openAnchors = 0
    private var text = 0
    private var linkText = 0
    private var anchors = 0
    /// How far down the open elements an end tag looks for its start: a page of
    /// unclosed elements then costs each end tag a bounded search, not the page's depth.
    private static let endTagReach = 256

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func run() {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x3C {
                markup()
            } else {
                if byte > 0x20 { countText(1) }
                position += 1
            }
        }
        while let index = open.popLast() { closeOpen(index, contentEnd: bytes.count, end: bytes.count) }
        outline.text = text
    }

    private mutating func countText(_ count: Int) {
        text += count
        if openAnchors > 0 { linkText += count }
    }

    private mutating func markup() {
        let start = position
        guard start + 1 < bytes.count else {
            countText(1)
            position += 1
            return
        }
        let next = bytes[start + 1]
        if next == 0x21 { // <!
            if matches("<!--", at: start) {
                position = find("-->", from: start + 4).map { $0 + 3 } ?? bytes.count
            } else if matches("<![CDATA[", at: start) {
                position = find("]]>", from: start + 9).map { $0 + 3 } ?? bytes.count
            } else {
                position = find(0x3E, from: start).map { $0 + 1 } ?? bytes.count
            }
            return
        }
        if next == 0x3F { // <? ... >
            position = find(0x3E, from: start).map { $0 + 1 } ?? bytes.count
            return
        }
        let isEnd = next == 0x2F
        let nameStart = start + (isEnd ? 2 : 1)
        guard nameStart < bytes.count, HTMLScanner.isLetter(bytes[nameStart]) else {
            countText(1)
            position += 1
            return
        }
        var nameEnd = nameStart
        while nameEnd < bytes.count, HTMLScanner.isNameByte(bytes[nameEnd]) { nameEnd += 1 }
        var localStart = nameStart
        for index in nameStart..<nameEnd where bytes[index] == 0x3A { localStart = index + 1 }
        let name = PackedName(UnsafeBufferPointer(rebasing: bytes[localStart..<nameEnd]))
        let tagEnd = HTMLScanner.tagEnd(in: bytes, after: nameEnd)
        position = tagEnd
        if isEnd {
            endTag(name, at: start, tagEnd: tagEnd)
        } else {
            let closed = tagEnd <= bytes.count && bytes[tagEnd - 1] == 0x3E
            let attributesEnd = closed ? tagEnd - 1 : tagEnd
            let selfClosing = closed && attributesEnd > nameEnd && bytes[attributesEnd - 1] == 0x2F
            startTag(name, at: start, attributes: nameEnd..<max(nameEnd, attributesEnd), tagEnd: tagEnd,
                     selfClosing: selfClosing, localName: localStart..<nameEnd)
        }
    }

    private mutating func startTag(
        _ name: PackedName?, at start: Int, attributes: Range<Int>, tagEnd: Int, selfClosing: Bool,
        localName: Range<Int>
    ) {
        closeImplied(before: name, at: start)
        let index = outline.elements.count
        outline.elements.append(OutlineElement(
            name: name, parent: open.last, start: start, contentStart: tagEnd, contentEnd: tagEnd, end: tagEnd,
            attributes: attributes, text: text, linkText: linkText, anchors: anchors
        ))
        guard let name else {
            if selfClosing { close(index, contentEnd: tagEnd, end: tagEnd) } else { push(index, name: nil) }
            return
        }
        if name == ElementName.meta {
            recordMetadata(attributes)
        } else if name == ElementName.base, outline.baseHref == nil {
            let tag = TagAttributes(bytes: bytes, range: attributes)
            outline.baseHref = tag.value(of: "href").map { AttributeText.decoded(bytes, $0) }
        }
        if ElementName.void.contains(name) || selfClosing {
            close(index, contentEnd: tagEnd, end: tagEnd)
        } else if ElementName.rawText.contains(name) {
            let closing = rawTextEnd(named: localName, from: tagEnd)
            if name == ElementName.title, outline.title == nil, !isOpen(ElementName.svg) {
                outline.title = AttributeText.decoded(bytes, tagEnd..<closing.contentEnd)
            }
            close(index, contentEnd: closing.contentEnd, end: closing.end)
            position = closing.end
        } else {
            push(index, name: name)
        }
    }

    private mutating func push(_ index: Int, name: PackedName?) {
        open.append(index)
        if name == ElementName.anchor {
            openAnchors += 1
            anchors += 1
        }
    }

    private mutating func endTag(_ name: PackedName?, at start: Int, tagEnd: Int) {
        // Browsers keep reading a page's text into its body after `</body>`.
        guard let name, name != ElementName.body, name != ElementName.html else { return }
        var depth = open.count - 1
        let lowest = max(0, open.count - Self.endTagReach)
        while depth >= lowest, outline.elements[open[depth]].name != name { depth -= 1 }
        guard depth >= lowest else { return }
        while open.count > depth + 1, let inner = open.popLast() {
            closeOpen(inner, contentEnd: start, end: start)
        }
        closeOpen(open.removeLast(), contentEnd: start, end: tagEnd)
    }

    /// Closes what a new start tag ends without an end tag: an open head before body
    /// content, an open paragraph before a block, an open list item before the next.
    private mutating func closeImplied(before name: PackedName?, at start: Int) {
        guard let top = open.last, let topName = outline.elements[top].name else { return }
        let ends: Bool
        if topName == ElementName.head {
            ends = name.map { !ElementName.inHead.contains($0) } ?? true
        } else if topName == ElementName.paragraph {
            ends = name.map { ElementName.closesParagraph.contains($0) } ?? false
        } else if topName == ElementName.listItem {
            ends = name == ElementName.listItem
        } else {
            ends = false
        }
        if ends {
            open.removeLast()
            closeOpen(top, contentEnd: start, end: start)
            // `<p>one<li>two` inside a list ends the paragraph and then the item before.
            if topName == ElementName.paragraph, name == ElementName.listItem { closeImplied(before: name, at: start) }
        }
    }

    private mutating func close(_ index: Int, contentEnd: Int, end: Int) {
        var element = outline.elements[index]
        element.contentEnd = contentEnd
        element.end = end
        element.text = text - element.text
        element.linkText = linkText - element.linkText
        element.anchors = anchors - element.anchors
        outline.elements[index] = element
    }

    /// Closes an element taken off the open ones.
    private mutating func closeOpen(_ index: Int, contentEnd: Int, end: Int) {
        close(index, contentEnd: contentEnd, end: end)
        if outline.elements[index].name == ElementName.anchor { openAnchors -= 1 }
    }

    private mutating func recordMetadata(_ attributes: Range<Int>) {
        let tag = TagAttributes(bytes: bytes, range: attributes)
        guard let key = tag.value(of: "property") ?? tag.value(of: "name"), let content = tag.value(of: "content") else {
            return
        }
        let name = AttributeText.decoded(bytes, key).lowercased()
        if outline.metadata[name] == nil {
            outline.metadata[name] = AttributeText.decoded(bytes, content)
        }
    }

    private func isOpen(_ name: PackedName) -> Bool {
        open.contains { outline.elements[$0].name == name }
    }

    /// Where the raw text of an element named by the bytes at `name` ends: the `<`
    /// of its end tag and the byte after that tag, or the end of the page.
    private func rawTextEnd(named name: Range<Int>, from start: Int) -> (contentEnd: Int, end: Int) {
        var index = start
        while let candidate = find(0x3C, from: index) {
            let nameStart = candidate + 2
            let nameEnd = nameStart + name.count
            if candidate + 1 < bytes.count, bytes[candidate + 1] == 0x2F, nameEnd <= bytes.count,
               sameLetters(nameStart..<nameEnd, name),
               nameEnd == bytes.count || !HTMLScanner.isNameByte(bytes[nameEnd]) {
                return (candidate, HTMLScanner.tagEnd(in: bytes, after: nameEnd))
            }
            index = candidate + 1
        }
        return (bytes.count, bytes.count)
    }

    private func sameLetters(_ left: Range<Int>, _ right: Range<Int>) -> Bool {
        zip(left, right).allSatisfy { lowercased(bytes[$0]) == lowercased(bytes[$1]) }
    }

    private func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    private func matches(_ prefix: StaticString, at start: Int) -> Bool {
        bytes.matchesIgnoringASCIICase(prefix, at: start)
    }

    private func find(_ byte: UInt8, from start: Int) -> Int? {
        bytes.firstIndex(of: byte, from: start)
    }

    private func find(_ needle: StaticString, from start: Int) -> Int? {
        bytes.firstIndex(ofIgnoringASCIICase: needle, from: start)
    }
}
