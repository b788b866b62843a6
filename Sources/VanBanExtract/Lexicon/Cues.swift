/// Cue words for citations, deadlines and targets, one table each.
enum CitationCues {
    /// Clause openers and the role they give: `Căn cứ` → basis, `Thực hiện`/`Triển khai` → implements.
    static let roles: [(Phrase, String)] = [
        (Phrase("căn cứ"), "basis"), (Phrase("thực hiện"), "implements"), (Phrase("triển khai"), "implements"),
    ]
    /// Words that end a citation's issuer (`của Thủ tướng Chính phủ về ...`).
    static let issuerStops = PhraseSet(["về", "v/v", "ban hành", "phê duyệt", "quy định", "hướng dẫn", "tại", "theo", "trên",
                                        "nhằm", "thực hiện", "triển khai", "đã", "để", "đối với", "với", "ngày", "và", "khóa"])
    /// Kinds cited by name and date when they have no number (`Luật Giáo dục ngày 14 tháng 6 năm 2019`).
    static let namedByDate: Set<String> = ["luat", "bo luat", "phap lenh", "hien phap"]
    /// Cue words are matched on folded keys; these ask for the exact date shape `DateReader` reads.
}

enum DeadlineCues {
    /// Cue → relation.
    static let relations: [(Phrase, String)] = [
        (Phrase("trước ngày"), "before"), (Phrase("chậm nhất là ngày"), "before"), (Phrase("chậm nhất vào ngày"), "before"),
        (Phrase("chậm nhất ngày"), "before"), (Phrase("hạn chót là ngày"), "before"), (Phrase("hạn chót ngày"), "before"),
        (Phrase("trong thời hạn đến ngày"), "before"), (Phrase("hoàn thành trước ngày"), "before"), (Phrase("trước"), "before"),
        (Phrase("chậm nhất"), "before"), (Phrase("vào ngày"), "on"), (Phrase("kể từ ngày"), "from"), (Phrase("bắt đầu từ ngày"), "from"),
    ]
    /// Month deadlines: `trước tháng 12/2024`.
    static let monthRelations: [(Phrase, String)] = [(Phrase("trước tháng"), "before"), (Phrase("chậm nhất trong tháng"), "before"),
                                                     (Phrase("trong tháng"), "before"), (Phrase("hoàn thành trong tháng"), "before")]
    /// Recurrence words, in the order they are looked for.
    static let recurrences: [(Phrase, String)] = [
        (Phrase("hằng năm"), "yearly"), (Phrase("hàng năm"), "yearly"), (Phrase("định kỳ 6 tháng"), "semiannual"),
        (Phrase("định kỳ sáu tháng"), "semiannual"), (Phrase("6 tháng một lần"), "semiannual"), (Phrase("hằng quý"), "quarterly"),
        (Phrase("hàng quý"), "quarterly"), (Phrase("định kỳ quý"), "quarterly"), (Phrase("hằng tháng"), "monthly"),
        (Phrase("hàng tháng"), "monthly"), (Phrase("hằng ngày"), "daily"), (Phrase("hàng ngày"), "daily"),
    ]
    /// `trước ngày 20 hằng tháng`, `trước ngày 20 tháng cuối quý`: a day with no month, recurring.
    static let dayOfPeriod: [(Phrase, String)] = [(Phrase("hằng tháng"), "monthly"), (Phrase("hàng tháng"), "monthly"),
                                                  (Phrase("tháng cuối quý"), "quarterly"), (Phrase("tháng cuối mỗi quý"), "quarterly")]
    /// Periods named after `định kỳ` (a duty with no date): `định kỳ 6 tháng, năm`.
    static let periods: [(Phrase, String)] = [
        (Phrase("hằng năm"), "yearly"), (Phrase("hàng năm"), "yearly"), (Phrase("năm"), "yearly"),
        (Phrase("6 tháng"), "semiannual"), (Phrase("06 tháng"), "semiannual"), (Phrase("sáu tháng"), "semiannual"),
        (Phrase("hằng quý"), "quarterly"), (Phrase("hàng quý"), "quarterly"), (Phrase("quý"), "quarterly"),
        (Phrase("3 tháng"), "quarterly"), (Phrase("03 tháng"), "quarterly"),
        (Phrase("hằng tháng"), "monthly"), (Phrase("hàng tháng"), "monthly"), (Phrase("tháng"), "monthly"),
    ]
    static let periodic = Phrase("định kỳ")
}

enum TargetCues {
    /// Words before a number and the comparator they give.
    static let comparators: [(Phrase, String)] = [
        (Phrase("ít nhất"), ">="), (Phrase("tối thiểu"), ">="), (Phrase("trên"), ">="), (Phrase("phấn đấu"), ">="),
        (Phrase("hơn"), ">="), (Phrase("từ"), ">="), (Phrase("không dưới"), ">="), (Phrase("không ít hơn"), ">="),
        (Phrase("dưới"), "<="), (Phrase("không quá"), "<="), (Phrase("tối đa"), "<="), (Phrase("không vượt quá"), "<="),
    ]
    /// Words after a number that make it a bound: `95% trở lên`.
    static let trailingComparators: [(Phrase, String)] = [(Phrase("trở lên"), ">="), (Phrase("trở xuống"), "<="), (Phrase("trở lại"), "<=")]
    /// Words between a measure and its number, dropped from a leading indicator: `... đạt từ 50%`.
    static let leadIns: [Phrase] = ["đạt", "từ", "phấn đấu", "ít nhất", "tối thiểu", "trên", "khoảng", "dưới", "không quá",
                                    "tối đa", "là", "đạt tỷ lệ", "đạt mức", "còn", "xuống", "lên"].map(Phrase.init)
    /// Words that make a count a commitment when they stand before it.
    static let countCues = PhraseSet(["ít nhất", "tối thiểu", "phấn đấu", "đạt", "trên", "không quá", "tối đa", "không dưới",
                                      "phấn đấu đạt", "đạt trên", "đạt ít nhất", "có ít nhất", "tăng thêm", "mở"])
    /// Counted nouns that can be a target's unit.
    static let units = PhraseSet(["lần", "người", "trường", "lớp", "buổi", "cuộc", "đợt", "tin", "bài", "chuyên mục", "mô hình",
                                  "đơn vị", "xã", "huyện", "hộ", "học viên", "cán bộ", "giáo viên", "học sinh", "thư viện",
                                  "câu lạc bộ", "trung tâm", "cơ sở", "điểm", "tỷ đồng", "triệu đồng", "sản phẩm", "hội nghị",
                                  "lớp học", "khóa", "tác phẩm", "đầu sách", "cuốn sách", "bản tin", "phóng sự", "lượt", "gia đình",
                                  "dòng họ", "cộng đồng", "doanh nghiệp", "chương trình", "hoạt động", "phòng", "tủ sách",
                                  "bộ dữ liệu", "tập dữ liệu", "cơ sở dữ liệu", "kịch bản", "dự án", "đề án", "đề tài", "vùng",
                                  "giờ", "hồ sơ", "thủ tục", "dịch vụ", "nền tảng", "ứng dụng", "hệ thống", "sáng kiến",
                                  "chuyên gia", "sinh viên", "hợp tác xã", "tổ chức", "khu", "cụm", "sự kiện", "lượt người",
                                  "ha", "km", "tấn", "m2", "sản phẩm OCOP", "tuyến", "điểm đến", "làng", "thôn", "ấp", "bản"])
}
