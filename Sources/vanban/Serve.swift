import ArgumentParser
import Foundation
import Logging
import VanBanFormats
import VanBanIngest
import VanBanServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the index over HTTP (JSON; OpenAPI description at /openapi.yaml).",
        discussion: """
        Routes: GET /documents, /documents/{id}, /tasks?agency=, /agencies, /citations?cites=,
        /deadlines?before=&after=, /targets?year=&indicator=, /search?q=, /health; POST /documents
        uploads one file (text, HTML or DOCX) and stores it. One log line per request on standard
        error. SIGTERM or SIGINT stops it gracefully (requests in flight finish).
        """
    )

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: ArgumentHelp("Address to listen on.", valueName: "HOST"))
    var host = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("Port to listen on (0: any free port, printed at start).", valueName: "PORT"))
    var port = 8080

    @Option(name: .long, help: ArgumentHelp("Largest upload accepted by POST /documents, in bytes (default 20 MB).", valueName: "BYTES"))
    var maxUploadSize = ServerOptions().maxUploadSize

    @Option(name: .long, help: ArgumentHelp("Close connections idle this many seconds.", valueName: "SECONDS"))
    var idleTimeout = 30

    @Option(name: .long, help: ArgumentHelp(
        "Tokens and their roles, one per line ('TOKEN write' or 'TOKEN:read'; # comments). Also $VANBAN_TOKENS (entries separated by commas).",
        valueName: "PATH"))
    var tokenFile: String?

    @Flag(name: .long, help: "Listen on a non-loopback address with no token configured: everyone may read and upload.")
    var allowOpen = false

    @OptionGroup var isolation: IsolationOptions

    /// The tokens of --token-file and $VANBAN_TOKENS.
    func tokens() throws -> AccessTokens {
        var tokens = AccessTokens()
        do {
            if let tokenFile {
                guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
                    throw CLIFailure("\(tokenFile): cannot read the token file; check the path and its permissions")
                }
                try tokens.add(text, source: tokenFile)
            }
            if let env = ProcessInfo.processInfo.environment["VANBAN_TOKENS"], !env.isEmpty {
                try tokens.add(env, source: "VANBAN_TOKENS")
            }
        } catch let e as AccessTokens.ParseError {
            throw CLIFailure(e.description)
        }
        return tokens
    }

    func run() async throws {
        var options = ServerOptions(host: host, port: port, maxUploadSize: maxUploadSize, idleTimeout: .seconds(idleTimeout))
        options.tokens = try tokens()
        options.allowOpen = allowOpen
        if let refusal = options.refusal { throw CLIFailure(refusal) }
        let db = try store.open()
        // Uploads are parsed in supervised workers (a few: uploads come one at a time).
        let pool = isolation.pool(read: ReadOptions(maxSize: maxUploadSize),
                                  size: min(4, ProcessInfo.processInfo.activeProcessorCount))
        defer { pool?.shutdown() }
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        var logger = Logger(label: "vanban")
        logger.logLevel = .info
        if options.tokens.isEmpty && !isLoopback(host) {
            logger.warning("listening on \(host) with no token (--allow-open): anyone who reaches the port can upload and read")
        } else if !options.tokens.isEmpty && !options.tokens.readsNeedToken && !isLoopback(host) {
            logger.notice("reading routes are open to anyone who reaches the port (no read token configured); uploads need a write token")
        }
        let host = self.host
        let app = APIServer.application(store: db, options: options, logger: logger, reader: pool) { port in
            // One line on standard output, for scripts that start the server on port 0.
            FileHandle.standardOutput.write(Data("listening on http://\(host):\(port)\n".utf8))
        }
        try await app.runService()
    }
}
