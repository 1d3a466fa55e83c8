/// The sign-in form: user name, password and the CSRF token bound to the
/// login cookie.
enum LoginPage {
    static func render(token: String, name: String?, error: String?) -> HTML {
        PageLayout.page(title: "Sign in", session: nil) {
            HTML.element("h1") { "Sign in" }
            if let error {
                HTML.element("p", ["class": "error", "role": "alert"]) { error }
            }
            HTML.element("form", ["method": "post", "action": "/login", "class": "login"]) {
                PageLayout.csrfField(token)
                HTML.element("label", ["for": "name"]) { "User name" }
                HTML.void("input", ["id": "name", "name": "name", "type": "text", "autocomplete": "username", "required": "", "value": name])
                HTML.element("label", ["for": "password"]) { "Password" }
                HTML.void("input", ["id": "password", "name": "password", "type": "password", "autocomplete": "current-password", "required": ""])
                HTML.element("button", ["type": "submit"]) { "Sign in" }
            }
        }
    }
}
