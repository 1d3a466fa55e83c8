import VigilStore

/// The frame every page shares: the head with the one stylesheet, and for a
/// signed-in user the navigation and the sign-out button.
enum PageLayout {
    static func page(title: String, session: SignedInUser?, @HTMLBuilder body: () -> HTML) -> HTML {
        HTML.document(HTML.element("html", ["lang": "en"]) {
            HTML.element("head") {
                HTML.void("meta", ["charset": "utf-8"])
                HTML.void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                HTML.element("title") { title + " · vigil" }
                HTML.void("link", ["rel": "stylesheet", "href": "/static/vigil.css"])
            }
            HTML.element("body") {
                HTML.element("header") {
                    HTML.element("a", ["href": "/", "class": "brand"]) { "vigil" }
                    if let session {
                        HTML.element("nav") {
                            HTML.element("a", ["href": "/"]) { "Overview" }
                            HTML.element("a", ["href": "/findings"]) { "Findings" }
                            HTML.element("a", ["href": "/people"]) { "People" }
                            HTML.element("a", ["href": "/feeds"]) { "Feeds" }
                            HTML.element("a", ["href": "/digest"]) { "Digest" }
                        }
                        HTML.element("form", ["method": "post", "action": "/logout", "class": "signout"]) {
                            csrfField(session.csrfToken)
                            HTML.element("span") { session.user.name + (session.user.isAdmin ? " (admin)" : "") }
                            HTML.element("button", ["type": "submit"]) { "Sign out" }
                        }
                    }
                }
                HTML.element("main") { body() }
            }
        })
    }

    static func csrfField(_ token: String) -> HTML {
        HTML.void("input", ["type": "hidden", "name": "csrf", "value": token])
    }

    /// A page that says what went wrong, for 403, 404 and bad input.
    static func message(title: String, text: String, session: SignedInUser?) -> HTML {
        page(title: title, session: session) {
            HTML.element("h1") { title }
            HTML.element("p") { text }
        }
    }
}
