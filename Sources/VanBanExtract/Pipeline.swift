import VanBanModel
import VanBanParse
import VanBanText

/// The whole path from bytes to the contract: decode → clean → parse → extract.
///
/// ```swift
/// let doc = try DocumentPipeline.read(bytes: data, name: "phu-my-322.txt")
/// doc.number  // "322/KH-UBND"
/// ```
public enum DocumentPipeline {
    /// Default input size limit (20 MB).
    public static let defaultMaxSize = 20 * 1024 * 1024

    /// Reads one plain-text document. Throws only when the bytes are not a
    /// document at all (binary, too large); everything else becomes warnings.
    public static func read(bytes: [UInt8], name: String, maxSize: Int = defaultMaxSize) throws(InputError) -> Document {
        try parse(bytes: bytes, name: name, maxSize: maxSize).extracted()
    }

    /// Decode, clean and parse, without entity extraction.
    public static func parse(bytes: [UInt8], name: String, maxSize: Int = defaultMaxSize) throws(InputError) -> ParsedDocument {
        if bytes.count > maxSize { throw .tooLarge(bytes: bytes.count, limit: maxSize) }
        let decoded = try TextDecoder.decode(bytes)
        let clean = TextCleaner.clean(decoded.text)
        let source = Source(name: name, sha256: SHA256.hex(bytes), format: "text", encoding: decoded.encoding)
        return DocumentParser.parse(lines: clean.lines, source: source, warnings: decoded.warnings + clean.warnings)
    }
}

extension DocumentPipeline {
    /// Reads one document and also returns the agency spellings seen (for the index's alias table).
    public static func readWithAliases(bytes: [UInt8], name: String, maxSize: Int = defaultMaxSize) throws(InputError) -> (document: Document, aliases: [String: Set<String>]) {
        EntityExtractor.extractWithAliases(try parse(bytes: bytes, name: name, maxSize: maxSize))
    }
}

extension ParsedDocument {
    /// The contract with citations, tasks, deadlines and targets filled in.
    public func extracted() -> Document {
        EntityExtractor.extract(self)
    }
}
