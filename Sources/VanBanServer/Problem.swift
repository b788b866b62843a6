import HTTPTypes
import Hummingbird
import NIOCore
import VanBanJSON

/// An error as `application/problem+json` (RFC 9457): a type, a title, the status,
/// and a `detail` that says what was wrong and what to do. Never a stack trace.
public struct Problem: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    /// A short stable name (`not-found`, `bad-query`, `too-large`), also the end of `type`.
    public var slug: String
    public var detail: String
    /// Extra response headers (`WWW-Authenticate` on a 401).
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ slug: String, _ detail: String) {
        self.status = status; self.slug = slug; self.detail = detail
    }

    /// The JSON body.
    struct Body: Codable {
        var type: String
        var title: String
        var status: Int
        var detail: String
        var instance: String
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(type: "https://vanban.dev/problems/" + slug, title: status.reasonPhrase, status: status.code,
                        detail: detail, instance: request.uri.path)
        let bytes = (try? ContractJSON.encode(body)) ?? Array(#"{"status":500}"#.utf8)
        var fields: HTTPFields = [.contentType: "application/problem+json"]
        fields.append(contentsOf: headers)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func badQuery(_ detail: String) -> Problem { Problem(.badRequest, "bad-query", detail) }
    static func notFound(_ detail: String) -> Problem { Problem(.notFound, "not-found", detail) }
}
