import Hummingbird

/// Turns every failure into the admin API's `{"error": "…"}` body: unknown routes (Hummingbird's 404), other
/// `HTTPError`s, and unexpected backend errors (500 with the error's description, so an operator sees the cause).
struct AdminErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as AdminHTTPError {
            throw error
        } catch let error as HTTPError {
            let message = error.status == .notFound
                ? "no such endpoint: \(request.method) \(request.uri.path)" : (error.body ?? error.status.reasonPhrase)
            throw AdminHTTPError(error.status, message)
        } catch let error as any HTTPResponseError {
            throw AdminHTTPError(error.status, error.status.reasonPhrase)
        } catch {
            context.logger.error("admin API \(request.method) \(request.uri.path) failed: \(error)")
            throw AdminHTTPError(.internalServerError, "internal error: \(error)")
        }
    }
}
