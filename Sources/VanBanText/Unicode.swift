import CICUShim

/// Unicode operations backed by ICU (through the `CICUShim` C target).
public enum UnicodeText {
    /// Canonical composition (NFC). `"Tôi"` written as `T o U+0302 i` becomes `T ô i`.
    public static func nfc(_ s: String) -> String { normalize(s, mode: 0) }

    /// Canonical decomposition (NFD).
    public static func nfd(_ s: String) -> String { normalize(s, mode: 1) }

    private static func normalize(_ s: String, mode: Int32) -> String {
        if mode == 0 && isKnownNFC(s) { return s }
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

    /// A conservative quick check: text made only of scalars that are NFC-stable on
    /// their own and never combine (ASCII, Latin-1, Latin Extended-A/B, Latin
    /// Extended Additional, common punctuation) is already NFC. Anything else goes to ICU.
    static func isKnownNFC(_ s: String) -> Bool {
        var str = s
        return str.withUTF8 { u in
            let n = u.count
            var i = 0
            while i < n {
                let b = u[i]
                if b < 0x80 { i += 1; continue }
                if b >= 0xC2 && b <= 0xCB { i += 2; continue }                  // U+0080–U+02FF
                if b == 0xE1 && i + 1 < n && u[i + 1] >= 0xB8 && u[i + 1] <= 0xBB { i += 3; continue } // U+1E00–U+1EFF
                if b == 0xE2 && i + 2 < n {
                    let c = u[i + 1], d = u[i + 2]
                    if (c == 0x80 && d >= 0x90) || (c == 0x81 && d <= 0xAF) || (c == 0x82 && d >= 0xA0) { i += 3; continue } // U+2010–U+206F, U+20A0–U+20BF
                }
                return false
            }
            return true
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
        var str = s
        var needsICU = false
        let folded = str.withUTF8 { src -> String in
            var ascii = true
            for b in src where b >= 0x80 || (b >= 65 && b <= 90) { ascii = false; break }
            if ascii { return s }
            return String(unsafeUninitializedCapacity: src.count) { out in
                var o = 0
                var i = 0
                while i < src.count {
                    let b = src[i]
                    if b < 0x80 {
                        out[o] = (b >= 65 && b <= 90) ? b + 32 : b; o += 1; i += 1; continue
                    }
                    // Decode one scalar (input is valid UTF-8).
                    var v: UInt32
                    var len: Int
                    if b < 0xE0 { v = UInt32(b & 0x1F); len = 2 } else if b < 0xF0 { v = UInt32(b & 0x0F); len = 3 } else { v = UInt32(b & 0x07); len = 4 }
                    for k in 1..<len { v = v << 6 | UInt32(src[i + k] & 0x3F) }
                    i += len
                    if v >= 0x300 && v < 0x370 { continue } // a combining mark left by NFD input
                    var f: UInt32 = 0
                    if v < 0x1F00 { f = latinTable[Int(v)] }
                    if f == 0 {
                        f = v
                        // Letters of other scripts need ICU's folding; punctuation does not.
                        if (v >= 0x370 && v < 0x1E00) || v >= 0x1F00, Unicode.Scalar(v)?.properties.isAlphabetic == true { needsICU = true }
                    }
                    o += encode(f, into: out, at: o)
                }
                return o
            }
        }
        return needsICU ? icuKey(s) : folded
    }

    @inline(__always) static func encode(_ v: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at o: Int) -> Int {
        if v < 0x80 { out[o] = UInt8(v); return 1 }
        if v < 0x800 { out[o] = UInt8(0xC0 | (v >> 6)); out[o + 1] = UInt8(0x80 | (v & 0x3F)); return 2 }
        if v < 0x10000 {
            out[o] = UInt8(0xE0 | (v >> 12)); out[o + 1] = UInt8(0x80 | ((v >> 6) & 0x3F)); out[o + 2] = UInt8(0x80 | (v & 0x3F)); return 3
        }
        out[o] = UInt8(0xF0 | (v >> 18)); out[o + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
        out[o + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); out[o + 3] = UInt8(0x80 | (v & 0x3F)); return 4
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
        var k = key(s)
        return k.withUTF8 { src in
            String(unsafeUninitializedCapacity: src.count) { out in
                var o = 0
                var pendingSpace = false
                for b in src {
                    let isWord = (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b >= 0x80
                    if isWord {
                        if pendingSpace && o > 0 { out[o] = 32; o += 1 }
                        pendingSpace = false
                        out[o] = b; o += 1
                    } else {
                        pendingSpace = true
                    }
                }
                return o
            }
        }
    }
}

