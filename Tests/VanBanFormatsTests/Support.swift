import Foundation
import ZIPFoundation

enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = root.appendingPathComponent("Corpus")
    static let formats = corpus.appendingPathComponent("formats")
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static var planStems: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted().map { String($0.dropLast(4)) }
    }

    static func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    /// A ZIP built in memory from (entry name, contents).
    static func zip(_ entries: [(String, [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, data) in entries {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                Data(data[Int(position)..<Int(position) + size])
            }
        }
        return [UInt8](archive.data!)
    }

    /// A DOCX whose body is the given WordprocessingML, with an optional numbering part.
    static func docx(body: String, numbering: String? = nil, extra: [(String, [UInt8])] = []) throws -> [UInt8] {
        var entries: [(String, [UInt8])] = [("word/document.xml", Array(#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="\#(w)"><w:body>\#(body)</w:body></w:document>"#.utf8))]
        if let numbering {
            entries.append(("word/numbering.xml", Array(#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="\#(w)">\#(numbering)</w:numbering>"#.utf8)))
        }
        return try zip(entries + extra)
    }

    static func p(_ text: String, num: (id: Int, level: Int)? = nil) -> String {
        let ppr = num.map { #"<w:pPr><w:numPr><w:ilvl w:val="\#($0.level)"/><w:numId w:val="\#($0.id)"/></w:numPr></w:pPr>"# } ?? ""
        return #"<w:p>\#(ppr)<w:r><w:t xml:space="preserve">\#(text)</w:t></w:r></w:p>"#
    }
}
