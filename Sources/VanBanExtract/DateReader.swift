/// Reads Vietnamese dates from tokens: `30/7/2021`, `05/6` (no year),
/// `30 tháng 7 năm 2021`, `15 tháng 12`, `tháng 12/2024`, `tháng 12 năm 2024`.
enum DateReader {
    struct Found { var iso: String; var length: Int; var hasYear: Bool }

    /// A day-first date starting at token `i` (after `ngày`).
    static func date(_ t: [Token], at i: Int) -> Found? {
        guard i < t.count, t[i].isWord else { return nil }
        // `30/7/2021`; `30-7-2021` and `30.7.2021` only in full (a bare `15-12` may be a range).
        var parts = t[i].text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 1 {
            let alt = t[i].text.split(whereSeparator: { $0 == "-" || $0 == "." })
            if alt.count == 3, alt[2].count == 4 { parts = alt }
        }
        if parts.count >= 2, parts.count <= 3, let d = Int(parts[0]), let m = Int(parts[1]), valid(d, m) {
            if parts.count == 3 {
                guard let y = year(parts[2]) else { return nil }
                return Found(iso: "\(y)-\(pad(m))-\(pad(d))", length: 1, hasYear: true)
            }
            return Found(iso: "--\(pad(m))-\(pad(d))", length: 1, hasYear: false)
        }
        // `30 tháng 7 năm 2021`
        guard parts.count == 1, let d = Int(t[i].text), i + 2 < t.count, t[i + 1].key == "thang",
              let m = Int(t[i + 2].text), valid(d, m) else { return nil }
        if i + 4 < t.count, t[i + 3].key == "nam", let y = year(Substring(t[i + 4].text)) {
            return Found(iso: "\(y)-\(pad(m))-\(pad(d))", length: 5, hasYear: true)
        }
        return Found(iso: "--\(pad(m))-\(pad(d))", length: 3, hasYear: false)
    }

    /// A month date at `i` (after `tháng`): `12/2024`, `12 năm 2024`.
    static func month(_ t: [Token], at i: Int) -> Found? {
        guard i < t.count, t[i].isWord else { return nil }
        let parts = t[i].text.split(separator: "/")
        if parts.count == 2, let m = Int(parts[0]), (1...12).contains(m), let y = year(parts[1]) {
            return Found(iso: "\(y)-\(pad(m))", length: 1, hasYear: true)
        }
        if let m = Int(t[i].text), (1...12).contains(m), i + 2 < t.count, t[i + 1].key == "nam", let y = year(Substring(t[i + 2].text)) {
            return Found(iso: "\(y)-\(pad(m))", length: 3, hasYear: true)
        }
        return nil
    }

    static func valid(_ d: Int, _ m: Int) -> Bool { (1...31).contains(d) && (1...12).contains(m) }

    static func year(_ s: Substring) -> Int? {
        guard s.count == 4, let y = Int(s), y >= 1900, y <= 2200 else { return nil }
        return y
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
