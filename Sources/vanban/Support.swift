import Foundation
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

