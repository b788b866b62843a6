/// Byte-level helpers for hot paths (no Foundation, no `String.contains`).
public enum Bytes {
    /// True when `needle` occurs in `haystack` (UTF-8 substring search).
    @inline(__always)
    public static func contains(_ haystack: String, _ needle: String) -> Bool {
        var h = haystack, n = needle
        return h.withUTF8 { hb in n.withUTF8 { nb in find(hb, nb) != nil } }
    }

    /// True when `s` starts with `prefix`, byte for byte.
    @inline(__always)
    public static func hasPrefix(_ s: String, _ prefix: String) -> Bool {
        var a = s, b = prefix
        return a.withUTF8 { ab in b.withUTF8 { bb in ab.count >= bb.count && memeq(ab, 0, bb) } }
    }

    /// Offset of the first `needle` in `haystack`, or nil.
    public static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        haystack.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { n in find(h, n) } }
    }

    static func find(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Int? {
        if n.isEmpty { return 0 }
        if n.count > h.count { return nil }
        let first = n[0]
        var i = 0
        let last = h.count - n.count
        while i <= last {
            if h[i] == first && memeq(h, i, n) { return i }
            i += 1
        }
        return nil
    }

    @inline(__always)
    static func memeq(_ h: UnsafeBufferPointer<UInt8>, _ at: Int, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        while k < n.count { if h[at + k] != n[k] { return false }; k += 1 }
        return true
    }
}
