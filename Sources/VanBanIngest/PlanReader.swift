import VanBanExtract
import VanBanFormats
import VanBanJSON
import VanBanModel

/// What reading one file gave.
public enum PlanReadResult: Sendable {
    /// The document, its contract JSON when the reader already encoded it, and
    /// the agency spellings seen (for the index's alias table).
    case document(Document, contract: String?, aliases: [String: Set<String>])
    /// The bytes are not a document VanBan reads (binary, too large, a hostile
    /// archive): the reason, as `vanban parse` would print it.
    case unreadable(String)
    /// The parser itself failed on this file (a trap, a hang, runaway memory):
    /// the reason, for `query errors`.
    case stopped(String)
}

/// Turns one file's bytes into the contract. `vanban ingest` and `vanban serve`
/// read through a `WorkerPool` (each file in a supervised worker process);
/// library callers and tests may read in this process.
public protocol PlanReader: Sendable {
    func read(_ bytes: [UInt8], name: String) -> PlanReadResult
}

/// Reads in the calling process: fastest, but a trap in the parser stops the caller.
public struct InProcessPlanReader: PlanReader {
    public var options: ReadOptions
    public init(options: ReadOptions = ReadOptions()) { self.options = options }

    public func read(_ bytes: [UInt8], name: String) -> PlanReadResult {
        do {
            let (doc, aliases) = try DocumentPipeline.readWithAliases(bytes: bytes, name: name, options: options)
            return .document(doc, contract: nil, aliases: aliases)
        } catch {
            return .unreadable(error.description)
        }
    }
}
