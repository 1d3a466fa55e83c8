import Foundation
import Hummingbird
import VigilStore

extension Dashboard {
    /// The sign-in form, with a fresh login cookie its token is bound to.
    func loginForm(_ request: Request, context: DashboardContext) -> Response {
        loginPage(request, context: context, name: nil, error: nil, status: .ok)
    }

    func login(_ request: Request, context: DashboardContext) async throws -> Response {
        let fields = try await Self.formFields(of: request)
        let name = fields["name"] ?? ""
        guard let nonce = request.cookies[Self.loginCookie]?.value, let token = fields["csrf"],
              SessionSigner.constantTimeEqual(token, signer.loginToken(forNonce: nonce))
        else {
            return loginPage(request, context: context, name: name, error: "The sign-in form expired. Please sign in again.", status: .forbidden)
        }
        let address = clientAddress(request, context: context)
        let now = Date()
        guard await throttle.allows(name: name, address: address, now: now) else {
            return loginPage(
                request, context: context, name: name, error: "Too many failed sign-ins. Try again in a quarter of an hour.",
                status: .tooManyRequests)
        }
        let user = name.isEmpty ? nil : try store.user(named: name)
        let password = fields.raw("password") ?? ""
        let matches = try await verify(password, against: user?.passwordHash ?? decoyHash)
        guard let user, matches else {
            await throttle.recordFailure(name: name, address: address, now: now)
            return loginPage(request, context: context, name: name, error: "Wrong user name or password.", status: .unauthorized)
        }
        await throttle.recordSuccess(name: name, address: address)
        let claims = SessionClaims(
            userID: user.id, issuedAt: Int64(now.timeIntervalSince1970), passwordTag: signer.passwordTag(for: user.passwordHash),
            nonce: SessionSigner.randomToken())
        var response = PageResponse.redirect(to: "/")
        let secure = secureCookies(request, context: context)
        response.setCookie(Cookie(
            name: Self.sessionCookie, value: signer.cookieValue(for: claims), maxAge: Int(SessionSigner.lifetime), path: "/",
            secure: secure, httpOnly: true, sameSite: .strict))
        response.setCookie(Cookie(
            name: Self.loginCookie, value: "", maxAge: 0, path: "/login", secure: secure, httpOnly: true, sameSite: .strict))
        return response
    }

    func logout(_ request: Request, context: DashboardContext) async throws -> Response {
        switch try await checkedPost(request) {
        case .failure(let refused):
            return refused.response
        case .success:
            var response = PageResponse.redirect(to: "/login")
            response.setCookie(Cookie(
                name: Self.sessionCookie, value: "", maxAge: 0, path: "/", secure: secureCookies(request, context: context),
                httpOnly: true, sameSite: .strict))
            return response
        }
    }

    private func loginPage(
        _ request: Request, context: DashboardContext, name: String?, error: String?, status: HTTPResponse.Status
    ) -> Response {
        let nonce = SessionSigner.randomToken()
        var response = PageResponse.html(LoginPage.render(token: signer.loginToken(forNonce: nonce), name: name, error: error), status: status)
        response.setCookie(Cookie(
            name: Self.loginCookie, value: nonce, maxAge: 3600, path: "/login", secure: secureCookies(request, context: context),
            httpOnly: true, sameSite: .strict))
        return response
    }
}
