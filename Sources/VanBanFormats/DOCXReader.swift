import Foundation
import VanBanText

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
        let archive = try ZipArchive(bytes)
        var entries: [String: ZipArchive.Entry] = [:]
        for entry in archive.entries {
            if Self.escapes(entry.name) {
                throw .badArchive("entry name '\(entry.name)' escapes the archive; the file is damaged or hostile")
            }
            entries[entry.name] = entry
        }
        guard let main = entries["word/document.xml"] else {
            throw .badArchive("no word/document.xml in the archive; it is a ZIP but not a Word document")
        }
        var budget = maxUnzippedSize
        let limit = maxUnzippedSize
        let document = try MarkupParser.xml(archive.data(main, budget: &budget, limit: limit))
        let numbering = try entries["word/numbering.xml"].map { e throws(InputError) in try MarkupParser.xml(archive.data(e, budget: &budget, limit: limit)) }
        let styles = try entries["word/styles.xml"].map { e throws(InputError) in try MarkupParser.xml(archive.data(e, budget: &budget, limit: limit)) }
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
