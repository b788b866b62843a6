import Foundation
import HTTPTypes
import Hummingbird
import VanBanText

/// What a bearer token may do.
public enum AccessRole: String, Sendable, CaseIterable {
    /// Read every reading route.
    case read
    /// Upload (`POST /documents`) and read.
    case write
}

/// The tokens `vanban serve` accepts (`--token-file`, `VANBAN_TOKENS`).
///
/// One token per line with its role, `TOKEN ROLE` or `TOKEN:ROLE`; `#` starts a
/// comment; blank lines are ignored:
///
/// ```text
/// # Phòng Kế hoạch: nhập văn bản
/// 3f9c0a7be1d24c8e9a55e0c6b2f1d7a4 write
/// # Cán bộ các xã: chỉ đọc
/// 8d21c4f0a9b347e6b1c2d3e4f5a6b7c8:read
/// ```
///
/// `VANBAN_TOKENS` holds the same entries, separated by commas or new lines.
/// Tokens are kept only as SHA-256 digests and compared in constant time.
public struct AccessTokens: Sendable {
    /// The shortest token accepted: shorter ones are guessable.
    public static let minimumLength = 16

    struct Entry: Sendable { var digest: [UInt8]; var role: AccessRole }
    private var entries: [Entry] = []

    public init() {}

    /// No token at all: the server is open (and may only listen on loopback unless told).
    public var isEmpty: Bool { entries.isEmpty }
    /// Reading routes need a token once any read token exists.
    public var readsNeedToken: Bool { entries.contains { $0.role == .read } }
    public var count: Int { entries.count }

    public enum ParseError: Error, CustomStringConvertible, Equatable {
        case badLine(source: String, line: Int, why: String)
        public var description: String {
            switch self {
            case let .badLine(source, line, why): return "\(source), entry \(line): \(why)"
            }
        }
    }

    /// Adds the entries of a token file or of `VANBAN_TOKENS` (`source` names it in errors).
    /// Throws for an entry without a role, with an unknown role or with a short token;
    /// the message never repeats the token.
    public mutating func add(_ text: String, source: String) throws {
        let separators: Set<Character> = source == "VANBAN_TOKENS" ? ["\n", ","] : ["\n"]
        for (k, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { separators.contains($0) }).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            let parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ":" })
            guard parts.count == 2 else {
                throw ParseError.badLine(source: source, line: k + 1, why: "write a token and its role, as 'TOKEN write' or 'TOKEN:read'")
            }
            guard let role = AccessRole(rawValue: parts[1].lowercased()) else {
                throw ParseError.badLine(source: source, line: k + 1, why: "the role is 'read' or 'write', not '\(parts[1])'")
            }
            let token = String(parts[0])
            guard token.utf8.count >= Self.minimumLength else {
                throw ParseError.badLine(source: source, line: k + 1,
                                         why: "the token is shorter than \(Self.minimumLength) characters; use a long random one (openssl rand -hex 24)")
            }
            entries.append(Entry(digest: Self.digest(token), role: role))
        }
    }

    static func digest(_ token: some StringProtocol) -> [UInt8] { SHA256.hash(Array(token.utf8)) }

    /// The role of `token`, or nil when it is not one of ours. Every entry is compared,
    /// each in constant time over equal-length digests, whatever matches.
    public func role(of token: some StringProtocol) -> AccessRole? {
        let d = Self.digest(token)
        var found: AccessRole? = nil
        for e in entries {
            var diff: UInt8 = 0
            for k in 0..<d.count { diff |= d[k] ^ e.digest[k] }
            if diff == 0 { found = e.role }
        }
        return found
    }
}

/// Who may call what: `POST /documents` needs a `write` token; reading routes need a
/// `read` or `write` token when any read token is configured, else they are open;
/// `/health` and the descriptions are always open. No token or an unknown one is a
/// 401 with `WWW-Authenticate: Bearer`; a token whose role is not enough, a 403.
struct AccessControl<Context: RequestContext>: RouterMiddleware {
    let tokens: AccessTokens

    /// Routes open to anyone whatever the tokens: liveness and the API's own description.
    static var openPaths: Set<String> { ["/health", "/openapi.yaml", "/vanban-document.schema.json"] }

    /// The role a request needs, or nil when it is open.
    static func required(method: HTTPRequest.Method, path: String, tokens: AccessTokens) -> AccessRole? {
        if openPaths.contains(path) { return nil }
        if method != .get && method != .head { return .write }
        return tokens.readsNeedToken ? .read : nil
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard !tokens.isEmpty, !Self.openPaths.contains(path) else { return try await next(request, context) }
        let needed = Self.required(method: request.method, path: path, tokens: tokens)
        let header = request.headers[.authorization]
        guard let header else {
            if needed == nil { return try await next(request, context) }
            throw Self.unauthorized("this route needs a bearer token (Authorization: Bearer TOKEN); ask the index's administrator for one")
        }
        let prefix = "bearer "
        guard header.count > prefix.count, header.prefix(prefix.count).lowercased() == prefix else {
            throw Self.unauthorized("the Authorization header must be 'Bearer TOKEN'")
        }
        let token = header.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        guard let role = tokens.role(of: token) else {
            throw Self.unauthorized("the token is not known to this server; check it, or ask the index's administrator for one")
        }
        if needed == .write && role != .write {
            throw Problem(.forbidden, "forbidden", "a read token cannot upload; uploading needs a write token")
        }
        return try await next(request, context)
    }

    static func unauthorized(_ detail: String) -> Problem {
        var p = Problem(.unauthorized, "unauthorized", detail)
        p.headers = [.wwwAuthenticate: "Bearer realm=\"vanban\""]
        return p
    }
}

/// Whether `host` is a loopback address (`127.0.0.1`, `::1`, `localhost`).
public func isLoopback(_ host: String) -> Bool {
    let h = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
    return h == "localhost" || h == "::1" || h.hasPrefix("127.")
}
