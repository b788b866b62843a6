import ArgumentParser
import Foundation
import VanBanExtract
import VanBanFormats
import VanBanJSON
import VanBanModel
import VanBanText

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse plans and print the extraction contract as JSON.",
        discussion: """
        One file prints one JSON object; several print JSON Lines, one object per file.
        With --out, each result is written to DIR/NAME.json instead.
        Exit status is 1 when any file could not be read (the others are still printed).
        """
    )

    @Argument(help: "Plan files to parse (plain text in UTF-8, UTF-16 or a legacy Vietnamese encoding, HTML, DOCX); '-' reads standard input.")
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Write DIR/NAME.json for each input instead of printing.", valueName: "DIR"))
    var out: String?

    @Flag(name: .long, help: "Indent the JSON for reading.")
    var pretty = false

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        let indent = pretty && (files.count == 1 || out != nil)
        var failed = false
        if let out {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        }
        for file in files {
            do {
                let (bytes, name) = try InputFile.read(file)
                let doc = try DocumentPipeline.read(bytes: bytes, name: name, options: reading.options)
                let data = Data(try ContractJSON.encode(doc, pretty: indent))
                if let out {
                    let stem = (name as NSString).deletingPathExtension
                    let path = (out as NSString).appendingPathComponent(stem + ".json")
                    try (data + Data("\n".utf8)).write(to: URL(fileURLWithPath: path))
                } else {
                    FileHandle.standardOutput.write(data + Data("\n".utf8))
                }
            } catch let e as InputError {
                Diagnostics.fail(file, e.description); failed = true
            } catch let e as CLIError {
                Diagnostics.fail(file, e.description); failed = true
            } catch {
                Diagnostics.fail(file, "\(error)"); failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
