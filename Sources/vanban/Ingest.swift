import ArgumentParser
import Foundation
import VanBanExtract
import VanBanIngest

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import plans into the index (files and folders, recursively).",
        discussion: """
        Importing the same bytes twice is a no-op; a changed file at the same path replaces its
        older version. Each file is parsed in a supervised worker process: a file that fails (not a
        document, or the parser trapped, hung past --file-timeout or grew past --file-memory) is
        recorded with its reason ('vanban query errors') and never stops the rest; the exit status
        is 1 when any failed. Safe to interrupt: run the
        same command again to complete the import.
        """
    )

    @Argument(help: "Files or folders to import (folders: .txt, .text, .md, .markdown, .html, .htm, .xhtml, .docx and files without extension).")
    var paths: [String]

    @OptionGroup var store: StoreOptions

    @OptionGroup var reading: ReadingOptions

    @OptionGroup var isolation: IsolationOptions

    @Option(name: .long, help: ArgumentHelp("Documents written per transaction.", valueName: "N"))
    var batchSize: Int = 256

    @Flag(name: .long, help: "No progress output, only the summary.")
    var quiet = false

    func run() throws {
        let db = try store.open(create: true)
        let pool = isolation.pool(read: reading.options)
        defer { pool?.shutdown() }
        let ingestor = Ingestor(store: db, options: .init(read: reading.options, batchSize: batchSize), reader: pool)
        let terminal = isatty(STDERR_FILENO) == 1
        var lastLine = 0.0
        let summary: Ingestor.Summary
        do {
            summary = try ingestor.run(paths) { p in
                guard !quiet else { return }
                let rate = p.seconds > 0 ? Double(p.done) / p.seconds : 0
                let eta = rate > 0 ? Double(p.total - p.done) / rate : 0
                if terminal {
                    let width = 30
                    let filled = p.total > 0 ? width * p.done / p.total : width
                    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
                    let line = String(format: "\r[%@] %d/%d  %.0f docs/s  ETA %.0fs ", bar, p.done, p.total, rate, eta)
                    FileHandle.standardError.write(Data(line.utf8))
                    if p.done == p.total { FileHandle.standardError.write(Data("\n".utf8)) }
                } else if p.seconds - lastLine >= 2 || p.done == p.total {
                    lastLine = p.seconds
                    let line = String(format: "ingest: %d/%d documents, %.0f docs/s, ETA %.0fs\n", p.done, p.total, rate, eta)
                    FileHandle.standardError.write(Data(line.utf8))
                }
            }
        } catch {
            throw CLIFailure("\(store.path): \(error)")
        }
        print("imported \(summary.imported), unchanged \(summary.unchanged), replaced \(summary.replaced), failed \(summary.failed)")
        if let skipped = summary.skippedDescription {
            FileHandle.standardError.write(Data("vanban: \(skipped) (name a file to try it anyway)\n".utf8))
        }
        if summary.failed > 0 {
            FileHandle.standardError.write(Data("vanban: \(summary.failed) file(s) failed; see 'vanban query errors --db \(store.path)'\n".utf8))
            throw ExitCode(1)
        }
    }
}
