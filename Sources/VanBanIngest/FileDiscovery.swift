import Foundation
import VanBanFormats

/// Finds the files to import under the paths a user gave: files as given,
/// folders recursively (hidden entries skipped, symbolic links followed),
/// each directory visited once so that a link back up the tree cannot loop.
public enum FileDiscovery {
    public struct Problem: Sendable, Equatable {
        public var path: String
        public var reason: String
    }

    /// Extensions taken from folders: text, HTML, DOCX, and files without one
    /// (files named on the command line are always tried).
    public static let planExtensions: Set<String> = InputFormat.extensions.union([""])

    public static func files(_ paths: [String]) -> (files: [String], problems: [Problem]) {
        let found = discover(paths)
        return (found.files, found.problems)
    }

    /// What a folder walk found: the files to read, the problems, and the files
    /// it passed over in folders because of their extension (`.pdf`, `.json`).
    public struct Found: Sendable {
        public var files: [String] = []
        public var problems: [Problem] = []
        public var skipped: [String] = []
    }

    public static func discover(_ paths: [String]) -> Found {
        var found = Found()
        var visited = Set<DirectoryID>()
        for p in paths {
            walk(absolute(p), given: true, into: &found, visited: &visited)
        }
        return found
    }

    struct DirectoryID: Hashable { let dev: UInt64; let ino: UInt64 }

    static func absolute(_ p: String) -> String {
        let url = URL(fileURLWithPath: p, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return url.standardizedFileURL.path
    }

    static func walk(_ path: String, given: Bool, into found: inout Found, visited: inout Set<DirectoryID>) {
        var st = stat()
        guard stat(path, &st) == 0 else {
            var lst = stat()
            let dangling = lstat(path, &lst) == 0
            found.problems.append(Problem(path: path, reason: dangling ? "broken symbolic link; fix or remove it" : "no such file or directory; check the path"))
            return
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            let ext = (path as NSString).pathExtension.lowercased()
            if given || planExtensions.contains(ext) { found.files.append(path) } else { found.skipped.append(path) }
        case S_IFDIR:
            let id = DirectoryID(dev: UInt64(st.st_dev), ino: UInt64(st.st_ino))
            guard visited.insert(id).inserted else {
                found.problems.append(Problem(path: path, reason: "directory loop: this folder was already visited through another path; skipped"))
                return
            }
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                found.problems.append(Problem(path: path, reason: "cannot list the folder (permission denied?); check its permissions"))
                return
            }
            for name in entries.sorted() where !name.hasPrefix(".") {
                walk(path + "/" + name, given: false, into: &found, visited: &visited)
            }
        default:
            if given { found.problems.append(Problem(path: path, reason: "not a regular file or folder; skipped")) }
        }
    }
}
