import VanBanFormats
import VanBanModel
import VanBanParse
import VanBanText

/// The whole path from bytes to the contract: decode → clean → blocks → parse → extract.
///
/// ```swift
/// let doc = try DocumentPipeline.read(bytes: data, name: "phu-my-322.txt")
/// doc.number  // "322/KH-UBND"
/// ```
public enum DocumentPipeline {
    /// Default input size limit (20 MB).
    public static let defaultMaxSize = ReadOptions.defaultMaxSize

    /// Reads one document (plain text in any supported encoding, HTML or DOCX).
    /// Throws only when the bytes are not a document at all (binary, too large,
    /// a hostile archive); everything else becomes warnings.
    public static func read(bytes: [UInt8], name: String, options: ReadOptions) throws(InputError) -> Document {
        try parse(bytes: bytes, name: name, options: options).extracted()
    }

    public static func read(bytes: [UInt8], name: String, maxSize: Int = defaultMaxSize) throws(InputError) -> Document {
        try read(bytes: bytes, name: name, options: ReadOptions(maxSize: maxSize))
    }

    /// Read, clean and parse, without entity extraction.
    public static func parse(bytes: [UInt8], name: String, options: ReadOptions) throws(InputError) -> ParsedDocument {
        let read = try DocumentReader.readBlocks(bytes: bytes, name: name, options: options)
        let source = Source(name: name, sha256: SHA256.hex(bytes), format: read.format.rawValue, encoding: read.encoding)
        return DocumentParser.parse(blocks: read.blocks, source: source, warnings: read.warnings)
    }

    public static func parse(bytes: [UInt8], name: String, maxSize: Int = defaultMaxSize) throws(InputError) -> ParsedDocument {
        try parse(bytes: bytes, name: name, options: ReadOptions(maxSize: maxSize))
    }
}

extension DocumentPipeline {
    /// Reads one document and also returns the agency spellings seen (for the index's alias table).
    public static func readWithAliases(bytes: [UInt8], name: String, options: ReadOptions = ReadOptions()) throws(InputError) -> (document: Document, aliases: [String: Set<String>]) {
        EntityExtractor.extractWithAliases(try parse(bytes: bytes, name: name, options: options))
    }
}

extension ParsedDocument {
    /// The contract with citations, tasks, deadlines and targets filled in.
    public func extracted() -> Document {
        EntityExtractor.extract(self)
    }
}
