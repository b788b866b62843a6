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

    @OptionGroup var isolation: IsolationOptions

    func run() async throws {
        let db = try store.open()
        // Uploads are parsed in supervised workers (a few: uploads come one at a time).
        let pool = isolation.pool(read: ReadOptions(maxSize: maxUploadSize),
                                  size: min(4, ProcessInfo.processInfo.activeProcessorCount))
        defer { pool?.shutdown() }
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        var logger = Logger(label: "vanban")
        logger.logLevel = .info
        let options = ServerOptions(host: host, port: port, maxUploadSize: maxUploadSize, idleTimeout: .seconds(idleTimeout))
        let host = self.host
        let app = APIServer.application(store: db, options: options, logger: logger, reader: pool) { port in
            // One line on standard output, for scripts that start the server on port 0.
            FileHandle.standardOutput.write(Data("listening on http://\(host):\(port)\n".utf8))
        }
        try await app.runService()
    }
}
