import ArgumentParser
import Foundation
import VanBanBlocks
import VanBanFormats
import VanBanText

/// `vanban blocks FILE`: what the reader made of a file, before parsing.
struct Blocks: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the blocks a file is read into (paragraphs and tables), one per line.",
        discussion: """
        For looking at how a portal copy, a Word file or a web page is read before it is parsed:
        `P  LINE  text` for a paragraph (`H` when written as a heading), `T  LINE` and one line per row for a table.
        """
    )

    @Argument(help: "A plan file; '-' reads standard input.")
    var file: String

    @OptionGroup var reading: ReadingOptions

    @Flag(name: .long, help: "Print the blocks as JSON (paragraphs with text, heading and line; tables as rows of cells of lines).")
    var json = false

    func run() throws {
        do {
            let (bytes, name) = try InputFile.read(file)
            let read = try DocumentReader.readBlocks(bytes: bytes, name: name, options: reading.options)
            if json {
                FileHandle.standardOutput.write(try BlockJSON.encode(read))
                return
            }
            var out = "format \(read.format.rawValue), encoding \(read.encoding), \(read.blocks.count) blocks\n"
            for block in read.blocks {
                switch block {
                case let .paragraph(p): out += "\(p.isHeading ? "H" : "P")  \(p.line)  \(p.text)\n"
                case let .table(t):
                    out += "T  \(t.line)  \(t.rows.count) rows × \(t.columnCount) columns\n"
                    for row in t.rows { out += "   | " + row.map { $0.text }.joined(separator: " | ") + " |\n" }
                }
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        } catch let e as InputError {
            Diagnostics.fail(file, e.description); throw ExitCode(1)
        }
    }
}

/// `vanban blocks --json`: what tools (the PDF fixture maker among them) read.
enum BlockJSON {
    struct Out: Encodable {
        var format: String
        var encoding: String
        var blocks: [Item]
    }
    struct Item: Encodable {
        var kind: String
        var line: Int
        var text: String?
        var heading: Bool?
        var rows: [[[String]]]?
    }

    static func encode(_ read: ReadBlocks) throws -> Data {
        let items = read.blocks.map { block -> Item in
            switch block {
            case let .paragraph(p): return Item(kind: "paragraph", line: p.line, text: p.text, heading: p.isHeading)
            case let .table(t): return Item(kind: "table", line: t.line, rows: t.rows.map { $0.map(\.lines) })
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(Out(format: read.format.rawValue, encoding: read.encoding, blocks: items)) + Data("\n".utf8)
    }
}
