import Foundation
import ArgumentParser
import VanBanFormats
import VanBanText
import VanBanModel

/// Errors of the command-line layer; messages say what to do.
enum CLIError: Error, CustomStringConvertible {
    case notFound
    case isDirectory
    case unreadable(String)

    var description: String {
        switch self {
        case .notFound: return "no such file; check the path"
        case .isDirectory: return "is a directory; pass the files inside it (or use 'vanban ingest' for folders)"
        case let .unreadable(reason): return "cannot read the file (\(reason)); check its permissions"
        }
    }
}

enum InputFile {
    /// Reads a file, or standard input for `-`. Returns the bytes and the source name.
    static func read(_ path: String) throws -> ([UInt8], String) {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return ([UInt8](data), "stdin")
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw CLIError.notFound }
        if isDir.boolValue { throw CLIError.isDirectory }
        guard let fh = FileHandle(forReadingAtPath: path) else { throw CLIError.unreadable("permission denied") }
        defer { try? fh.close() }
        do {
            let data = try fh.readToEnd() ?? Data()
            return ([UInt8](data), (path as NSString).lastPathComponent)
        } catch {
            throw CLIError.unreadable(error.localizedDescription)
        }
    }
}

enum Diagnostics {
    /// `vanban: FILE: reason` on standard error.
    static func fail(_ file: String, _ reason: String) {
        FileHandle.standardError.write(Data("vanban: \(file): \(reason)\n".utf8))
    }
}


/// How inputs are read: size limits and the encoding override (`parse` and `ingest`).
struct ReadingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Refuse inputs larger than this many bytes (default 20 MB).", valueName: "BYTES"))
    var maxSize: Int = ReadOptions.defaultMaxSize

    @Option(name: .long, help: ArgumentHelp("Refuse a DOCX whose contents decompress beyond this many bytes (default 50 MB).", valueName: "BYTES"))
    var maxUnzippedSize: Int = ReadOptions.defaultMaxUnzippedSize

    @Option(name: .long, help: ArgumentHelp(
        "Read text and HTML in this encoding instead of detecting it: utf-8, utf-16le, utf-16be, tcvn3, vni, viscii, windows-1258.",
        valueName: "NAME"))
    var encoding: String?

    @Option(name: .long, help: ArgumentHelp("When to read PDF pages by OCR: auto (pages without a text layer), always, never.", valueName: "MODE"))
    var ocr: String = OCRMode.auto.rawValue

    @Option(name: .long, help: ArgumentHelp("Refuse PDFs with more pages than this (default 500).", valueName: "PAGES"))
    var maxPages: Int = PDFOptions.defaultMaxPages

    @Option(name: .long, help: ArgumentHelp("PDF pages OCR'd at once (default: one per core).", valueName: "N"))
    var ocrThreads: Int = 0

    func validate() throws {
        if OCRMode(rawValue: ocr) == nil { throw ValidationError("--ocr must be auto, always or never") }
        if maxPages <= 0 || ocrThreads < 0 { throw ValidationError("--max-pages must be positive and --ocr-threads not negative") }
        if let encoding, (try? TextDecoder.decode([], encoding: encoding)) == nil {
            throw ValidationError(InputError.unknownEncodingName(encoding).description)
        }
        if maxSize <= 0 || maxUnzippedSize <= 0 { throw ValidationError("--max-size and --max-unzipped-size must be positive") }
    }

    var options: ReadOptions {
        ReadOptions(maxSize: maxSize, maxUnzippedSize: maxUnzippedSize, encoding: encoding,
                    pdf: PDFOptions(ocr: OCRMode(rawValue: ocr) ?? .auto, maxPages: maxPages, threads: ocrThreads))
    }
}
