import VanBanModel
import VanBanParse
import VanBanText

/// Finds references to other documents: `Quyết định số 1373/QĐ-TTg ngày 30/7/2021
/// của Thủ tướng Chính phủ về ...`, `Thông tư 06`, `Luật Giáo dục ngày 14 tháng 6 năm 2019`.
/// One entry per cited document; later short mentions fold into the first.
struct CitationExtractor {
    /// Document kinds by the first word of their name, longest name first.
    static let kindsByFirstWord: WordTable<[(DocumentKind, [String])]> = {
        var m: [String: [(DocumentKind, [String])]] = [:]
        var order: [String] = []
        for k in DocumentTypes.all {
            let words = k.key.split(separator: " ").map(String.init)
            if m[words[0]] == nil { order.append(words[0]) }
            m[words[0], default: []].append((k, words))
        }
        return WordTable(order.map { ($0, m[$0]!.sorted { $0.1.count > $1.1.count }) })
    }()

    let ownNumber: String?
    let ownType: String?

    func extract(_ passages: Passages) -> [Citation] {
        var out: [Citation] = []
        var index: [String: Int] = [:]
        for p in passages.all {
            var firstInTitle = true
            for c in scan(p) {
                let key = c.number.map { "n:" + Folding.key($0).filter { $0 != " " } } ?? "k:\(c.kind)|\(c.date ?? "")"
                if let k = index[key] {
                    if out[k].date == nil, let d = c.date { out[k].date = d }
                    if out[k].issuer == nil { out[k].issuer = c.issuer }
                    if out[k].title == nil { out[k].title = c.title }
                    continue
                }
                var c = c
                if p.zone == .title {
                    c.role = firstInTitle && startsWithImplements(p.tokens) ? .implements : .reference
                    firstInTitle = false
                }
                index[key] = out.count
                out.append(c)
            }
        }
        return out
    }

    func startsWithImplements(_ t: [Token]) -> Bool {
        Phrases.trienKhai.match(t, at: 0) != nil || Phrases.thucHien.match(t, at: 0) != nil
    }

    func scan(_ p: Passage) -> [Citation] {
        let t = p.tokens
        var out: [Citation] = []
        var i = 0
        while i < t.count {
            // `(Số 1226/QĐ-BVHTTDL ngày 29/4/2025 ...)`: a number whose symbol names the type.
            if t[i].isWord, t[i].key == "so", let kind = kindFromSymbol(t, at: i + 1),
               let (c, end) = citation(kind: kind, kindLength: 0, at: i, in: t, passage: p), c.number != nil {
                if !isOwn(c) { out.append(c) }
                i = end
                continue
            }
            guard t[i].isWord, let (kind, n) = kind(at: i, in: t) else { i += 1; continue }
            if let (c, end) = citation(kind: kind, kindLength: n, at: i, in: t, passage: p) {
                if !isOwn(c) { out.append(c) }
                i = end
                // `..., số 456/QĐ-UBND ngày ...` / `và số ...`: another document of the same kind.
                while i + 2 < t.count, t[i].key == "," || t[i].key == "va" || t[i].key == ";", t[i + 1].key == "so",
                      let (more, e2) = citation(kind: kind, kindLength: 0, at: i + 1, in: t, passage: p), more.number != nil {
                    if !isOwn(more) { out.append(more) }
                    i = e2
                }
            } else {
                i += n
            }
        }
        return out
    }

    /// The kind named by the symbol of the number at `i` (`1226/QĐ-BVHTTDL` → Quyết định); nil for
    /// a symbol that names no type (a công văn's) or a token that is no number.
    func kindFromSymbol(_ t: [Token], at i: Int) -> DocumentKind? {
        guard i < t.count, t[i].isWord, t[i].text.first?.isNumber == true, t[i].text.contains("/"),
              let symbol = DocumentNumbers.symbol(of: t[i].text),
              let first = symbol.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).first else { return nil }
        return Self.kindsBySymbol[Folding.key(String(first)).uppercased()]
    }

    /// Every kind by its code as a symbol writes it (`NĐ` → Nghị định, `QĐ` → Quyết định, `TT` → Thông tư).
    static let kindsBySymbol: [String: DocumentKind] = {
        var m: [String: DocumentKind] = [:]
        for k in DocumentTypes.all where !k.code.contains("-") {
            let key = Folding.key(k.code).uppercased()
            if m[key] == nil { m[key] = k }
        }
        return m
    }()

    func kind(at i: Int, in t: [Token]) -> (DocumentKind, Int)? {
        guard let candidates = Self.kindsByFirstWord.get(t[i].key, hash: t[i].hash) else { return nil }
        for (k, words) in candidates {
            var ok = true
            for (n, w) in words.enumerated() where !(i + n < t.count && t[i + n].isWord && t[i + n].key == w) { ok = false; break }
            if ok { return (k, words.count) }
        }
        return nil
    }

    func citation(kind: DocumentKind, kindLength: Int, at i: Int, in t: [Token], passage p: Passage) -> (Citation, Int)? {
        var j = i + kindLength
        var hadSo = false
        // `số`, `số:`, `: số` (`Các Công điện: số 007/CĐ-UBND`).
        if j < t.count, !t[j].isWord, t[j].key == ":", j + 1 < t.count, t[j + 1].key == "so" { j += 1 }
        if j < t.count, t[j].isWord, t[j].key == "so" { hadSo = true; j += 1 }
        if j < t.count, !t[j].isWord, t[j].key == ":" { j += 1 }
        var number: String?
        if let (num, k) = numberAt(j, in: t), isNumber(num, hadSo: hadSo, kindCapitalized: t[i].capitalized || kindLength == 0),
           !(num.allSatisfy(\.isNumber) && k < t.count && t[k].key == ":") {
            number = num; j = k
        }
        // The name between the kind and its number: `Kết luận liên ngành trung ương số 23/KL-LNTPTW`,
        // `Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15`.
        if number == nil, kindLength > 0, t[i].capitalized {
            var k = j
            while k < t.count, k - j < 14, t[k].isWord || t[k].key == "," || t[k].key == "-" {
                if t[k].key == "so", let (num, e) = numberAt(k + 1, in: t), num.contains("/") || num.contains("-"),
                   isNumber(num, hadSo: true, kindCapitalized: true) {
                    number = num; j = e; break
                }
                if t[k].key == "ngay" || (k > j && kindAt(k, t)) { break }
                k += 1
            }
        }
        var date: String?
        var probe = j
        if probe < t.count, !t[probe].isWord, t[probe].key == "," { probe += 1 }
        if probe < t.count, t[probe].isWord, t[probe].key == "ngay", let d = DateReader.date(t, at: probe + 1), d.hasYear {
            date = d.iso; j = probe + 1 + d.length
        }
        if number == nil {
            // A law cited by name and date: `Luật Giáo dục ngày 14 tháng 6 năm 2019`.
            guard CitationCues.namedByDate.contains(kind.key), t[i].capitalized else { return nil }
            // `Luật Giáo dục năm 2019`: a law named by its year.
            var y = j
            while y < t.count, y - j < 10, t[y].isWord, t[y].key != "nam", t[y].key != "ngay" { y += 1 }
            if y > j, y + 1 < t.count, t[y].key == "nam", let year = DateReader.year(Substring(t[y + 1].text)) {
                date = String(year); j = y + 2
            }
            var k = j
            while date == nil, k < t.count, k - j < 30 {
                // A bracket opens other documents (`Luật Quy hoạch (Số 37/2019/NĐ-CP ngày ...)`), not the law's date.
                if !t[k].isWord, [";", ":", "("].contains(t[k].key) { return nil }
                if t[k].isWord, t[k].key == "so", numberAt(k + 1, in: t) != nil { return nil }
                if !t[k].isWord, t[k].key == ".", k + 1 < t.count, t[k + 1].capitalized { return nil }
                if t[k].isWord, t[k].key == "ngay", let d = DateReader.date(t, at: k + 1), d.hasYear {
                    date = d.iso; j = k + 1 + d.length; break
                }
                k += 1
            }
            guard date != nil else { return nil }
        }

        // Issuer: `của Thủ tướng Chính phủ`.
        var issuer: String?
        if j < t.count, t[j].isWord, t[j].key == "cua" {
            var k = j + 1
            let s = k
            while k < t.count, t[k].isWord, CitationCues.issuerStops.match(t, at: k) == nil, kindAt(k, t) == false, k - s < 14 { k += 1 }
            if k > s { issuer = Tokenizer.text(t[s..<k]); j = k }
        }
        // Title: `về ...` or a quoted name.
        var title: String?
        var k = j
        if k < t.count, t[k].isWord, t[k].key == "ve" {
            k += 1
            if k + 1 < t.count, t[k].key == "viec" { k += 1 }
            let s = k
            while k < t.count {
                if !t[k].isWord {
                    if t[k].key == ";" || t[k].key == "(" { break }
                    if t[k].key == ",", k + 1 < t.count, t[k + 1].key == "so", numberAt(k + 2, in: t) != nil { break }
                    if t[k].key == "." && (k + 1 >= t.count || t[k + 1].capitalized) { break }
                } else if kindAt(k, t), k + 1 < t.count, t[k + 1].key == "so" {
                    break
                } else if t[k].key == "va", k + 1 < t.count, t[k + 1].key == "so", numberAt(k + 2, in: t) != nil {
                    break
                }
                k += 1
            }
            if k > s { title = Tokenizer.text(t[s..<k]).trimmingSpaces() }
        } else if k < t.count, !t[k].isWord, t[k].key == "“" || t[k].key == "\"" {
            let s = k + 1
            k = s
            while k < t.count, !(!t[k].isWord && (t[k].key == "”" || t[k].key == "\"")) { k += 1 }
            if k > s { title = Tokenizer.text(t[s..<k]) }
        }
        let quote = clause(around: i, in: t)
        let c = Citation(kind: kind.name, number: number, date: date, issuer: issuer, title: title,
                         role: role(at: i, in: t, zone: p.zone), section: p.section, quote: quote)
        return (c, max(j, i + kindLength))
    }

    func kindAt(_ k: Int, _ t: [Token]) -> Bool { kind(at: k, in: t) != nil && t[k].capitalized }

    /// The number at `j` with the pieces OCR split off joined back (`71/NQ` `-CP`,
    /// `227/QĐ-` `TTg`, `773` `/QĐ-TTg`); and the index after it.
    func numberAt(_ j: Int, in t: [Token]) -> (String, Int)? {
        guard j < t.count, t[j].isWord, let f = t[j].text.unicodeScalars.first, f.properties.numericType != nil else { return nil }
        var num = t[j].text
        var k = j + 1
        var joins = 0
        while k < t.count, joins < 3, t[k].isWord {
            let next = t[k].text
            let opensPiece = next.hasPrefix("/") || next.hasPrefix("-")
            let continuesPiece = (num.hasSuffix("-") || num.hasSuffix("/")) && next.first.map { $0.isUppercase || $0.isNumber } == true
            guard opensPiece || continuesPiece, next.count <= 16 else { break }
            num += next; k += 1; joins += 1
        }
        while num.hasSuffix(".") || num.hasSuffix("-") { num.removeLast() }
        return (num, k)
    }

    /// `1373/QĐ-TTg`, `49-KL/TW`, `04` (after `số`), `06` (after a capitalized kind).
    func isNumber(_ s: String, hadSo: Bool, kindCapitalized: Bool) -> Bool {
        let digitsOnly = s.allSatisfy { $0.isNumber }
        // `Đề án 06`, `Thông tư 06`: a document known by a bare number is written with two digits
        // or more; `Dự án 7`, `Tiểu dự án 1` are parts of a programme, not documents.
        if digitsOnly { return (hadSo && s.count <= 6) || (kindCapitalized && s.count >= 2 && s.count <= 3) }
        guard s.contains("/") || s.contains("-") else { return false }
        // A date is not a number.
        let parts = s.split(separator: "/")
        if parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) { return false }
        return s.contains(where: { $0.isLetter })
    }

    func isOwn(_ c: Citation) -> Bool {
        guard let own = ownNumber, let n = c.number, let type = ownType else { return false }
        let ownDigits = own.prefix(while: \.isNumber), digits = n.prefix(while: \.isNumber)
        guard !ownDigits.isEmpty, ownDigits == digits else { return false }
        guard let kind = DocumentTypes.all.first(where: { $0.name == c.kind }) else { return false }
        return Folding.key(kind.code) == Folding.key(type)
    }

    /// The role from the clause opener: the first words after the last `;` before the citation.
    func role(at i: Int, in t: [Token], zone: Passage.Zone) -> CitationRole {
        guard zone == .preamble else { return .reference }
        // The clause's opener; a clause without one continues the list of the clause before
        // (`Thực hiện Kết luận ...; Chỉ thị số 11-CT/TW ...`).
        var end = i
        while end > 0 {
            var s = end
            while s > 0, !( !t[s - 1].isWord && t[s - 1].key == ";") { s -= 1 }
            for (phrase, role) in CitationCues.roles where phrase.match(t, at: s) != nil {
                return CitationRole(rawValue: role) ?? .reference
            }
            end = s - 1
        }
        return .reference
    }

    /// The clause (between `;`) holding token `i`, at most 400 characters.
    func clause(around i: Int, in t: [Token]) -> String {
        var s = i
        while s > 0, !( !t[s - 1].isWord && t[s - 1].key == ";") { s -= 1 }
        var e = i
        while e < t.count, !( !t[e].isWord && t[e].key == ";") { e += 1 }
        let text = Tokenizer.text(t[s..<e])
        return text.count > 400 ? String(text.prefix(400)) + "…" : text
    }
}

