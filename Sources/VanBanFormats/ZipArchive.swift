import CXMLShim
import VanBanText

/// The ZIP container of a Word file, read within bounds: the central
/// directory, then each entry's local header and data, every offset and size
/// checked against the file. DEFLATE goes through zlib with a capped output.
/// (A general ZIP library hung on, or trapped on, damaged directories found by
/// fuzzing; this reader has no loop the input can stall.)
struct ZipArchive {
    struct Entry: Sendable {
        var name: String
        var method: UInt16
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    let bytes: [UInt8]
    private(set) var entries: [Entry] = []

    init(_ bytes: [UInt8]) throws(InputError) {
        self.bytes = bytes
        guard bytes.count >= 22 else { throw .badArchive("too short to be a ZIP container; re-save the file from Word as .docx") }
        // The end-of-directory record, within the last 64 KB (its comment may follow it).
        var eocd: Int?
        var k = bytes.count - 22
        let lowest = max(0, bytes.count - 65_557)
        while k >= lowest {
            if u32(k) == 0x0605_4B50 { eocd = k; break }
            k -= 1
        }
        guard let end = eocd else { throw .badArchive("no ZIP directory found; the file is damaged or not a Word document") }
        let count = Int(u16(end + 10))
        let directorySize = Int(u32(end + 12)), directoryOffset = Int(u32(end + 16))
        guard directoryOffset <= bytes.count, directorySize <= bytes.count - directoryOffset else {
            throw .badArchive("the ZIP directory points past the end of the file; the file is damaged")
        }
        var p = directoryOffset
        for _ in 0..<count {
            guard p <= bytes.count - 46, u32(p) == 0x0201_4B50 else {
                throw .badArchive("the ZIP directory is damaged (entry \(entries.count + 1) of \(count)); re-save the file from Word")
            }
            let nameLength = Int(u16(p + 28)), extraLength = Int(u16(p + 30)), commentLength = Int(u16(p + 32))
            guard nameLength <= bytes.count - (p + 46) else { throw .badArchive("the ZIP directory is damaged (a name runs past the end)") }
            let compressed = u32(p + 20), uncompressed = u32(p + 24), local = u32(p + 42)
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                throw .badArchive("a ZIP64 container, which Word does not write for documents; re-save the file from Word")
            }
            entries.append(Entry(name: String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self),
                                 method: u16(p + 10), compressedSize: Int(compressed), uncompressedSize: Int(uncompressed),
                                 localHeaderOffset: Int(local)))
            p += 46 + nameLength + extraLength + commentLength // advances by at least 46
        }
    }

    /// The entry's bytes; `budget` is what may still be decompressed, counted down.
    func data(_ e: Entry, budget: inout Int, limit: Int) throws(InputError) -> [UInt8] {
        let h = e.localHeaderOffset
        guard h <= bytes.count - 30, u32(h) == 0x0403_4B50 else {
            throw .badArchive("'\(e.name)': its local header is damaged; re-save the file from Word")
        }
        let start = h + 30 + Int(u16(h + 26)) + Int(u16(h + 28))
        guard start <= bytes.count, e.compressedSize <= bytes.count - start else {
            throw .badArchive("'\(e.name)' runs past the end of the file; the file is damaged")
        }
        let overLimit = InputError.badArchive("'\(e.name)' decompresses beyond the \(limit)-byte limit; raise it with --max-unzipped-size if the file is genuine")
        if e.uncompressedSize > budget {
            throw .badArchive("'\(e.name)' decompresses to \(e.uncompressedSize) bytes, over the \(limit)-byte limit; raise it with --max-unzipped-size if the file is genuine")
        }
        let input = bytes[start..<(start + e.compressedSize)]
        switch e.method {
        case 0:
            budget -= input.count
            return Array(input)
        case 8:
            // The declared size may lie: allow it plus one byte, to tell a lie from a match.
            let capacity = min(budget, e.uncompressedSize) + 1
            var out = [UInt8](repeating: 0, count: capacity)
            let n = input.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    vb_inflate_raw(src.baseAddress, UInt(src.count), dst.baseAddress, UInt(dst.count))
                }
            }
            if n == -2 || n == capacity {
                if capacity > budget { throw overLimit }
                throw .badArchive("'\(e.name)' holds more than its declared size; the file is damaged")
            }
            guard n >= 0 else { throw .badArchive("'\(e.name)' cannot be decompressed (damaged data)") }
            out.removeLast(out.count - n)
            budget -= n
            return out
        default:
            throw .badArchive("'\(e.name)' uses ZIP compression method \(e.method), which Word does not write; re-save the file from Word")
        }
    }

    private func u16(_ i: Int) -> UInt16 {
        guard i >= 0, i + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
    }

    private func u32(_ i: Int) -> UInt32 {
        guard i >= 0, i + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
    }
}
