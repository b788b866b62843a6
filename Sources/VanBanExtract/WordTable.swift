/// A read-only map from words to values, keyed by a precomputed FNV-1a hash
/// (`Token.hash`) so that lexicon lookups in hot loops never run Swift's
/// `Hasher`. Open addressing, linear probing; built once per table.
struct WordTable<Value: Sendable>: Sendable {
    private var hashes: [UInt32]
    private var keys: [String]
    private var values: [Value?]
    private let mask: Int

    init(_ pairs: [(String, Value)]) {
        var size = 16
        while size < pairs.count * 3 { size <<= 1 }
        mask = size - 1
        hashes = Array(repeating: 0, count: size)
        keys = Array(repeating: "", count: size)
        values = Array(repeating: nil, count: size)
        for (k, v) in pairs {
            let h = WordTable.hash(k)
            var i = Int(h) & mask
            while values[i] != nil && keys[i] != k { i = (i + 1) & mask }
            if values[i] == nil { hashes[i] = h; keys[i] = k; values[i] = v }
        }
    }

    @inline(__always) func get(_ key: String, hash h: UInt32) -> Value? {
        var i = Int(h) & mask
        while let v = values[i] {
            if hashes[i] == h && keys[i] == key { return v }
            i = (i + 1) & mask
        }
        return nil
    }

    func get(_ key: String) -> Value? { get(key, hash: WordTable.hash(key)) }

    /// FNV-1a over UTF-8 bytes.
    @inline(__always) static func hash(_ s: String) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in s.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }
}
