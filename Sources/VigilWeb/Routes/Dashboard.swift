import Foundation
import HTTPTypes
import Hummingbird
import NIOPosix
import VigilStore

/// The dashboard's routes and what they share: the store, the key that signs
/// sessions, and the login throttle. Every page but `/login` and the
/// stylesheet needs a session; every POST needs the session's CSRF token.
struct Dashboard: Sendable {
    static let sessionCookie = "vigil_session"
    static let loginCookie = "vigil_login"

    let store: Store
    let settings: DashboardSettings
    let trustedProxies: Set<String>
    let signer: SessionSigner
    let throttle = LoginThrottle()
    /// A hash to check a password against when the name is unknown, so that a
    /// wrong name takes as long to refuse as a wrong password.
    let decoyHash: String

    init(store: Store, settings: DashboardSettings = DashboardSettings(), passwordCost: UInt8 = PasswordHashing.cost) throws {
        self.store = store
        self.settings = settings
        trustedProxies = Set(settings.trustedProxies)
        signer = SessionSigner(secret: try store.webSessionKey(generate: SessionSigner.generateSecret))
        decoyHash = PasswordHashing.hash(SessionSigner.randomToken(), cost: passwordCost)
    }

    func router() -> Router<DashboardContext> {
        let router = Router(context: DashboardContext.self)
        router.add(middleware: SecurityHeaders<DashboardContext>())
        router.get("/static/vigil.css") { _, _ in PageResponse.stylesheet() }
        router.get("/login") { request, context in self.loginForm(request, context: context) }
        router.post("/login") { request, context in try await self.login(request, context: context) }
        router.post("/logout") { request, context in try await self.logout(request, context: context) }
        router.get("/") { request, context in try self.overview(request, context: context) }
        router.get("/findings") { request, context in try self.findingsList(request, context: context) }
        router.get("/findings/:id") { request, context in try self.finding(request, context: context) }
        router.post("/findings/:id/ack") { request, context in try await self.acknowledge(request, context: context) }
        router.post("/findings/:id/label") { request, context in try await self.label(request, context: context) }
        router.get("/feeds") { request, context in try self.feeds(request, context: context) }
        router.get("/people") { request, context in try self.people(request, context: context) }
        router.post("/feeds/add") { request, context in try await self.addFeed(request, context: context) }
        router.post("/feeds/:id/remove") { request, context in try await self.removeFeed(request, context: context) }
        router.post("/people/add") { request, context in try await self.addPerson(request, context: context) }
        router.post("/people/:id/remove") { request, context in try await self.removePerson(request, context: context) }
        router.get("/digest") { request, context in try self.digest(request, context: context) }
        return router
    }

    // MARK: Sessions

    /// The signed-in user of a request, or nil: no cookie, a forged or expired
    /// one, a removed user, or a password changed since sign-in.
    func session(of request: Request) throws -> SignedInUser? {
        guard let value = request.cookies[Self.sessionCookie]?.value,
              let claims = signer.claims(fromCookie: value, now: Date()),
              let user = try store.user(id: claims.userID),
              SessionSigner.constantTimeEqual(signer.passwordTag(for: user.passwordHash), claims.passwordTag)
        else { return nil }
        return SignedInUser(user: user, claims: claims, csrfToken: signer.csrfToken(for: claims))
    }

    /// The form fields of a POST whose session and CSRF token check, or the
    /// response that refuses it.
    func checkedPost(_ request: Request) async throws -> Result<(SignedInUser, FormFields), RefusedRequest> {
        guard let session = try session(of: request) else { return .failure(RefusedRequest(response: PageResponse.redirect(to: "/login"))) }
        let fields = try await Self.formFields(of: request)
        guard let token = fields["csrf"], SessionSigner.constantTimeEqual(token, session.csrfToken) else {
            return .failure(RefusedRequest(response: PageResponse.html(
                PageLayout.message(
                    title: "Form expired", text: "The form was not sent from this session. Load the page again and retry.",
                    session: session),
                status: .forbidden)))
        }
        return .success((session, fields))
    }

    /// Cookies are marked Secure when the browser reached vigil over HTTPS
    /// through a trusted proxy (`X-Forwarded-Proto: https`).
    func secureCookies(_ request: Request, context: DashboardContext) -> Bool {
        trustsProxy(context) && request.headers[Self.forwardedProto]?.lowercased() == "https"
    }

    /// Whether the peer is a proxy whose forwarding headers are believed:
    /// one on this machine, or one listed in `[web] trusted_proxies`.
    func trustsProxy(_ context: DashboardContext) -> Bool {
        context.peerIsLoopback || trustedProxies.contains(context.peerAddress)
    }

    /// The browser's address: behind a trusted proxy, the last address its
    /// `X-Forwarded-For` names (the one the proxy itself saw; those before
    /// it are the client's word); otherwise the peer's. The login throttle
    /// counts by it, so that users behind one proxy are not throttled together.
    func clientAddress(_ request: Request, context: DashboardContext) -> String {
        guard trustsProxy(context), let forwarded = request.headers[Self.forwardedFor],
              let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        else { return context.peerAddress }
        return last
    }

    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    static func formFields(of request: Request) async throws -> FormFields {
        var request = request
        let body = try await request.collectBody(upTo: 64 * 1024)
        return FormFields(encoded: String(buffer: body))
    }

    /// Runs bcrypt off the server's event loops and Swift's cooperative threads.
    func verify(_ password: String, against hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { PasswordHashing.verify(password, against: hash) }
    }

    func notFound(_ session: SignedInUser?) -> Response {
        PageResponse.html(
            PageLayout.message(title: "Not found", text: "There is no such page or finding.", session: session),
            status: .notFound)
    }
}
