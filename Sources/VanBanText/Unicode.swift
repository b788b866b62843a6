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
    public static func key(_ s: String) -> String {
        // ASCII fast path: lower-case only.
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: s.utf8.map { ($0 >= 65 && $0 <= 90) ? $0 + 32 : $0 }, as: UTF8.self)
        }
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
