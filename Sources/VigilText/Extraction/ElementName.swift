/// The element names the page outline and the article rules look for, packed once.
enum ElementName {
    static let anchor = packed("a")
    static let article = packed("article")
    static let aside = packed("aside")
    static let base = packed("base")
    static let body = packed("body")
    static let footer = packed("footer")
    static let form = packed("form")
    static let head = packed("head")
    static let header = packed("header")
    static let heading1 = packed("h1")
    static let html = packed("html")
    static let listItem = packed("li")
    static let main = packed("main")
    static let meta = packed("meta")
    static let paragraph = packed("p")
    static let svg = packed("svg")
    static let time = packed("time")
    static let title = packed("title")

    /// Elements that never have content, whether or not the page writes `/>`.
    static let void = names("area base br col embed hr img input link meta param source track wbr keygen frame")

    /// Elements whose content is text up to their own end tag, never markup: a `<p>`
    /// inside a script's string is not a paragraph of the page.
    static let rawText = names("script style textarea title xmp noembed noframes iframe plaintext")

    /// Elements whose start closes an open paragraph, as browsers read `<p>one<div>two`.
    static let closesParagraph = names(
        "address article aside blockquote details dialog div dl fieldset figcaption figure footer form "
            + "h1 h2 h3 h4 h5 h6 header hr li main menu nav ol p pre section table ul"
    )

    /// Elements that may stand in a page's head; any other start tag ends an unclosed head.
    static let inHead = names("base link meta noscript script style template title")

    /// Containers whose content is often nothing but links (menus, tag clouds, lists of posts).
    static let linkContainers = names("div dl menu ol section table ul")

    static func packed(_ name: String) -> PackedName {
        guard let name = PackedName(name) else { preconditionFailure("element names are at most 16 bytes") }
        return name
    }

    static func names(_ list: String) -> [PackedName] {
        list.split(separator: " ").map { packed(String($0)) }
    }
}
