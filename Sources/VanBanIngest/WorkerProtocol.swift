#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import VanBanExtract
import VanBanFormats
import VanBanJSON
import VanBanModel

/// The pipe protocol between a `WorkerPool` and its workers (`vanban worker`).
///
/// Request (parent → worker): `u32 name length, name (UTF-8), u64 byte count, bytes`.
/// Response (worker → parent): `u8 kind, u64 payload length, payload`, where kind 0
/// is a document (payload: `u64 contract length, contract JSON, aliases JSON`) and
/// kind 1 a file that is not a document (payload: the reason, UTF-8); kind 2
/// (no payload, any number before the answer) says a page of a PDF was read,
/// so that the time limit applies per page of a long PDF.
/// Integers are little-endian. One request at a time per worker.
enum WorkerFrame {
    static let documentKind: UInt8 = 0
    static let unreadableKind: UInt8 = 1
    /// A page of a long file read (no payload): the supervisor restarts its clock.
    static let progressKind: UInt8 = 2
    /// The largest name or payload a frame may announce (a corrupt length must not allocate).
    static let maxLength: UInt64 = 1 << 31

    static func request(name: String, bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(12 + name.utf8.count + bytes.count)
        append(UInt32(name.utf8.count), to: &out)
        out.append(contentsOf: name.utf8)
        append(UInt64(bytes.count), to: &out)
        out.append(contentsOf: bytes)
        return out
    }

    static func response(kind: UInt8, payload: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [kind]
        out.reserveCapacity(9 + payload.count)
        append(UInt64(payload.count), to: &out)
        out.append(contentsOf: payload)
        return out
    }

    static func documentPayload(contract: [UInt8], aliases: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(8 + contract.count + aliases.count)
        append(UInt64(contract.count), to: &out)
        out.append(contentsOf: contract)
        out.append(contentsOf: aliases)
        return out
    }

    static func append<T: FixedWidthInteger>(_ n: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: n.littleEndian) { out.append(contentsOf: $0) }
    }

    /// A little-endian integer at `offset`, or nil when the bytes end first.
    static func integer<T: FixedWidthInteger>(_: T.Type, in bytes: ArraySlice<UInt8>, at offset: Int) -> T? {
        let size = MemoryLayout<T>.size
        guard offset >= 0, bytes.count - offset >= size else { return nil }
        var n: T = 0
        for k in 0..<size { n |= T(bytes[bytes.startIndex + offset + k]) << (8 * k) }
        return n
    }

    /// Decodes a complete response into a read result.
    static func decode(kind: UInt8, payload: ArraySlice<UInt8>) -> PlanReadResult {
        switch kind {
        case documentKind:
            guard let n = integer(UInt64.self, in: payload, at: 0), n <= UInt64(payload.count - 8) else {
                return .stopped("the parser's worker sent a malformed answer on this file: please report it with the file")
            }
            let contract = payload.dropFirst(8).prefix(Int(n))
            let aliasBytes = payload.dropFirst(8 + Int(n))
            do {
                let doc = try ContractJSON.decodeDocument(Array(contract))
                let lists = try JSONDecoder().decode([String: [String]].self, from: Data(aliasBytes))
                return .document(doc, contract: String(decoding: contract, as: UTF8.self), aliases: lists.mapValues(Set.init))
            } catch {
                return .stopped("the parser's worker sent an answer that does not decode (\(error)): please report it with the file")
            }
        case unreadableKind:
            return .unreadable(String(decoding: payload, as: UTF8.self))
        default:
            return .stopped("the parser's worker sent an unknown answer (\(kind)) on this file: please report it with the file")
        }
    }
}

/// `vanban worker`: reads requests on standard input and answers on standard
/// output until standard input ends. Run by `WorkerPool`, never by hand.
public enum WorkerMain {
    /// Test-only: `VANBAN_WORKER_FAULT=trap:NAME` (or `hang:NAME`, `memory:NAME`;
    /// several names joined by commas) makes the worker trap, hang or allocate
    /// without end on a file of that name,
    /// so that tests can show one failing file fails alone.
    public static let faultVariable = "VANBAN_WORKER_FAULT"

    /// Serves requests; returns the process exit status.
    public static func run(options: ReadOptions) -> Int32 {
        // Answers go to a private copy of standard output; anything printed by
        // accident goes to standard error and cannot corrupt a frame.
        let answers = dup(1)
        guard answers >= 0 else { return 70 }
        _ = dup2(2, 1)
        let fault = ProcessInfo.processInfo.environment[faultVariable].flatMap(Fault.init)
        var options = options
        options.pdf.onPage = { _ = writeAll(WorkerFrame.response(kind: WorkerFrame.progressKind, payload: []), to: answers) }
        let reader = InProcessPlanReader(options: options)
        while true {
            guard let nameLength = readInteger(UInt32.self, from: 0) else { return 0 } // end of input: done
            guard UInt64(nameLength) <= WorkerFrame.maxLength, let name = readExactly(Int(nameLength), from: 0),
                  let count = readInteger(UInt64.self, from: 0), count <= WorkerFrame.maxLength,
                  let bytes = readExactly(Int(count), from: 0) else { return 65 }
            let fileName = String(decoding: name, as: UTF8.self)
            fault?.strike(on: fileName)
            let answer: [UInt8]
            switch reader.read(bytes, name: fileName) {
            case let .document(doc, _, aliases):
                do {
                    let contract = try ContractJSON.encode(doc)
                    let lists = aliases.mapValues { $0.sorted() }
                    let aliasJSON = [UInt8](try JSONEncoder().encode(lists))
                    answer = WorkerFrame.response(kind: WorkerFrame.documentKind,
                                                  payload: WorkerFrame.documentPayload(contract: contract, aliases: aliasJSON))
                } catch {
                    answer = WorkerFrame.response(kind: WorkerFrame.unreadableKind, payload: Array("cannot encode the document (\(error))".utf8))
                }
            case let .unreadable(why), let .stopped(why):
                answer = WorkerFrame.response(kind: WorkerFrame.unreadableKind, payload: Array(why.utf8))
            }
            guard writeAll(answer, to: answers) else { return 0 } // the pool is gone
        }
    }

    struct Fault {
        enum Kind: String { case trap, hang, memory }
        var kind: Kind
        var names: Set<String>
        init?(_ spec: String) {
            let parts = spec.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let k = Kind(rawValue: String(parts[0])) else { return nil }
            kind = k; names = Set(parts[1].split(separator: ",").map(String.init))
        }
        func strike(on fileName: String) {
            guard names.contains(fileName) else { return }
            switch kind {
            case .trap:
                fatalError("forced trap (\(WorkerMain.faultVariable))")
            case .hang:
                while true { sleep(60) }
            case .memory:
                var hoard: [[UInt8]] = []
                while true { hoard.append([UInt8](repeating: 1, count: 16 << 20)) }
            }
        }
    }

    static func readExactly(_ count: Int, from fd: Int32) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = out.withUnsafeMutableBytes { Glibc_read(fd, $0.baseAddress! + got, count - got) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return nil }
            got += n
        }
        return out
    }

    static func readInteger<T: FixedWidthInteger>(_: T.Type, from fd: Int32) -> T? {
        guard let b = readExactly(MemoryLayout<T>.size, from: fd) else { return nil }
        return WorkerFrame.integer(T.self, in: b[...], at: 0)
    }

    static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            done += n
        }
        return true
    }
}

/// `read(2)`, named apart from the many `read` methods in scope.
@inline(__always)
func Glibc_read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
