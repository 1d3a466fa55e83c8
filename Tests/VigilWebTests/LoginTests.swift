import Foundation
import Testing
@testable import VigilWeb

/// Signing in and out over HTTP, with the form's CSRF token, a wrong
/// password, and the throttle on repeated failures.
@Suite struct LoginTests {
    @Test func signsInWithTheFormsTokenAndOut() async throws {
        let world = try await DashboardWorld()
        let browser = world.browser()
        let unsigned = try await browser.get("/")
        #expect(unsigned.status == 303)
        #expect(unsigned.header("location") == "/login")

        let form = try await browser.get("/login")
        #expect(form.status == 200)
        #expect(form.body.contains(#"name="name""#) && form.body.contains(#"name="password""#))
        let token = try #require(form.csrfToken)
        let loginCookie = try #require(form.headers("set-cookie").first { $0.hasPrefix("vigil_login=") })
        #expect(loginCookie.contains("HttpOnly") && loginCookie.contains("SameSite=Strict"))

        let signIn = try await browser.post("/login", form: [("csrf", token), ("name", "ALICE"), ("password", DashboardWorld.password)])
        #expect(signIn.status == 303)
        #expect(signIn.header("location") == "/")
        let session = try #require(signIn.headers("set-cookie").first { $0.hasPrefix("vigil_session=") })
        #expect(session.contains("HttpOnly"))
        #expect(session.contains("SameSite=Strict"))
        #expect(session.contains("Path=/"))
        #expect(!session.contains("Secure"), "plain HTTP without a proxy: a Secure cookie would never come back")

        let overview = try await browser.get("/")
        #expect(overview.status == 200)
        #expect(overview.body.contains("Ada Lovelace"))

        let signOutToken = try #require(overview.csrfToken)
        let signOut = try await browser.post("/logout", form: [("csrf", signOutToken)])
        #expect(signOut.status == 303)
        #expect(signOut.header("location") == "/login")
        #expect(browser.cookies["vigil_session"] == nil)
        #expect(try await browser.get("/").status == 303)
    }

    @Test func refusesASignInWithoutTheFormsToken() async throws {
        let world = try await DashboardWorld()
        let browser = world.browser()
        _ = try await browser.get("/login")
        let forged = try await browser.post("/login", form: [("csrf", "forged"), ("name", "alice"), ("password", DashboardWorld.password)])
        #expect(forged.status == 403)
        #expect(browser.cookies["vigil_session"] == nil)

        let fresh = world.browser()
        let form = try await world.browser().get("/login")
        let noCookie = try await fresh.post("/login", form: [("csrf", form.csrfToken ?? ""), ("name", "alice"), ("password", DashboardWorld.password)])
        #expect(noCookie.status == 403, "a token lifted from another browser's form is worthless without its cookie")
    }

    @Test func refusesAWrongPasswordAndAnUnknownNameAlike() async throws {
        let world = try await DashboardWorld()
        let browser = world.browser()
        for (name, password) in [("alice", "not the password"), ("mallory", DashboardWorld.password)] {
            let form = try await browser.get("/login")
            let response = try await browser.post("/login", form: [("csrf", form.csrfToken ?? ""), ("name", name), ("password", password)])
            #expect(response.status == 401)
            #expect(response.body.contains("Wrong user name or password."))
            #expect(browser.cookies["vigil_session"] == nil)
        }
    }

    @Test func throttlesAfterFiveFailuresForOneName() async throws {
        let world = try await DashboardWorld()
        let browser = world.browser()
        func attempt(_ name: String, _ password: String) async throws -> LoopbackBrowser.Response {
            let form = try await browser.get("/login")
            return try await browser.post("/login", form: [("csrf", form.csrfToken ?? ""), ("name", name), ("password", password)])
        }
        for _ in 0..<LoginThrottle.maximumFailures {
            #expect(try await attempt("alice", "wrong password").status == 401)
        }
        let blocked = try await attempt("alice", DashboardWorld.password)
        #expect(blocked.status == 429, "the right password is not even checked once the limit is reached")
        #expect(browser.cookies["vigil_session"] == nil)
        #expect(try await attempt("root", DashboardWorld.password).status == 303, "another name from the same address is not blocked")
    }

    @Test func aForgedOrAlteredSessionCookieSignsNobodyIn() async throws {
        let world = try await DashboardWorld()
        let browser = try await world.signedIn("alice")
        let genuine = try #require(browser.cookies["vigil_session"])
        let parts = genuine.split(separator: ".")
        var base64 = String(parts[0]).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        let claims = try JSONDecoder().decode(SessionClaims.self, from: try #require(Data(base64Encoded: base64)))
        var promoted = claims
        promoted.userID = try #require(try world.store.user(named: "root")).id
        let payload = try JSONEncoder().encode(promoted).base64EncodedString()
            .replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        browser.setCookie("vigil_session", payload + "." + parts[1])
        #expect(try await browser.get("/").status == 303)
    }

    @Test func aNewPasswordEndsOpenSessions() async throws {
        let world = try await DashboardWorld()
        let browser = try await world.signedIn("alice")
        #expect(try await browser.get("/").status == 200)
        try world.store.setPasswordHash(PasswordHashing.hash("another long password", cost: 4), forUser: "alice")
        #expect(try await browser.get("/").status == 303)
    }

    @Test func cookiesAreSecureBehindAnHTTPSProxyOnThisMachine() async throws {
        let world = try await DashboardWorld()
        let browser = world.browser()
        let form = try await browser.get("/login", headers: [("X-Forwarded-Proto", "https")])
        #expect(form.headers("set-cookie").allSatisfy { $0.contains("Secure") })
        let signIn = try await browser.post(
            "/login", form: [("csrf", form.csrfToken ?? ""), ("name", "alice"), ("password", DashboardWorld.password)],
            headers: [("X-Forwarded-Proto", "https")])
        let session = try #require(signIn.headers("set-cookie").first { $0.hasPrefix("vigil_session=") })
        #expect(session.contains("Secure"))
    }

    @Test func behindAProxyTheThrottleCountsEachForwardedClient() async throws {
        let world = try await DashboardWorld()
        let browser = world.browser()
        func attempt(from client: String, _ password: String) async throws -> LoopbackBrowser.Response {
            let form = try await browser.get("/login", headers: [("X-Forwarded-For", client)])
            return try await browser.post(
                "/login", form: [("csrf", form.csrfToken ?? ""), ("name", "alice"), ("password", password)],
                headers: [("X-Forwarded-For", client)])
        }
        for _ in 0..<LoginThrottle.maximumFailures {
            #expect(try await attempt(from: "198.51.100.7, 203.0.113.5", "wrong password").status == 401)
        }
        #expect(try await attempt(from: "203.0.113.5", DashboardWorld.password).status == 429)
        // Another browser behind the same proxy is not held for the first one's failures,
        // and the addresses a client writes before the proxy's own count for nothing.
        #expect(try await attempt(from: "203.0.113.5, 203.0.113.6", DashboardWorld.password).status == 303)
    }
}
