import CICUShim

/// Unicode operations backed by ICU (through the `CICUShim` C target).
public enum UnicodeText {
    /// Canonical composition (NFC). `"Tôi"` written as `T o U+0302 i` becomes `T ô i`.
    public static func nfc(_ s: String) -> String { normalize(s, mode: 0) }

    /// Canonical decomposition (NFD).
    public static func nfd(_ s: String) -> String { normalize(s, mode: 1) }

    private static func normalize(_ s: String, mode: Int32) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
        let src = Array(s.utf16)
        var cap = Int32(src.count + src.count / 2 + 16)
        while true {
            var dst = [UInt16](repeating: 0, count: Int(cap))
            let n = src.withUnsafeBufferPointer { sp in
                dst.withUnsafeMutableBufferPointer { dp in
                    vb_normalize(mode, sp.baseAddress, Int32(sp.count), dp.baseAddress, cap)
                }
            }
            if n < 0 { return s }
            if n <= cap { return String(decoding: dst[0..<Int(n)], as: UTF16.self) }
            cap = n
        }
    }

    /// Runs an ICU transliterator (`"Any-Latin; Latin-ASCII"`) over the text.
    /// Returns the input unchanged when ICU does not know the id.
    public static func transliterate(_ s: String, id: String) -> String {
        var buf = Array(s.utf16)
        let cap = buf.count * 4 + 16
        buf.append(contentsOf: [UInt16](repeating: 0, count: cap - buf.count))
        let len = Int32(s.utf16.count)
        let n = buf.withUnsafeMutableBufferPointer { p in
            vb_transliterate(id, p.baseAddress, len, Int32(cap))
        }
        if n < 0 { return s }
        return String(decoding: buf[0..<Int(n)], as: UTF16.self)
    }
}

/// Search keys: case, diacritics and `đ` folded away.
///
/// `Folding.key("Sở Giáo dục và Đào tạo") == "so giao duc va dao tao"`, and
/// `hoá`, `hóa`, `HOÁ` all give `hoa`. Used for matching and indexing, never
/// applied to text that is shown or quoted.
public enum Folding {
    /// Scalar → folded scalar for Latin-1, Latin Extended-A/B and Latin Extended
    /// Additional (all Vietnamese letters), computed once through ICU; 0 means
    /// "no one-scalar folding: ask ICU for the whole string".
    private static let latinTable: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 0x1F00)
        for v in 0x80..<0x1F00 {
            if v >= 0x250 && v < 0x1E00 { continue }
            let src: [UInt16] = [UInt16(v)]
            var dst = [UInt16](repeating: 0, count: 8)
            let n = src.withUnsafeBufferPointer { sp in
                dst.withUnsafeMutableBufferPointer { dp in vb_fold(sp.baseAddress, 1, dp.baseAddress, 8) }
            }
            if n == 1 { table[v] = UInt32(dst[0]) }
        }
        return table
    }()

    public static func key(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            let v = u.value
            if v < 0x80 {
                out.append(v >= 65 && v <= 90 ? Unicode.Scalar(v + 32)! : u)
            } else if v < 0x1F00, case let f = latinTable[Int(v)], f != 0 {
                out.append(Unicode.Scalar(f)!)
            } else if v >= 0x300 && v < 0x370 {
                continue // a combining mark left by NFD input
            } else {
                return icuKey(s)
            }
        }
        return String(out)
    }

    static func icuKey(_ s: String) -> String {
        let src = Array(s.utf16)
        var cap = Int32(src.count + 16)
        while true {
            var dst = [UInt16](repeating: 0, count: Int(cap))
            let n = src.withUnsafeBufferPointer { sp in
                dst.withUnsafeMutableBufferPointer { dp in
                    vb_fold(sp.baseAddress, Int32(sp.count), dp.baseAddress, cap)
                }
            }
            if n < 0 { return s.lowercased() }
            if n <= cap { return String(decoding: dst[0..<Int(n)], as: UTF16.self) }
            cap = n
        }
    }

    /// The folded key with punctuation turned into single spaces:
    /// `"Sở Văn hóa - Thể thao và Du lịch"` and `"Sở Văn hoá, Thể thao và Du lịch"`
    /// both give `"so van hoa the thao va du lich"`.
    public static func words(_ s: String) -> String {
        let k = key(s)
        var out = [UInt8]()
        out.reserveCapacity(k.utf8.count)
        var pendingSpace = false
        for b in k.utf8 {
            let isWord = (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b >= 0x80
            if isWord {
                if pendingSpace && !out.isEmpty { out.append(32) }
                pendingSpace = false
                out.append(b)
            } else {
                pendingSpace = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
