/// The provinces as units of government, before and after the 2025 merger, and
/// the bodies that govern the whole country: the data `Jurisdiction` reads against.
public enum ProvinceTable {
    /// The five centrally-run cities before 2025 and `Huế` (a city since 1 January 2025):
    /// `thành phố X`; every other province is `tỉnh X`.
    public static let cities: Set<String> = ["Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"]

    /// The day the 34 provinces and cities took over from the 63 (Nghị quyết 202/2025/QH15).
    public static let mergerDate = "2025-07-01"

    /// The 34 units from 1 July 2025, each with the old units it absorbed (itself
    /// first when it kept its name). The 11 that did not change absorb nothing.
    public static let merged: [(unit: String, absorbed: [String])] = [
        ("Hà Nội", []), ("Huế", []), ("Lai Châu", []), ("Điện Biên", []), ("Sơn La", []), ("Lạng Sơn", []),
        ("Quảng Ninh", []), ("Thanh Hóa", []), ("Nghệ An", []), ("Hà Tĩnh", []), ("Cao Bằng", []),
        ("Tuyên Quang", ["Tuyên Quang", "Hà Giang"]),
        ("Lào Cai", ["Lào Cai", "Yên Bái"]),
        ("Thái Nguyên", ["Thái Nguyên", "Bắc Kạn"]),
        ("Phú Thọ", ["Phú Thọ", "Vĩnh Phúc", "Hòa Bình"]),
        ("Bắc Ninh", ["Bắc Ninh", "Bắc Giang"]),
        ("Hưng Yên", ["Hưng Yên", "Thái Bình"]),
        ("Hải Phòng", ["Hải Phòng", "Hải Dương"]),
        ("Ninh Bình", ["Ninh Bình", "Hà Nam", "Nam Định"]),
        ("Quảng Trị", ["Quảng Trị", "Quảng Bình"]),
        ("Đà Nẵng", ["Đà Nẵng", "Quảng Nam"]),
        ("Quảng Ngãi", ["Quảng Ngãi", "Kon Tum"]),
        ("Gia Lai", ["Gia Lai", "Bình Định"]),
        ("Khánh Hòa", ["Khánh Hòa", "Ninh Thuận"]),
        ("Lâm Đồng", ["Lâm Đồng", "Đắk Nông", "Bình Thuận"]),
        ("Đắk Lắk", ["Đắk Lắk", "Phú Yên"]),
        ("Hồ Chí Minh", ["Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"]),
        ("Đồng Nai", ["Đồng Nai", "Bình Phước"]),
        ("Tây Ninh", ["Tây Ninh", "Long An"]),
        ("Cần Thơ", ["Cần Thơ", "Sóc Trăng", "Hậu Giang"]),
        ("Vĩnh Long", ["Vĩnh Long", "Bến Tre", "Trà Vinh"]),
        ("Đồng Tháp", ["Đồng Tháp", "Tiền Giang"]),
        ("Cà Mau", ["Cà Mau", "Bạc Liêu"]),
        ("An Giang", ["An Giang", "Kiên Giang"]),
    ]

    /// Old unit → the unit that took it over on `mergerDate` (itself for the 11 unchanged ones).
    public static let successor: [String: String] = {
        var out: [String: String] = [:]
        for (unit, absorbed) in merged {
            out[unit] = unit
            for old in absorbed { out[old] = unit }
        }
        out["Thừa Thiên Huế"] = "Huế"
        return out
    }()

    /// The unit of `name` as written in `AdministrativeUnits.provinces` (`ĐẮK LẮK`, `Đăk Lăk`,
    /// `Bà Rịa–Vũng Tàu`, `TP. Hồ Chí Minh` all find theirs), or nil.
    public static func province(named name: String) -> String? {
        byKey[key(name)]
    }

    /// Provinces named anywhere in a text (`UBND tỉnh Đồng Nai`, `TP. Hồ Chí Minh`), in order:
    /// at each word the longest run of up to five words that names one.
    public static func provinces(in text: String) -> [String] {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" }).map(String.init)
        var out: [String] = []
        var i = 0
        while i < words.count {
            var matched = 0
            for n in stride(from: min(5, words.count - i), through: 1, by: -1) {
                if let p = province(named: words[i..<(i + n)].joined(separator: " ")) { out.append(p); matched = n; break }
            }
            i += max(1, matched)
        }
        return out
    }

    /// `tỉnh Nghệ An`, `thành phố Hồ Chí Minh`: the unit as a locality.
    public static func locality(of province: String) -> String {
        (cities.contains(province) ? "thành phố " : "tỉnh ") + province
    }

    static let byKey: [String: String] = {
        var out: [String: String] = [:]
        for p in AdministrativeUnits.provinces { out[key(p)] = p }
        return out
    }()

    /// Folded, spaces and dashes dropped, `ă`/`â` spellings of `Đắk`/`Lắk` alike, and a leading
    /// unit word (`tỉnh`, `thành phố`, `TP.`) dropped when a name follows it.
    static func key(_ s: String) -> String {
        var k = OCRSpacing.fold(s).filter { $0.isLetter }
        for prefix in ["thanhpho", "tp", "tinh"] where k.hasPrefix(prefix) && k.count > prefix.count + 2 { k = String(k.dropFirst(prefix.count)) }
        return k
    }
}

/// Bodies whose writ runs over the whole country, as they open an issuer's name
/// (folded), and the symbols of their documents.
public enum NationalBodies {
    public static let namePrefixes: [String] = [
        "quoc hoi", "uy ban thuong vu quoc hoi", "chu tich nuoc", "chinh phu", "thu tuong", "van phong chinh phu",
        "bo ", "bo chinh tri", "ban bi thu", "ban chap hanh trung uong", "ngan hang nha nuoc", "toa an nhan dan toi cao",
        "vien kiem sat nhan dan toi cao", "kiem toan nha nuoc", "thanh tra chinh phu", "uy ban dan toc",
        "uy ban trung uong mat tran", "ban tuyen giao trung uong", "ban to chuc trung uong",
    ]
    /// Document symbols (after the type code) of national bodies: `QĐ-TTg`, `NĐ-CP`, `TT-BGDĐT`.
    public static let symbols: Set<String> = [
        "TTg", "CP", "QH", "UBTVQH", "CTN", "VPCP", "NHNN", "TW", "BGDĐT", "BVHTTDL", "BTC", "BYT", "BCA", "BQP", "BNV", "BTP",
        "BKHĐT", "BCT", "BXD", "BGTVT", "BTNMT", "BNNPTNT", "BNNMT", "BLĐTBXH", "BTTTT", "BKHCN", "BNG", "BDTTG",
    ]
}
