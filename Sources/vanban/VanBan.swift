import ArgumentParser
import Foundation

@main
struct VanBan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vanban",
        abstract: "Turn Vietnamese administrative plans (Kế hoạch, Quyết định) into structured data.",
        subcommands: [Parse.self, Blocks.self, Ingest.self, Query.self, Search.self, Export.self, Serve.self, Worker.self]
    )

    /// Turns `CLIFailure` into `vanban: message` and exit status 1; everything else as ArgumentParser does.
    static func main() async {
        singleThreadedOCR()
        do {
            var command = try parseAsRoot()
            if var async = command as? any AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
        } catch let f as CLIFailure {
            FileHandle.standardError.write(Data("vanban: \(f.description)\n".utf8))
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}

/// Tesseract's OpenMP threads spin against each other when pages are OCR'd
/// side by side (eight pages took three times as long). OpenMP reads its
/// limit when the library loads, before any code of ours runs, so the
/// program sets it and starts itself again, once.
/// Only commands that read files (and so may OCR) pay for the restart.
func singleThreadedOCR() {
    #if os(Linux)
    let readsFiles: Set<String> = ["parse", "blocks", "ingest", "serve", "worker"]
    guard getenv("OMP_THREAD_LIMIT") == nil, CommandLine.arguments.count > 1, readsFiles.contains(CommandLine.arguments[1]) else { return }
    setenv("OMP_THREAD_LIMIT", "1", 1)
    execv("/proc/self/exe", CommandLine.unsafeArgv)
    // Not re-executed (no /proc): OCR still works, only slower on many cores.
    #endif
}
