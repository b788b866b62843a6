import Dispatch
import Foundation
import Synchronization
import VanBanExtract
import VanBanFormats
import VanBanModel
import VanBanStore
import VanBanText

/// Bulk import: files are parsed concurrently (bounded by the core count) while
/// one writer stores the previous batch in a single transaction. The same bytes
/// twice are skipped (sha256); a changed file at the same path replaces its older
/// version; a file that fails is recorded with its reason and never stops the rest.
public final class Ingestor: Sendable {
    public struct Options: Sendable {
        /// Size limits and `--encoding`, as for `vanban parse`.
        public var read: ReadOptions
        public var batchSize: Int
        public var concurrency: Int
        public var maxSize: Int { read.maxSize }
        public init(read: ReadOptions = ReadOptions(), batchSize: Int = 256,
                    concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) {
            self.read = read; self.batchSize = max(1, batchSize); self.concurrency = max(1, concurrency)
        }
        public init(maxSize: Int, batchSize: Int = 256, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) {
            self.init(read: ReadOptions(maxSize: maxSize), batchSize: batchSize, concurrency: concurrency)
        }
    }

    public struct Summary: Sendable, Equatable {
        public var imported = 0
        public var unchanged = 0
        public var replaced = 0
        public var failed = 0
        /// Files passed over in folders because of their extension (not read, not recorded).
        public var skipped: [String] = []
        public var total: Int { imported + unchanged + replaced + failed }

        /// `skipped 3 files: unsupported extension .pdf (2), .json (1)`, or nil when none was.
        public var skippedDescription: String? {
            guard !skipped.isEmpty else { return nil }
            var byExtension: [String: Int] = [:]
            for path in skipped {
                let ext = (path as NSString).pathExtension.lowercased()
                byExtension[ext.isEmpty ? "(none)" : "." + ext, default: 0] += 1
            }
            let parts = byExtension.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) (\($0.value))" }
            return "skipped \(skipped.count) file\(skipped.count == 1 ? "" : "s"): unsupported extension " + parts.joined(separator: ", ")
        }
        public init(imported: Int = 0, unchanged: Int = 0, replaced: Int = 0, failed: Int = 0) {
            self.imported = imported; self.unchanged = unchanged; self.replaced = replaced; self.failed = failed
        }
    }

    public struct Progress: Sendable {
        public var done: Int
        public var total: Int
        public var seconds: Double
        public var summary: Summary
    }

    let store: any DocumentStore
    let options: Options
    let reader: any PlanReader

    /// `reader` turns each file into the contract: by default in this process;
    /// `vanban ingest` passes a `WorkerPool` so that a parser failure fails one file only.
    public init(store: any DocumentStore, options: Options = Options(), reader: (any PlanReader)? = nil) {
        self.store = store; self.options = options
        self.reader = reader ?? InProcessPlanReader(options: options.read)
    }

    enum Outcome: Sendable {
        case imported(IngestRecord, replaced: Bool)
        case unchanged
        case otherPath(path: String, sha256: String)
        case failed(path: String, reason: String, sha256: String?)
    }

    /// Imports every file under `paths`. `progress` is called after each stored batch.
    public func run(_ paths: [String], progress: (Progress) -> Void = { _ in }) throws -> Summary {
        let start = DispatchTime.now().uptimeNanoseconds
        let found = FileDiscovery.discover(paths)
        let (files, problems) = (found.files, found.problems)
        var summary = Summary()
        summary.skipped = found.skipped
        let stored = try store.storedSources()
        let knownHashes = KnownHashes(Set(stored.values.filter { !$0.hasPrefix("outdated:") }))
        let total = files.count + problems.count

        if !problems.isEmpty {
            try store.write(problems.map { .failure(path: $0.path, reason: $0.reason, sha256: nil) })
            summary.failed += problems.count
        }
        let batches = stride(from: 0, to: files.count, by: options.batchSize).map { Array(files[$0..<min($0 + options.batchSize, files.count)]) }
        var pending = batches.isEmpty ? nil : parse(batches[0], stored: stored, known: knownHashes)
        for k in batches.indices {
            let outcomes = pending!.wait()
            // Parse the next batch while this one is written.
            pending = k + 1 < batches.count ? parse(batches[k + 1], stored: stored, known: knownHashes) : nil
            var records: [IngestRecord] = []
            for o in outcomes {
                switch o {
                case let .imported(r, replaced):
                    records.append(r)
                    if replaced { summary.replaced += 1 } else { summary.imported += 1 }
                case .unchanged:
                    summary.unchanged += 1
                case let .otherPath(path, sha):
                    records.append(.otherPath(path: path, sha256: sha))
                    summary.unchanged += 1
                case let .failed(path, reason, sha):
                    records.append(.failure(path: path, reason: reason, sha256: sha))
                    summary.failed += 1
                }
            }
            try store.write(records)
            progress(Progress(done: summary.total, total: total,
                              seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, summary: summary))
        }
        if batches.isEmpty {
            progress(Progress(done: summary.total, total: total, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, summary: summary))
        }
        return summary
    }

    /// A batch being parsed in the background.
    final class PendingBatch: @unchecked Sendable {
        private var outcomes: [Outcome]
        private let group = DispatchGroup()
        init(count: Int) { outcomes = Array(repeating: .unchanged, count: count) }
        func set(_ i: Int, _ o: Outcome) { outcomes[i] = o } // each index written by one worker only
        func wait() -> [Outcome] { group.wait(); return outcomes }
        var dispatchGroup: DispatchGroup { group }
    }

    /// Parses a batch in the background, in three steps: every file hashed (in parallel);
    /// then, in the files' order, what is unchanged and what repeats bytes met before
    /// (so the first path of some bytes is always the one stored, whatever the timing);
    /// then the rest parsed (in parallel).
    func parse(_ files: [String], stored: [String: String], known: KnownHashes) -> PendingBatch {
        let batch = PendingBatch(count: files.count)
        let options = self.options, reader = self.reader
        batch.dispatchGroup.enter()
        DispatchQueue.global().async {
            let hashes = HashSlots(count: files.count)
            Self.inParallel(files.count, options.concurrency) { i in hashes.set(i, Self.hash(files[i], options: options)) }
            var toParse: [Int] = []
            for i in files.indices {
                switch hashes.get(i) {
                case let .failure(failed):
                    batch.set(i, failed.outcome)
                case let .success(sha):
                    if stored[files[i]] == sha {
                        batch.set(i, .unchanged)
                    } else if !known.insert(sha) {
                        // The same bytes already stored (or met earlier in this run) under another
                        // name: one document, and this path another path of it.
                        batch.set(i, .otherPath(path: files[i], sha256: sha))
                    } else {
                        toParse.append(i)
                    }
                }
            }
            let chosen = toParse
            Self.inParallel(chosen.count, options.concurrency) { k in
                let i = chosen[k]
                batch.set(i, Self.process(files[i], stored: stored, options: options, reader: reader))
            }
            batch.dispatchGroup.leave()
        }
        return batch
    }

    /// Runs `body(0..<count)` on up to `width` threads.
    static func inParallel(_ count: Int, _ width: Int, _ body: @Sendable (Int) -> Void) {
        guard count > 0 else { return }
        let workers = min(width, count)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var i = w
            while i < count { body(i); i += workers }
        }
    }

    /// Per-file hashes of a batch, each slot written by one thread only.
    final class HashSlots: @unchecked Sendable {
        private var slots: [Result<String, FailedOutcome>]
        init(count: Int) { slots = Array(repeating: .success(""), count: count) }
        func set(_ i: Int, _ r: Result<String, FailedOutcome>) { slots[i] = r }
        func get(_ i: Int) -> Result<String, FailedOutcome> { slots[i] }
    }

    struct FailedOutcome: Error { var outcome: Outcome }

    static func hash(_ path: String, options: Options) -> Result<String, FailedOutcome> {
        do {
            return .success(SHA256.hex(try readFile(path, limit: options.maxSize)))
        } catch let e as FileError {
            return .failure(FailedOutcome(outcome: .failed(path: path, reason: e.description, sha256: nil)))
        } catch {
            return .failure(FailedOutcome(outcome: .failed(path: path, reason: "\(error)", sha256: nil)))
        }
    }

    /// Reads and parses one file (hashed already, and new).
    static func process(_ path: String, stored: [String: String], options: Options, reader: any PlanReader) -> Outcome {
        let bytes: [UInt8]
        do {
            bytes = try readFile(path, limit: options.maxSize)
        } catch let e as FileError {
            return .failed(path: path, reason: e.description, sha256: nil)
        } catch {
            return .failed(path: path, reason: "\(error)", sha256: nil)
        }
        let sha = SHA256.hex(bytes)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .failed(path: path, reason: "empty file; nothing to import", sha256: sha)
        }
        let name = (path as NSString).lastPathComponent
        switch reader.read(bytes, name: name) {
        case let .document(doc, contract, aliases):
            do {
                let prepared = try PreparedDocument(doc, contract: contract, aliases: aliases)
                return .imported(.document(path: path, prepared: prepared), replaced: stored[path] != nil)
            } catch {
                return .failed(path: path, reason: "cannot encode the document (\(error))", sha256: sha)
            }
        case let .unreadable(reason), let .stopped(reason):
            return .failed(path: path, reason: reason, sha256: sha)
        }
    }

    /// Hashes stored or seen in this run, shared by the parsing workers.
    final class KnownHashes: Sendable {
        private let set: Mutex<Set<String>>
        init(_ initial: Set<String>) { set = Mutex(initial) }
        /// True when `sha` was new.
        func insert(_ sha: String) -> Bool { set.withLock { $0.insert(sha).inserted } }
    }

    enum FileError: Error, CustomStringConvertible {
        case unreadable(String)
        case tooLarge(Int, Int)
        var description: String {
            switch self {
            case let .unreadable(why): return "cannot read the file (\(why)); check its permissions"
            case let .tooLarge(n, limit): return "file is \(n) bytes, over the \(limit)-byte limit; raise it with --max-size if the file is genuine"
            }
        }
    }

    static func readFile(_ path: String, limit: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw FileError.unreadable(String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw FileError.unreadable(String(cString: strerror(errno))) }
        let size = Int(st.st_size)
        if size > limit { throw FileError.tooLarge(size, limit) }
        var bytes = [UInt8](repeating: 0, count: size)
        var got = 0
        while got < size {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + got, size - got) }
            if n < 0 { throw FileError.unreadable(String(cString: strerror(errno))) }
            if n == 0 { break }
            got += n
        }
        return Array(bytes.prefix(got))
    }
}
