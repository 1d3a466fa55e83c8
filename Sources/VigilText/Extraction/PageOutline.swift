/// The elements of a whole HTML page and what its head says about it, from one
/// tolerant pass (`OutlineBuilder`): what article extraction decides from before it
/// hands the chosen bytes to the text scanner.
struct PageOutline {
    /// In the order of their start tags, so an element's descendants follow it.
    var elements: [OutlineElement] = []
    /// The first `content` of each `<meta>`, keyed by its `property` or `name` lowercased.
    var metadata: [String: String] = [:]
    /// The first `<title>` outside SVG, entities decoded.
    var title: String?
    /// The first `<base href>`, entities decoded.
    var baseHref: String?
    /// Visible text bytes in the whole page.
    var text = 0

    init() {}

    init(page bytes: UnsafeBufferPointer<UInt8>) {
        var builder = OutlineBuilder(bytes: bytes)
        builder.run()
        self = builder.outline
    }

    /// The index after the last descendant of the element at `index`.
    func descendantsEnd(of index: Int) -> Int {
        let limit = elements[index].contentEnd
        var next = index + 1
        while next < elements.count, elements[next].start < limit { next += 1 }
        return next
    }
}
