import VanBanBlocks
import VanBanModel
import VanBanText

/// Limits and overrides for reading one input.
public struct ReadOptions: Sendable {
    /// Default input size limit (20 MB).
    public static let defaultMaxSize = 20 * 1024 * 1024
    /// Default limit on what a DOCX may decompress to (50 MB).
    public static let defaultMaxUnzippedSize = 50 * 1024 * 1024

    /// Inputs larger than this are refused.
    public var maxSize: Int
    /// A DOCX whose entries decompress beyond this is refused.
    public var maxUnzippedSize: Int
    /// `--encoding`: read text (and HTML) in this encoding instead of detecting it.
    public var encoding: String?
    /// `--ocr`, `--max-pages`: how PDFs are read.
    public var pdf: PDFOptions

    public init(maxSize: Int = defaultMaxSize, maxUnzippedSize: Int = defaultMaxUnzippedSize, encoding: String? = nil, pdf: PDFOptions = PDFOptions()) {
        self.maxSize = maxSize; self.maxUnzippedSize = maxUnzippedSize; self.encoding = encoding; self.pdf = pdf
    }
}

/// What an input holds, from its first bytes (and its name when the bytes do not say).
public enum InputFormat: String, Sendable {
    case text, markdown, html, docx, pdf

    /// File extensions read as documents when a folder is imported.
    public static let extensions: Set<String> = ["txt", "text", "md", "markdown", "htm", "html", "xhtml", "docx", "pdf"]

    /// The format of `bytes`. Throws for formats VanBan does not read (legacy `.doc`).
    public static func sniff(_ bytes: [UInt8], name: String) throws(InputError) -> InputFormat {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .docx }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw .unsupportedFormat("a legacy Word .doc (OLE) file; save it as .docx or plain text")
        }
        // `%PDF-` may follow a little junk (a mail gateway's prefix); readers accept it within the first KB.
        if let at = Bytes.firstIndex(of: Array("%PDF-".utf8), in: bytes.prefix(1024)), at == 0 || bytes.prefix(at).allSatisfy({ $0 < 0x80 }) {
            return .pdf
        }
        let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if ext == "docx" { return .docx }
        if looksLikeHTML(bytes) { return .html }
        if ext == "md" || ext == "markdown" || looksLikeMarkdown(bytes) { return .markdown }
        return .text
    }

    /// A portal page saved as Markdown under another name: its first line is a
    /// lone `|` (a flattened header table) or a pipe-table rule comes early.
    static func looksLikeMarkdown(_ bytes: [UInt8]) -> Bool {
        var head = bytes.prefix(4096)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
        let lines = head.split(separator: 0x0A, maxSplits: 40, omittingEmptySubsequences: true)
            .map { String(decoding: $0.filter { $0 != 0x0D && $0 != 0x09 }, as: UTF8.self).trimmingSpaces() }
            .filter { !$0.isEmpty }
        guard let first = lines.first else { return false }
        if first == "|" { return true }
        return lines.prefix(40).contains { $0.hasPrefix("|---") || $0.hasPrefix("| ---") }
    }

    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var head = bytes.prefix(4096)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
        guard let first = head.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }), first == UInt8(ascii: "<") else {
            return false
        }
        let lower = String(decoding: head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
        return ["<html", "<!doctype html", "<head", "<body", "<meta", "<div", "<p>", "<p ", "<table"].contains { lower.contains($0) }
    }
}

/// The text of one input, whatever its format, with what the reader noticed.
public struct ReadText: Sendable {
    public var text: String
    public var format: InputFormat
    /// As in `source.encoding`: `utf-8`, `utf-16le`, `tcvn3`, `vni`, `viscii`, `windows-1258`.
    public var encoding: String
    public var warnings: [Warning]
}

/// What a reader made of one input: blocks, with what it noticed.
public struct ReadBlocks: Sendable {
    public var blocks: [Block]
    public var format: InputFormat
    public var encoding: String
    public var warnings: [Warning]
}

/// Reads plain text, Markdown, HTML, DOCX and PDF into one text, ready for cleaning and parsing.
///
/// ```swift
/// let read = try DocumentReader.read(bytes: data, name: "ke-hoach.docx")
/// read.format    // .docx
/// read.encoding  // "utf-8" (or "tcvn3" for a file typed in .VnTime)
/// ```
public enum DocumentReader {
    public static func read(bytes: [UInt8], name: String, options: ReadOptions = ReadOptions()) throws(InputError) -> ReadText {
        if bytes.count > options.maxSize { throw .tooLarge(bytes: bytes.count, limit: options.maxSize) }
        let format = try InputFormat.sniff(bytes, name: name)
        var read: ReadText
        switch format {
        case .docx:
            let text = try DOCXReader(maxUnzippedSize: options.maxUnzippedSize).read(bytes)
            read = ReadText(text: text, format: .docx, encoding: "utf-8", warnings: [])
        case .pdf:
            let pdf = try PDFReader.read(bytes, options: options.pdf)
            read = ReadText(text: FormatItem.text(pdf.items), format: .pdf, encoding: "utf-8", warnings: pdf.warnings)
        case .html:
            let decoded = try decodeHTML(bytes, encoding: options.encoding)
            let text = try HTMLReader.read(utf8: Array(decoded.text.utf8))
            read = ReadText(text: text, format: .html, encoding: decoded.encoding, warnings: decoded.warnings)
        case .text, .markdown:
            let decoded = try TextDecoder.decode(bytes, encoding: options.encoding)
            read = ReadText(text: decoded.text, format: format, encoding: decoded.encoding, warnings: decoded.warnings)
        }
        // Unicode on the surface, a legacy font underneath (.VnTime, VNI-Times).
        if options.encoding == nil, let repaired = LegacyFontText.repair(read.text) {
            read.text = repaired.text
            read.encoding = repaired.encoding.name
        }
        return read
    }

    /// Reads any supported input into blocks: Markdown through `MarkdownBlockReader`
    /// (paragraphs, pipe tables, flattened cells); the other formats one block per
    /// clean line, which the parser joins where a line was hard-wrapped.
    public static func readBlocks(bytes: [UInt8], name: String, options: ReadOptions = ReadOptions()) throws(InputError) -> ReadBlocks {
        if bytes.count > options.maxSize { throw .tooLarge(bytes: bytes.count, limit: options.maxSize) }
        let format = try InputFormat.sniff(bytes, name: name)
        let items: [FormatItem]
        var encoding = "utf-8"
        var warnings: [Warning] = []
        switch format {
        case .text, .markdown:
            let read = try read(bytes: bytes, name: name, options: options)
            let clean = TextCleaner.clean(read.text, keepEmphasis: format == .markdown)
            let blocks = format == .markdown ? MarkdownBlockReader.read(lines: clean.lines) : LineBlockReader.read(lines: clean.lines)
            return ReadBlocks(blocks: blocks, format: read.format, encoding: read.encoding, warnings: read.warnings + clean.warnings)
        case .docx:
            items = try DOCXReader(maxUnzippedSize: options.maxUnzippedSize).items(bytes)
        case .pdf:
            let pdf = try PDFReader.read(bytes, options: options.pdf)
            items = pdf.items
            warnings = pdf.warnings
        case .html:
            let decoded = try decodeHTML(bytes, encoding: options.encoding)
            items = try HTMLReader.items(utf8: Array(decoded.text.utf8))
            encoding = decoded.encoding
            warnings = decoded.warnings
        }
        // Every line and cell line, repaired and cleaned as one text, then put back in place.
        let pieces = FormatItem.pieces(items).map { $0.contains("\n") ? String($0.map { $0 == "\n" ? " " : $0 }) : $0 }
        var joined = pieces.joined(separator: "\n")
        if options.encoding == nil, let repaired = LegacyFontText.repair(joined) {
            joined = repaired.text
            encoding = repaired.encoding.name
        }
        let clean = TextCleaner.clean(joined)
        let cleaned = clean.lines.count == pieces.count ? clean.lines
            : joined.split(separator: "\n", omittingEmptySubsequences: false).map { TextCleaner.clean(String($0)).lines.filter { !$0.isEmpty }.joined(separator: " ") }
        return ReadBlocks(blocks: FormatItem.blocks(items, cleaned: cleaned), format: format, encoding: encoding, warnings: warnings + clean.warnings)
    }

    /// HTML bytes to text: `--encoding`, else a BOM, else the page's `charset`, else detection.
    static func decodeHTML(_ bytes: [UInt8], encoding: String?) throws(InputError) -> DecodedText {
        if encoding != nil { return try TextDecoder.decode(bytes, encoding: encoding) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return try TextDecoder.decode(bytes)
        }
        if let charset = declaredCharset(bytes) {
            switch charset {
            case "utf-8", "utf8": return try TextDecoder.decode(bytes, encoding: "utf-8")
            // Pages typed in legacy fonts often declare Latin-1; the font repair reads them afterwards.
            case "iso-8859-1", "latin1", "windows-1252", "cp1252", "us-ascii":
                return DecodedText(text: TextDecoder.windows1252(bytes), encoding: "windows-1252", warnings: [])
            default:
                if LegacyEncoding(name: charset) != nil { return try TextDecoder.decode(bytes, encoding: charset) }
            }
        }
        return try TextDecoder.decode(bytes)
    }

    /// `<meta charset="...">` or `content="text/html; charset=..."` in the first 4 KB, lower case.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
        guard let r = head.range(of: "charset=") else { return nil }
        var value = head[r.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        value = value.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return value.isEmpty ? nil : String(value)
    }
}
