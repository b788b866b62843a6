import ArgumentParser
import Foundation
import VanBanFormats
import VanBanIngest

/// `vanban worker`: the parsing worker that `ingest` and `serve` start and supervise.
struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse files sent over standard input (started by 'ingest' and 'serve'; not for use by hand).",
        shouldDisplay: false
    )

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        let status = WorkerMain.run(options: reading.options)
        if status != 0 { throw ExitCode(status) }
    }
}

/// How `ingest` and `serve` supervise the parser.
struct IsolationOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Stop parsing a file after this many seconds and record it as failed.", valueName: "SECONDS"))
    var fileTimeout: Double = WorkerPool.Configuration.defaultFileTimeout

    @Option(name: .long, help: ArgumentHelp("Stop parsing a file when its worker uses more than this many megabytes.", valueName: "MB"))
    var fileMemory: Int = WorkerPool.Configuration.defaultFileMemory >> 20

    @Flag(name: .long, help: "Parse in this process instead of supervised workers (a parser crash then stops the whole command).")
    var inProcess = false

    func validate() throws {
        if !(fileTimeout > 0) { throw ValidationError("--file-timeout must be a positive number of seconds") }
        if fileMemory <= 0 { throw ValidationError("--file-memory must be a positive number of megabytes") }
    }

    /// The pool, or nil with `--in-process`.
    func pool(read: ReadOptions, size: Int = ProcessInfo.processInfo.activeProcessorCount) -> WorkerPool? {
        guard !inProcess else { return nil }
        // Each worker OCRs its share of the cores: the pool already reads files side by side.
        var read = read
        read.pdf.threads = max(1, read.pdf.threads / max(1, size))
        return WorkerPool(.init(executable: WorkerPool.currentExecutable, read: read, fileTimeout: fileTimeout,
                                fileMemory: fileMemory << 20, size: size))
    }
}
