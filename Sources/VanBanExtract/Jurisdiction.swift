import VanBanModel
import VanBanParse
import VanBanText

/// Whose document it is, as a unit of government: the issuing body's level and
/// the locality it governs, read from the header (and, where the header was lost,
/// from the place line, the title and the documents it implements).
///
/// ```swift
/// Jurisdiction.of(doc)   // Ủy ban nhân dân tỉnh Nghệ An →
///                        // level .province, locality "tỉnh Nghệ An", province "Nghệ An"
/// ```
public struct Jurisdiction: Sendable, Equatable {
    public enum Level: String, Sendable, CaseIterable {
        case national, province, district, commune
    }

    public var level: Level
    /// `tỉnh Nghệ An`, `huyện Phú Tân`, `thị trấn Phú Mỹ`; nil for national bodies.
    public var locality: String?
    /// The province (as named in `AdministrativeUnits.provinces`) the locality lies in,
    /// as it was on the day of issue; nil for national bodies and when nothing says.
    public var province: String?

    public init(level: Level, locality: String?, province: String?) {
        self.level = level; self.locality = locality; self.province = province
    }

    /// The province that governs this one's territory today (after the 2025 merger).
    public var currentProvince: String? { province.map { ProvinceTable.successor[$0] ?? $0 } }

    /// The jurisdiction of a read document, or nil when nothing in it says.
    public static func of(_ doc: Document) -> Jurisdiction? {
        // 1. The issuer, as the header names it.
        if let issuer = doc.issuer {
            let name = UnitPhrase.all(in: issuer.name), parent = issuer.parent.map(UnitPhrase.all) ?? []
            let folded = Folding.words(issuer.name) + " "
            if name.isEmpty && parent.isEmpty && NationalBodies.namePrefixes.contains(where: { folded.hasPrefix($0) }) {
                return Jurisdiction(level: .national, locality: nil, province: nil)
            }
            if let own = (name.min { $0.level.depth > $1.level.depth }) ?? (parent.min { $0.level.depth > $1.level.depth }) {
                return placed(own, in: doc, hints: name + parent)
            }
            // A department with no unit of its own (`Sở Y tế`): the place line says where.
            if let p = doc.place.flatMap(ProvinceTable.province(named:)) {
                let level: Level = folded.hasPrefix("phong ") ? .district : .province
                if level == .province { return Jurisdiction(level: .province, locality: ProvinceTable.locality(of: p), province: p) }
            }
        }
        // 2. No header: a national symbol, a unit the title names at the place, or a place that is a province.
        if let symbol = doc.symbol, let issuerPart = symbol.split(separator: "-").last,
           NationalBodies.symbols.contains(String(issuerPart)) {
            return Jurisdiction(level: .national, locality: nil, province: nil)
        }
        let placeKey = doc.place.map(Folding.words)
        let titled = doc.title.map(UnitPhrase.all) ?? []
        if let atPlace = titled.first(where: { Folding.words($0.name) == placeKey }) {
            return placed(atPlace, in: doc, hints: titled)
        }
        if let p = doc.place.flatMap(ProvinceTable.province(named:)) {
            return Jurisdiction(level: .province, locality: ProvinceTable.locality(of: p), province: p)
        }
        return nil
    }

    /// A unit phrase as the jurisdiction, with its province found where the document says it.
    static func placed(_ unit: UnitPhrase, in doc: Document, hints: [UnitPhrase]) -> Jurisdiction {
        if unit.level == .province, let p = unit.province {
            return Jurisdiction(level: .province, locality: ProvinceTable.locality(of: p), province: p)
        }
        var province = hints.lazy.compactMap(\.province).first
        if province == nil {
            // The province of a district or commune: the superior bodies its plan implements or cites.
            let texts = [doc.title ?? ""] + doc.citations.compactMap(\.issuer) + doc.preamble.map(\.text) + doc.closing.map(\.text)
            province = texts.lazy.flatMap(UnitPhrase.all).compactMap(\.province).first
        }
        return Jurisdiction(level: unit.level, locality: unit.locality, province: province)
    }
}

/// `tỉnh Nghệ An`, `huyện Phú Tân`, `thị trấn Phú Mỹ` found in a text.
struct UnitPhrase: Equatable {
    var level: Jurisdiction.Level
    /// The unit word as written in lower case (`tỉnh`, `thành phố`, `thị trấn`).
    var unit: String
    /// The name, capitalized word by word (`Phú Tân`); a province's as in the table.
    var name: String
    /// Set when the unit is a province or a centrally-run city.
    var province: String?

    var locality: String { province.map(ProvinceTable.locality(of:)) ?? unit + " " + name }

    /// Unit words (folded, as word sequences) and the level of a unit they name;
    /// `thành phố` is a province when its name is in the province table, else a district.
    static let unitWords: [([String], Jurisdiction.Level, String)] = [
        (["tinh"], .province, "tỉnh"), (["thanh", "pho"], .district, "thành phố"), (["tp"], .district, "thành phố"),
        (["huyen"], .district, "huyện"), (["quan"], .district, "quận"), (["thi", "xa"], .district, "thị xã"),
        (["thi", "tran"], .commune, "thị trấn"), (["xa"], .commune, "xã"), (["phuong"], .commune, "phường"),
        (["dac", "khu"], .commune, "đặc khu"),
    ]

    /// Words that follow `xã`, `quận` ... in ordinary prose, never a place name (`xã hội`).
    static let notNames: Set<String> = ["hoi", "vien", "doi", "ly", "uy"]

    /// Every unit phrase of `text`, in order. Names are runs of capitalized words
    /// (at most four); an all-capitals text only yields provinces of the table.
    static func all(in text: String) -> [UnitPhrase] {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "(" || $0 == ")" || $0 == "\n" })
            .map { String($0).trimmingTrailing(".:") }
        let keys = words.map(Folding.key)
        let shouting = Words.isAllCaps(text)
        var out: [UnitPhrase] = []
        var i = 0
        while i < words.count {
            guard let (unitKeys, level, unit) = unitWords.first(where: { w in
                i + w.0.count <= keys.count && Array(keys[i..<(i + w.0.count)]) == w.0
            }) else { i += 1; continue }
            let start = i + unitKeys.count
            // The longest run of up to four words that is a province of the table.
            var matched: (String, Int)? = nil
            var n = min(5, words.count - start)
            while n > 0, matched == nil {
                if let p = ProvinceTable.province(named: words[start..<(start + n)].joined(separator: " ")) { matched = (p, n) }
                n -= 1
            }
            if let (p, n) = matched, level == .province || unitKeys != ["tinh"] {
                if level == .province || ProvinceTable.cities.contains(p) {
                    out.append(UnitPhrase(level: .province, unit: unit, name: p, province: p))
                    i = start + n
                    continue
                }
            }
            if level != .province, !shouting {
                var run: [String] = []
                var k = start
                while k < words.count, run.count < 4, let f = words[k].first, f.isUppercase, words[k].allSatisfy({ $0.isLetter }) {
                    run.append(words[k]); k += 1
                }
                if let first = run.first, !notNames.contains(Folding.key(first)) {
                    out.append(UnitPhrase(level: level, unit: unit, name: run.map { Words.capitalized($0) }.joined(separator: " "), province: nil))
                    i = k
                    continue
                }
            }
            i = start
        }
        return out
    }
}

extension Jurisdiction.Level {
    /// 0 for the nation, 3 for a commune: deeper is more specific.
    var depth: Int {
        switch self {
        case .national: return 0
        case .province: return 1
        case .district: return 2
        case .commune: return 3
        }
    }
}

extension String {
    func trimmingTrailing(_ chars: String) -> String {
        var s = self
        while let last = s.last, chars.contains(last) { s.removeLast() }
        return s
    }
}
