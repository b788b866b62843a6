import Hummingbird
import Logging
import NIOCore

/// One log line per request: method, path, status, duration. Errors that are not
/// already problems become a 500 problem without internals in the body (they are logged).
struct RequestLog<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        func log(_ status: Int) {
            let ms = Double((ContinuousClock.now - start).components.attoseconds) / 1e15 + Double((ContinuousClock.now - start).components.seconds) * 1000
            context.logger.info("\(request.method.rawValue) \(request.uri.path) \(status) \(String(format: "%.1f", ms))ms")
        }
        do {
            let response = try await next(request, context)
            log(response.status.code)
            return response
        } catch let p as Problem {
            log(p.status.code); throw p
        } catch let e as HTTPResponseError {
            // Router errors (unknown route, wrong method): the same problem format.
            let p = Problem(e.status, e.status == .notFound ? "not-found" : "http-error",
                            e.status == .notFound ? "no such route: \(request.method.rawValue) \(request.uri.path); see /openapi.yaml"
                                                  : "the request could not be served (\(e.status.code) \(e.status.reasonPhrase))")
            log(p.status.code); throw p
        } catch let e as NIOTooManyBytesError {
            _ = e
            let p = Problem(.contentTooLarge, "too-large", "the request body is over the upload limit; send a smaller file")
            log(p.status.code); throw p
        } catch {
            context.logger.error("\(request.method.rawValue) \(request.uri.path) failed: \(error)")
            let p = Problem(.internalServerError, "internal", "the server could not complete the request; it has been logged")
            log(p.status.code); throw p
        }
    }
}
