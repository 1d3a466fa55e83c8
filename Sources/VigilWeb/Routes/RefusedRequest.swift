import Hummingbird

/// A response that ends a request early: a form without its session or its token.
struct RefusedRequest: Error {
    let response: Response
}
