import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import VanBanExtract
import VanBanFormats
import VanBanIngest
import VanBanJSON
import VanBanModel
import VanBanStore
import VanBanText

/// How `vanban serve` listens and what it accepts.
public struct ServerOptions: Sendable {
    public var host: String
    /// 0 picks a free port (printed once the server runs).
    public var port: Int
    /// The largest upload accepted by `POST /documents` (default 20 MB, as `--max-size`).
    public var maxUploadSize: Int
    /// Connections idle this long are closed.
    public var idleTimeout: Duration
    /// Page size of `GET /documents` when `limit` is not given, and its ceiling.
    public var defaultPageSize: Int, maxPageSize: Int
    /// Who may read and write; empty: everyone (loopback only, unless `allowOpen`).
    public var tokens: AccessTokens = AccessTokens()
    /// Listen beyond loopback with no token (`--allow-open`).
    public var allowOpen = false

    /// Why these options must not start a server, or nil: with no token configured the
    /// server listens on loopback only, unless `allowOpen` says otherwise.
    public var refusal: String? {
        guard tokens.isEmpty, !allowOpen, !isLoopback(host) else { return nil }
        return "refusing to listen on \(host) with no token: anyone who reaches the port could upload and read. "
            + "Give tokens (--token-file PATH or VANBAN_TOKENS; see 'vanban serve --help'), or pass --allow-open to serve everyone"
    }

    public init(host: String = "127.0.0.1", port: Int = 8080, maxUploadSize: Int = ReadOptions.defaultMaxSize,
                idleTimeout: Duration = .seconds(30), defaultPageSize: Int = 100, maxPageSize: Int = 1000) {
        self.host = host; self.port = port; self.maxUploadSize = maxUploadSize; self.idleTimeout = idleTimeout
        self.defaultPageSize = defaultPageSize; self.maxPageSize = maxPageSize
    }
}

/// The HTTP API over a `DocumentStore`. Thin: every route reads its parameters,
/// calls the store (or the parse pipeline for uploads) and encodes the result.
public enum APIServer {
    /// Every route, as in `Schemas/openapi.yaml` (a test keeps the two in step).
    public static let routes: [(method: String, path: String)] = [
        ("GET", "/health"), ("GET", "/openapi.yaml"), ("GET", "/vanban-document.schema.json"),
        ("GET", "/documents"), ("POST", "/documents"), ("GET", "/documents/{id}"),
        ("GET", "/tasks"), ("GET", "/agencies"), ("GET", "/citations"), ("GET", "/deadlines"),
        ("GET", "/targets"), ("GET", "/search"), ("GET", "/implementers"),
    ]

    /// The application; run it with `runService()` (stops gracefully on SIGTERM/SIGINT).
    /// `reader` parses uploads: `vanban serve` passes a `WorkerPool`, so that a parser
    /// failure fails that upload only; by default uploads are read in this process.
    public static func application(store: any DocumentStore, options: ServerOptions, logger: Logger,
                                   reader: (any PlanReader)? = nil,
                                   onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router()
        router.add(middleware: RequestLog())
        router.add(middleware: AccessControl(tokens: options.tokens))
        let api = Handlers(store: store, options: options,
                           reader: reader ?? InProcessPlanReader(options: ReadOptions(maxSize: options.maxUploadSize)))
        router.get("/health") { _, _ in try await api.health() }
        router.get("/openapi.yaml") { _, _ in Handlers.text(EmbeddedSchemas.openAPI, type: "application/yaml") }
        router.get("/vanban-document.schema.json") { _, _ in Handlers.text(EmbeddedSchemas.documentSchema, type: "application/schema+json") }
        router.get("/documents") { req, _ in try await api.documents(req) }
        router.post("/documents") { req, ctx in try await api.upload(req, ctx) }
        router.get("/documents/{id}") { req, ctx in try await api.document(req, ctx) }
        router.get("/tasks") { req, _ in try await api.tasks(req) }
        router.get("/agencies") { _, _ in try await api.agencies() }
        router.get("/citations") { req, _ in try await api.citations(req) }
        router.get("/deadlines") { req, _ in try await api.deadlines(req) }
        router.get("/targets") { req, _ in try await api.targets(req) }
        router.get("/search") { req, _ in try await api.search(req) }
        router.get("/implementers") { req, _ in try await api.implementers(req) }
        let idle = TimeAmount.nanoseconds(Int64(options.idleTimeout.components.seconds) * 1_000_000_000)
        return Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: idle)),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "vanban"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? options.port) },
            logger: logger
        )
    }
}

/// The route handlers.
struct Handlers: Sendable {
    let store: any DocumentStore
    let options: ServerOptions
    let reader: any PlanReader

    /// Store calls block (SQLite): run them off the event loops.
    func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        do {
            return try await NIOThreadPool.singleton.runIfActive(body)
        } catch let e as StoreError {
            switch e {
            case .unknownDocument: throw Problem.notFound(e.description)
            case .badDate, .badFilter: throw Problem.badQuery(e.description)
            case .ambiguousDocument: throw Problem(.multipleChoices, "ambiguous", e.description)
            default: throw e
            }
        }
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        var h = headers
        h[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: h, body: .init(byteBuffer: ByteBuffer(bytes: try ContractJSON.encode(value))))
    }

    static func text(_ s: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type + "; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: s)))
    }

    /// A query parameter, percent-decoded; empty counts as absent.
    static func param(_ req: Request, _ name: String) -> String? {
        guard let raw = req.uri.queryParameters[Substring(name)] else { return nil }
        let s = String(raw).removingPercentEncoding ?? String(raw)
        return s.isEmpty ? nil : s
    }

    /// `province=` and `level=`, checked.
    static func place(_ req: Request) throws -> PlaceFilter {
        do { return try PlaceFilter(province: param(req, "province"), level: param(req, "level")) }
        catch let e as StoreError { throw Problem.badQuery(e.description) }
    }

    static func required(_ req: Request, _ name: String, example: String) throws -> String {
        guard let v = param(req, name) else { throw Problem.badQuery("missing query parameter '\(name)', for example ?\(name)=\(example)") }
        return v
    }

    struct Health: Codable { var status: String }
    func health() async throws -> Response {
        _ = try await blocking { try store.documents(DocumentQuery(limit: 1)) }
        return try Self.json(Health(status: "ok"))
    }

    /// A page of `GET /documents`, with the cursor of the next page (null on the last).
    struct Page<Item: Codable & Sendable>: Codable, Sendable {
        var items: [Item]
        var nextCursor: String?
        enum CodingKeys: String, CodingKey { case items, nextCursor }
        /// `nextCursor` is written as null on the last page, not left out.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(items, forKey: .items)
            try c.encode(nextCursor, forKey: .nextCursor)
        }
    }

    func documents(_ req: Request) async throws -> Response {
        var q = DocumentQuery(type: Self.param(req, "type"), issuer: Self.param(req, "issuer"), since: Self.param(req, "since"),
                              place: try Self.place(req))
        let limit = try pageSize(req)
        if let cursor = Self.param(req, "cursor") {
            guard let c = Self.decodeCursor(cursor) else { throw Problem.badQuery("'cursor' is not one this server gave out; start again without it") }
            q.after = c
        }
        q.limit = limit + 1
        let query = q
        let rows = try await blocking { try store.documents(query) }
        let page = Array(rows.prefix(limit))
        let next = rows.count > limit ? page.last.map { Self.encodeCursor(DocumentCursor(after: $0)) } : nil
        return try Self.json(Page(items: page, nextCursor: next))
    }

    static func encodeCursor(_ c: DocumentCursor) -> String {
        let data = Data((try? ContractJSON.encode(c)) ?? [])
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decodeCursor(_ s: String) -> DocumentCursor? {
        var b = s.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b.count % 4 != 0 { b += "=" }
        guard let data = Data(base64Encoded: b) else { return nil }
        return try? JSONDecoder().decode(DocumentCursor.self, from: data)
    }

    func document(_ req: Request, _ ctx: some RequestContext) async throws -> Response {
        guard let raw = ctx.parameters.get("id") else { throw Problem.badQuery("missing document id") }
        let ref = raw.removingPercentEncoding ?? raw
        let issuer = Self.param(req, "issuer")
        let found: Document?
        do {
            found = try await blocking({ try store.document(ref, issuer: issuer) })
        } catch let StoreError.ambiguousDocument(_, candidates) {
            throw Problem(.multipleChoices, "ambiguous",
                          "'\(ref)' names \(candidates.count) stored documents; choose one with ?issuer= (words of its issuer or its province) "
                          + "or use its id: " + candidates.joined(separator: "; "))
        }
        guard let doc = found else {
            throw Problem.notFound("no document '\(ref)'; use an id, a number (322%2FKH-UBND) or a file name from GET /documents")
        }
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: try ContractJSON.encode(doc))))
    }

    func upload(_ req: Request, _ ctx: some RequestContext) async throws -> Response {
        var req = req
        let name = Self.param(req, "name") ?? "upload"
        guard !name.contains("/"), !name.contains("\\"), name != "..", name.utf8.count <= 255 else {
            throw Problem.badQuery("'name' must be a plain file name (no folders), for example ?name=ke-hoach.docx")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await req.collectBody(upTo: options.maxUploadSize)
        } catch is NIOTooManyBytesError {
            throw Problem(.contentTooLarge, "too-large", "the upload is over the \(options.maxUploadSize)-byte limit; split or shrink the file")
        }
        let bytes = [UInt8](buffer.readableBytesView)
        guard !bytes.isEmpty else { throw Problem(.unprocessableContent, "empty", "the request body is empty; send the file's bytes as the body") }
        let store = self.store, reader = self.reader
        let sha = SHA256.hex(bytes)
        let path = "upload/\(sha)/\(name)"
        // The same bytes already stored (imported from a folder, or uploaded under another
        // name) are that document: this name is kept as another path of it.
        let (doc, storedAt, created): (Document, String, Bool) = try await blocking {
            if let existing = try store.storedPath(sha256: sha), let doc = try store.document(existing) {
                try store.write([.otherPath(path: path, sha256: sha)])
                return (doc, existing, false)
            }
            switch reader.read(bytes, name: name) {
            case let .document(doc, contract, aliases):
                let prepared = try PreparedDocument(doc, contract: contract, aliases: aliases)
                try store.write([.document(path: path, prepared: prepared)])
                return (doc, path, true)
            case let .unreadable(why):
                throw Problem(.unprocessableContent, "unreadable", "\(name): \(why)")
            case let .stopped(why):
                // Recorded like a failed import, so that 'query errors' lists it.
                try store.write([.failure(path: path, reason: why, sha256: sha)])
                throw Problem(.unprocessableContent, "parser-stopped", "\(name): \(why)")
            }
        }
        let location = "/documents/" + (storedAt.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? storedAt)
        return Response(status: created ? .created : .ok,
                        headers: [.contentType: "application/json; charset=utf-8", .location: location],
                        body: .init(byteBuffer: ByteBuffer(bytes: try ContractJSON.encode(doc))))
    }

    /// RFC 3986 unreserved characters: everything else is percent-encoded in a path segment.
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    func tasks(_ req: Request) async throws -> Response {
        let agency = try Self.required(req, "agency", example: "S%E1%BB%9F%20GD%C4%90T")
        let roleText = Self.param(req, "role") ?? "lead"
        guard let role = TaskQuery.Role(rawValue: roleText) else { throw Problem.badQuery("'role' must be lead or support") }
        let limit = try pageSize(req)
        var offset = 0
        if let cursor = Self.param(req, "cursor") {
            guard let n = Self.decodeOffset(cursor) else { throw Problem.badQuery("'cursor' is not one this server gave out; start again without it") }
            offset = n
        }
        let query = TaskQuery(agency: agency, role: role, offset: offset, limit: limit + 1, place: try Self.place(req))
        let rows = try await blocking { try store.tasks(query) }
        let next = rows.count > limit ? Self.encodeOffset(offset + limit) : nil
        return try Self.json(Page(items: Array(rows.prefix(limit)), nextCursor: next))
    }

    /// `limit` of a paged route, default `defaultPageSize`.
    func pageSize(_ req: Request) throws -> Int {
        guard let limit = Self.param(req, "limit").map({ Int($0) }) ?? options.defaultPageSize, (1...options.maxPageSize).contains(limit) else {
            throw Problem.badQuery("'limit' must be a whole number from 1 to \(options.maxPageSize)")
        }
        return limit
    }

    static func encodeOffset(_ n: Int) -> String { "o" + String(n, radix: 36) }
    static func decodeOffset(_ s: String) -> Int? {
        guard s.first == "o", let n = Int(s.dropFirst(), radix: 36), n >= 0 else { return nil }
        return n
    }

    func agencies() async throws -> Response {
        try Self.json(try await blocking { try store.agencies() })
    }

    func citations(_ req: Request) async throws -> Response {
        if Self.param(req, "transitive") == "true" {
            guard let cites = Self.param(req, "cites") else { throw Problem.badQuery("'transitive' goes with 'cites'") }
            let issuer = Self.param(req, "issuer")
            return try Self.json(try await blocking { try store.implementers(ofNumber: cites, issuer: issuer) })
        }
        let q = CitationQuery(cites: Self.param(req, "cites"), of: Self.param(req, "of"), issuer: Self.param(req, "issuer"))
        guard q.cites != nil || q.of != nil else { throw Problem.badQuery("give 'cites' (for example ?cites=1373/QĐ-TTg) or 'of' (a document)") }
        return try Self.json(try await blocking { try store.citations(q) })
    }

    /// The plans implementing a stored document, breadth first (`depth` 1 cites it directly).
    func implementers(_ req: Request) async throws -> Response {
        let of = try Self.required(req, "of", example: "17%2FKH-UBND")
        let issuer = Self.param(req, "issuer")
        return try Self.json(try await blocking {
            guard let root = try store.storedDocument(of, issuer: issuer) else { throw StoreError.unknownDocument(of) }
            return try store.implementers(of: root)
        })
    }

    func deadlines(_ req: Request) async throws -> Response {
        let q = DeadlineQuery(before: try Self.required(req, "before", example: "2024-12-31"), after: Self.param(req, "after"),
                              agency: Self.param(req, "agency"), place: try Self.place(req))
        return try Self.json(try await blocking { try store.deadlines(q) })
    }

    func targets(_ req: Request) async throws -> Response {
        var year: Int?
        if let y = Self.param(req, "year") {
            guard let v = Int(y), (1900...2200).contains(v) else { throw Problem.badQuery("'year' must be a year like 2025") }
            year = v
        }
        let q = TargetQuery(year: year, indicator: Self.param(req, "indicator"), unit: Self.param(req, "unit"))
        return try Self.json(try await blocking { try store.targets(q) })
    }

    func search(_ req: Request) async throws -> Response {
        let text = try Self.required(req, "q", example: "so%20giao%20duc")
        var hits = 20
        if let l = Self.param(req, "limit") {
            guard let v = Int(l), (1...200).contains(v) else { throw Problem.badQuery("'limit' must be a whole number from 1 to 200") }
            hits = v
        }
        let limit = hits
        return try Self.json(try await blocking { try store.search(text, limit: limit) })
    }
}
