/// One element of a page as the outline saw it: where it starts and ends in the
/// page's bytes, its parent, and how much visible text (and how much of it link
/// text) it holds. Attributes stay unparsed until a rule asks for them: most
/// elements are never asked.
struct OutlineElement {
    /// Nil for names longer than a packed name holds (custom elements); such an
    /// element matches no rule and no end tag.
    var name: PackedName?
    /// The index of the enclosing element in the outline, nil at the top.
    var parent: Int?
    /// The `<` of the start tag.
    var start: Int
    /// Just after the start tag.
    var contentStart: Int
    /// The `<` of the end tag, or where the element was closed implicitly.
    var contentEnd: Int
    /// Just after the end tag (`contentEnd` when there was none).
    var end: Int
    /// The bytes of the start tag between its name and its `>`.
    var attributes: Range<Int>
    /// Visible text bytes (not whitespace, not markup) inside, and those inside links.
    var text = 0
    var linkText = 0
    /// How many `<a>` elements it contains (itself included).
    var anchors = 0
}
