import Foundation
import VanBanText
import ZIPFoundation

/// Reads the text of a Word document (`.docx`) as the lines a plain-text plan would have.
///
/// - paragraphs of `word/document.xml` in order, `w:br` as a line break;
/// - automatic numbering rebuilt from `word/numbering.xml` (`I.`, `1.`, `a)`, `-`),
///   also when a paragraph style carries it;
/// - tables as tables (`items`): rows of cells, `gridSpan` and `vMerge`
///   resolved; as text (`read`), a table of one or two columns cell by cell,
///   a wider one a line per row with cells joined by ` | `;
/// - deleted text, footnotes, field codes and formatting are ignored.
///
/// Refused with a one-line error: not a ZIP, entry names that escape the
/// archive (`../x`, `/etc/x`), entries that decompress beyond `maxUnzippedSize`,
/// XML with a DTD or entities, and a ZIP without `word/document.xml`.
public struct DOCXReader {
    public var maxUnzippedSize: Int

    public init(maxUnzippedSize: Int = ReadOptions.defaultMaxUnzippedSize) {
        self.maxUnzippedSize = maxUnzippedSize
    }

    public func read(_ bytes: [UInt8]) throws(InputError) -> String {
        FormatItem.text(try items(bytes))
    }

    /// The document as lines and tables (`w:tbl` with `gridSpan` and `vMerge` resolved).
    public func items(_ bytes: [UInt8]) throws(InputError) -> [FormatItem] {
        // ZIPFoundation's in-memory archive traps on a damaged directory (an offset past the
        // end, found by fuzzing); read through a private temporary file, where a short read is an error.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-\(UUID().uuidString).docx")
        do { try Data(bytes).write(to: file, options: .atomic) } catch {
            throw .badArchive("cannot stage the file for reading (\(error))")
        }
        defer { try? FileManager.default.removeItem(at: file) }
        let archive: Archive
        do { archive = try Archive(url: file, accessMode: .read) } catch {
            throw .badArchive("the ZIP container cannot be opened (\(error)); re-save the file from Word as .docx")
        }
        var entries: [String: Entry] = [:]
        for entry in archive {
            let path = entry.path
            if Self.escapes(path) {
                throw .badArchive("entry name '\(path)' escapes the archive; the file is damaged or hostile")
            }
            entries[path] = entry
        }
        guard let main = entries["word/document.xml"] else {
            throw .badArchive("no word/document.xml in the archive; it is a ZIP but not a Word document")
        }
        var budget = maxUnzippedSize
        let document = try MarkupParser.xml(extract(main, from: archive, budget: &budget))
        let numbering = try entries["word/numbering.xml"].map { e throws(InputError) in try MarkupParser.xml(extract(e, from: archive, budget: &budget)) }
        let styles = try entries["word/styles.xml"].map { e throws(InputError) in try MarkupParser.xml(extract(e, from: archive, budget: &budget)) }
        var body = WordBody(numbering: WordNumbering(numbering: numbering), styles: styles)
        guard let b = document.child("w:body") else { return [] }
        body.block(b)
        return body.items
    }

    /// Absolute paths, drive letters and `..` components.
    static func escapes(_ path: String) -> Bool {
        if path.hasPrefix("/") || path.hasPrefix("\\") { return true }
        if path.count >= 2, path.dropFirst().first == ":" { return true }
        return path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..")
    }

    /// An entry's bytes, counting against the decompression budget as they arrive
    /// (the sizes in the ZIP directory can lie).
    func extract(_ entry: Entry, from archive: Archive, budget: inout Int) throws(InputError) -> [UInt8] {
        let limit = maxUnzippedSize
        if entry.uncompressedSize > UInt64(max(budget, 0)) {
            throw .badArchive("'\(entry.path)' decompresses to \(entry.uncompressedSize) bytes, over the \(limit)-byte limit; raise it with --max-unzipped-size if the file is genuine")
        }
        var out: [UInt8] = []
        var remaining = budget
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                remaining -= chunk.count
                if remaining < 0 { throw DecompressionLimit() }
                out.append(contentsOf: chunk)
            }
        } catch is DecompressionLimit {
            throw .badArchive("'\(entry.path)' decompresses beyond the \(limit)-byte limit; raise it with --max-unzipped-size if the file is genuine")
        } catch {
            throw .badArchive("'\(entry.path)' cannot be decompressed (\(error))")
        }
        budget = remaining
        return out
    }

    struct DecompressionLimit: Error {}
}

/// Walks `w:body`, collecting lines and tables.
struct WordBody {
    var numbering: WordNumbering
    /// Paragraph style id → its numbering (`w:numId`, `w:ilvl`).
    var styleNumbering: [String: (numID: String, level: Int)] = [:]
    var items: [FormatItem] = []
    /// The text lines collected (a table inside a cell contributes its cells' lines).
    var lines: [String] {
        FormatItem.pieces(items)
    }

    init(numbering: WordNumbering, styles: MarkupElement?) {
        self.numbering = numbering
        for style in styles?.elements ?? [] where style.name == "w:style" {
            guard let id = style.attributes["w:styleId"], let numPr = style.child("w:pPr")?.child("w:numPr"),
                  let numID = numPr.child("w:numId")?.attributes["w:val"] else { continue }
            styleNumbering[id] = (numID, Int(numPr.child("w:ilvl")?.attributes["w:val"] ?? "") ?? 0)
        }
    }

    /// Block-level content: paragraphs, tables, content controls.
    mutating func block(_ e: MarkupElement) {
        for c in e.elements {
            switch c.name {
            case "w:p": paragraph(c)
            case "w:tbl": table(c)
            case "w:sdt": if let content = c.child("w:sdtContent") { block(content) }
            case "w:customXml", "w:smartTag", "w:ins": block(c)
            default: continue
            }
        }
    }

    mutating func paragraph(_ p: MarkupElement) {
        var text = ""
        var nested: [MarkupElement] = []
        inline(p, into: &text, nested: &nested)
        for box in nested { block(box) }
        var marker = ""
        let pPr = p.child("w:pPr")
        if let numPr = pPr?.child("w:numPr"), let numID = numPr.child("w:numId")?.attributes["w:val"] {
            let level = Int(numPr.child("w:ilvl")?.attributes["w:val"] ?? "") ?? 0
            marker = numbering.marker(numID: numID, level: level) ?? ""
        } else if let style = pPr?.child("w:pStyle")?.attributes["w:val"], let n = styleNumbering[style] {
            marker = numbering.marker(numID: n.numID, level: n.level) ?? ""
        }
        let split = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (i, line) in split.enumerated() {
            items.append(.line(i == 0 ? marker + line : line))
        }
    }

    /// Runs and what holds them. Text boxes (paragraphs inside a run) are collected in `nested`.
    func inline(_ e: MarkupElement, into text: inout String, nested: inout [MarkupElement]) {
        for c in e.children {
            guard case let .element(x) = c else { continue }
            switch x.name {
            case "w:t": text += x.text
            case "w:tab", "w:ptab": text += "\t"
            case "w:br", "w:cr": text += "\n"
            case "w:noBreakHyphen": text += "-"
            case "w:softHyphen": continue
            case "w:del", "w:moveFrom", "w:instrText", "w:delText", "w:footnoteReference", "w:endnoteReference",
                 "w:pPr", "w:rPr", "w:commentReference":
                continue
            case "w:txbxContent": nested.append(x)
            case "mc:AlternateContent":
                // The same content twice (modern and fallback): read the first choice only.
                if let choice = x.child("mc:Choice") ?? x.child("mc:Fallback") { inline(choice, into: &text, nested: &nested) }
            default: inline(x, into: &text, nested: &nested)
            }
        }
    }

    mutating func table(_ t: MarkupElement) {
        let rows = t.elements.filter { $0.name == "w:tr" }
        var grid: [[FormatItem.GridCell]] = []
        for row in rows.prefix(100_000) {
            var cells: [FormatItem.GridCell] = []
            for cell in row.elements where cell.name == "w:tc" {
                var sub = WordBody(numbering: numbering, styles: nil)
                sub.styleNumbering = styleNumbering
                sub.block(cell)
                numbering = sub.numbering
                let tcPr = cell.child("w:tcPr")
                let span = Int(tcPr?.child("w:gridSpan")?.attributes["w:val"] ?? "") ?? 1
                let vMerge = tcPr?.child("w:vMerge")
                let continues = vMerge != nil && (vMerge?.attributes["w:val"] ?? "continue") == "continue"
                cells.append(FormatItem.GridCell(lines: sub.lines.filter { !$0.isEmpty }, span: max(1, span), rowSpan: 1,
                                                 continuesAbove: continues))
            }
            grid.append(cells)
        }
        items.append(.table(FormatItem.grid(grid)))
    }
}
