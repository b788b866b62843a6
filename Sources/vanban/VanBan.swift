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
