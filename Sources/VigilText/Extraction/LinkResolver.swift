import Foundation

/// Turns the hrefs of a page into absolute http(s) addresses, relative to the
/// page's `<base href>` if it has one, else to the page's own address. Whitespace
/// around an href and tabs and newlines inside it are dropped, as browsers drop
/// them; fragments are cut, since they name a place in a page, not another page.
struct LinkResolver {
    private let base: URL?
    private let page: String?

    init(pageURL: String, baseHref: String?) {
        let page = URL(string: Self.cleaned(pageURL))
        self.page = page.flatMap(Self.address)
        if let baseHref, let base = URL(string: Self.cleaned(baseHref), relativeTo: page)?.absoluteURL,
           base.scheme != nil {
            self.base = base
        } else {
            base = page
        }
    }

    /// The absolute address of `href`, nil when it is not http(s), has no host or
    /// leads back to the page itself.
    func resolve(_ href: String) -> String? {
        let href = Self.cleaned(href)
        guard !href.isEmpty, let url = URL(string: href, relativeTo: base)?.absoluteURL,
              let address = Self.address(url), address != page
        else { return nil }
        return address
    }

    private static func address(_ url: URL) -> String? {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty
        else { return nil }
        let absolute = url.absoluteString
        return absolute.firstIndex(of: "#").map { String(absolute[..<$0]) } ?? absolute
    }

    private static func cleaned(_ href: String) -> String {
        String(String.UnicodeScalarView(href.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }))
            .trimmingCharacters(in: .whitespaces.union(.controlCharacters))
    }
}
