import VanBanText

/// Domain knowledge about Vietnamese public bodies, one table each.
/// Grow these from real documents; `AgencyLexiconTests` lists what each must and must not match.
enum AgencyLexicon {
    /// Words that open the name of a body. `capitalOnly` heads match only when
    /// written with a capital (`Ban Tuyên giáo`, not `ban` in `các sở, ban, ngành`);
    /// `notFollowedBy` rules out verbs and nouns that share the word
    /// (`Ban hành`, `Hội nghị`, `Tổ chức`, `Báo cáo`).
    struct Head: Sendable {
        let phrase: Phrase
        let capitalOnly: Bool
        let notFollowedBy: Set<String>
        /// A head whose name runs to the next separator even through verbs (`Ban Chỉ đạo xây dựng XHHT`).
        let runsToSeparator: Bool
        /// Sở/Bộ/Phòng: names drawn from `fields`.
        let takesField: Bool
        /// An office of other bodies: `Văn phòng HĐND và UBND huyện`, `Thường trực HĐND và UBND` is one body.
        let ofBodies: Bool
        /// The first word with its tones, lower case: heads match tone-sensitively (`Bộ` is not `Bổ`, `Phòng` is not `Phong`).
        let firstWord: String

        init(_ s: String, capitalOnly: Bool = true, notFollowedBy: [String] = [], runsToSeparator: Bool = false, takesField: Bool = false, ofBodies: Bool = false) {
            self.ofBodies = ofBodies
            phrase = Phrase(s); self.capitalOnly = capitalOnly
            self.notFollowedBy = Set(notFollowedBy); self.runsToSeparator = runsToSeparator; self.takesField = takesField
            firstWord = ToneMarks.canonical(String(s.split(separator: " ")[0])).lowercased()
        }
    }

    static let heads: [Head] = [
        Head("Ủy ban nhân dân", capitalOnly: true), Head("UBND"), Head("Hội đồng nhân dân"), Head("HĐND"),
        Head("Ủy ban Mặt trận Tổ quốc"), Head("Ủy ban MTTQ"), Head("Ủy ban MTTQVN"), Head("Ủy ban"),
        Head("Mặt trận Tổ quốc"), Head("MTTQ"), Head("MTTQVN"),
        Head("Ban Chỉ đạo", runsToSeparator: true), Head("BCĐ", runsToSeparator: true),
        Head("Ban Chấp hành"), Head("Ban Thường vụ"), Head("Ban Biên tập"),
        Head("Sở", takesField: true), Head("Bộ Chỉ huy"), Head("Bộ", notFollowedBy: ["tieu", "cong", "phan", "chi", "doi", "may", "luat", "sach"], takesField: true),
        Head("Phòng", notFollowedBy: ["chong", "ngua", "hop", "doc", "lam"], takesField: true),
        Head("Ban", notFollowedBy: ["hanh", "dau", "dem", "ngay", "to"]),
        Head("Trung tâm"), Head("TTHTCĐ"), Head("Liên đoàn"), Head("Tỉnh đoàn"), Head("Thành đoàn"), Head("Huyện đoàn"),
        Head("Đoàn Thanh niên"), Head("Đoàn", notFollowedBy: ["ket", "the", "vien", "kiem"]),
        Head("Hội Liên hiệp"), Head("Hội", notFollowedBy: ["nghi", "thao", "thi", "dien", "vien", "dong"]),
        Head("Đài", notFollowedBy: ["truyen"]), Head("Báo", notFollowedBy: ["cao", "chi"]), Head("Cổng"),
        Head("Tổ", notFollowedBy: ["chuc", "quoc", "dan", "chuyen"]), Head("Văn phòng", ofBodies: true), Head("Công an"),
        Head("Công chức"), Head("Cán bộ"), Head("Tỉnh ủy"), Head("Thành ủy"), Head("Huyện ủy"), Head("Đảng ủy"),
        Head("Chi cục"), Head("Cục"), Head("Viện"), Head("Bệnh viện"), Head("Kho bạc"), Head("Thanh tra"),
        Head("Ngân hàng"), Head("Bảo hiểm xã hội"), Head("Trường", notFollowedBy: ["hop"]), Head("Học viện"),
        Head("Câu lạc bộ"), Head("Hợp tác xã"), Head("Thường trực", ofBodies: true), Head("Chi nhánh"), Head("Hội đồng"), Head("Công ty"),
        Head("Quỹ"), Head("BHXH"), Head("KBNN"), Head("UBMTTQ"), Head("Đảng đoàn"), Head("Ban Quản lý"), Head("Chi hội"), Head("Chi đoàn"),
        Head("Tòa án"), Head("Toà án"), Head("Viện kiểm sát"), Head("Kiểm toán Nhà nước"), Head("Thuế tỉnh"), Head("Thuế thành phố"),
        Head("Liên hiệp"), Head("Liên minh"), Head("Hiệp hội"), Head("Bộ Tư lệnh"), Head("Bộ đội"), Head("Thông tấn xã"),
        Head("Tổng công ty"), Head("Tập đoàn"), Head("Đại học"), Head("Văn phòng Đoàn"),
    ]

    static let headsByFirstWord: WordTable<[Head]> = {
        var m: [String: [Head]] = [:]
        var order: [String] = []
        for h in heads {
            if m[h.phrase.words[0]] == nil { order.append(h.phrase.words[0]) }
            m[h.phrase.words[0], default: []].append(h)
        }
        return WordTable(order.map { ($0, m[$0]!) })
    }()

    /// Openers of a generic plural group: `Các sở, ban, ngành`, `Thủ trưởng các cơ quan`.
    static let genericOpeners = PhraseSet(["các", "thủ trưởng các", "giám đốc các", "chủ tịch các", "lãnh đạo các",
                                           "chủ tịch ubnd các", "chủ tịch ủy ban nhân dân các", "mọi", "toàn thể", "tất cả các"])

    /// Nouns after `các`, `thủ trưởng các` that make a group of bodies (`các sở`, `các cơ quan, đơn vị`);
    /// any other noun (`các tiêu chí`, `các chứng từ`) is no body.
    static let groupNouns = PhraseSet(["sở", "ban", "ngành", "bộ", "cơ quan", "đơn vị", "tổ chức", "địa phương", "xã", "phường",
                                       "thị trấn", "huyện", "quận", "thị xã", "tỉnh", "thành phố", "hội", "đoàn thể", "trường",
                                       "doanh nghiệp", "cục", "chi cục", "phòng", "trung tâm", "ủy ban", "ubnd", "thành viên", "cấp",
                                       "lực lượng", "công ty", "tập đoàn", "ngân hàng", "hợp tác xã", "viện", "cơ sở", "nhà trường",
                                       "đài", "báo", "tổ", "chi bộ", "đảng bộ", "chi hội", "câu lạc bộ", "ban quản lý", "bệnh viện",
                                       "đội", "văn phòng", "thanh tra", "kho bạc", "quỹ", "ban chỉ đạo", "tòa án", "viện kiểm sát",
                                       "đồn", "nhà xuất bản", "học viện", "đại học", "sở ngành", "hiệp hội", "liên hiệp", "mặt trận",
                                       "tổ chức chính trị", "cơ quan báo chí", "trạm", "chi nhánh", "bộ phận", "phòng ban",
                                       "đơn vị sự nghiệp", "ngành", "đảng ủy", "cấp ủy", "chính quyền"])

    /// Administrative units that qualify a body: `UBND huyện, thành phố`, `Hội Khuyến học tỉnh`.
    static let localityWords = PhraseSet(["tỉnh", "huyện", "thành phố", "thị xã", "thị trấn", "xã", "phường", "quận",
                                          "thành", "thị", "cấp tỉnh", "cấp huyện", "cấp xã", "các cấp", "tp", "tx", "đặc khu"])

    /// Names of departments and ministries (after `Sở`, `Bộ`, `Phòng`), canonical spelling.
    static let fields: [String] = [
        "Giáo dục và Đào tạo", "Lao động - Thương binh và Xã hội", "Văn hóa, Thể thao và Du lịch", "Văn hóa và Thể thao",
        "Văn hóa và Thông tin", "Văn hóa - Thông tin", "Văn hóa, Khoa học và Thông tin", "Thông tin và Truyền thông",
        "Kế hoạch và Đầu tư", "Tài chính - Kế hoạch", "Tài chính", "Nội vụ", "Tư pháp", "Y tế", "Xây dựng", "Công Thương",
        "Giao thông vận tải", "Khoa học và Công nghệ", "Tài nguyên và Môi trường", "Nông nghiệp và Phát triển nông thôn",
        "Nông nghiệp và Môi trường", "Dân tộc và Tôn giáo", "Ngoại vụ", "Du lịch", "Quốc phòng", "Công an", "Ngoại giao",
        "Dân tộc", "Kinh tế", "Kinh tế và Hạ tầng", "Kinh tế - Hạ tầng", "Quản lý đô thị", "Lao động - Thương binh",
        "Giáo dục", "Văn hóa - Xã hội", "Tài chính - Kế toán", "Tư pháp - Hộ tịch", "Địa chính - Xây dựng",
    ]

    /// Abbreviations, written without spaces, `&`, `-` or `,` (`LĐ-TB&XH` → `LĐTBXH`), and their expansion.
    static let abbreviations: [String: String] = [
        "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "GDĐT": "Giáo dục và Đào tạo", "GDVĐT": "Giáo dục và Đào tạo",
        "LĐTBXH": "Lao động - Thương binh và Xã hội", "LĐTB": "Lao động - Thương binh",
        "VHTTDL": "Văn hóa, Thể thao và Du lịch", "VHTTVDL": "Văn hóa, Thể thao và Du lịch", "VHTT": "Văn hóa và Thông tin",
        "VHTTTT": "Văn hóa, Thể thao và Truyền thanh", "VHTTTTH": "Văn hóa, Thể thao và Truyền thanh - Truyền hình",
        "TTTT": "Thông tin và Truyền thông", "TTVTT": "Thông tin và Truyền thông", "KHĐT": "Kế hoạch và Đầu tư",
        "KHVĐT": "Kế hoạch và Đầu tư", "NNPTNT": "Nông nghiệp và Phát triển nông thôn", "NNVPTNT": "Nông nghiệp và Phát triển nông thôn",
        "TNMT": "Tài nguyên và Môi trường", "TNVMT": "Tài nguyên và Môi trường", "KHCN": "Khoa học và Công nghệ",
        "KHVCN": "Khoa học và Công nghệ", "GTVT": "Giao thông vận tải", "MTTQVN": "Mặt trận Tổ quốc Việt Nam",
        "MTTQ": "Mặt trận Tổ quốc", "TTHTCĐ": "Trung tâm học tập cộng đồng", "TTHTCD": "Trung tâm học tập cộng đồng",
        "XHHT": "xã hội học tập", "THCS": "Trung học cơ sở", "THPT": "Trung học phổ thông", "GDTX": "Giáo dục thường xuyên",
        "GDNN": "Giáo dục nghề nghiệp", "GDNNGDTX": "Giáo dục nghề nghiệp - Giáo dục thường xuyên", "BCĐ": "Ban Chỉ đạo",
        "LĐLĐ": "Liên đoàn Lao động", "HLHPN": "Hội Liên hiệp Phụ nữ", "TNCS": "Thanh niên Cộng sản",
        "BCHQS": "Bộ Chỉ huy Quân sự", "BĐBP": "Bộ đội Biên phòng", "SGDĐT": "Sở Giáo dục và Đào tạo",
        "PGDĐT": "Phòng Giáo dục và Đào tạo", "VHXH": "Văn hóa - Xã hội", "CCB": "Cựu chiến binh", "NVH": "Nhà văn hóa",
        "TTVHHTCĐ": "Trung tâm văn hóa - học tập cộng đồng", "HTCĐ": "học tập cộng đồng", "KT": "Kinh tế",
        "BHXH": "Bảo hiểm xã hội", "KBNN": "Kho bạc Nhà nước", "TTYT": "Trung tâm Y tế", "TĐKT": "Thi đua - Khen thưởng",
        "HĐTĐKT": "Hội đồng Thi đua - Khen thưởng", "UBMTTQ": "Ủy ban Mặt trận Tổ quốc", "UBMTTQVN": "Ủy ban Mặt trận Tổ quốc Việt Nam",
        "HND": "Hội Nông dân", "HCCB": "Hội Cựu chiến binh", "ĐTNCS": "Đoàn Thanh niên Cộng sản", "PTTH": "Phát thanh - Truyền hình",
        "PTTT": "Phát thanh - Truyền hình", "CATP": "Công an thành phố", "BCHQSTP": "Bộ Chỉ huy Quân sự thành phố",
        "LĐTBVXH": "Lao động - Thương binh và Xã hội",
    ]

    /// Multi-word names in canonical spelling, matched case- and tone-insensitively.
    static let canonicalPhrases: [String] = [
        "Ủy ban nhân dân", "Hội đồng nhân dân", "Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc", "Ban Chỉ đạo",
        "Liên đoàn Lao động", "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Hội Khuyến học",
        "Hội Cựu chiến binh", "Hội Nông dân", "Đài Phát thanh và Truyền hình", "Ban Tuyên giáo", "Bộ đội Biên phòng",
    ]
}

/// Cue words of tasks, deadlines and targets.
enum TaskCues {
    /// Words that end an agency list and start the predicate, when written in lower case.
    static let verbs = PhraseSet([
        "chủ trì", "phối hợp", "có trách nhiệm", "chịu trách nhiệm", "tiếp tục", "tăng cường", "xây dựng", "bố trí", "chỉ đạo",
        "hướng dẫn", "tổ chức", "triển khai", "thực hiện", "tham mưu", "nghiên cứu", "đẩy mạnh", "phát huy", "căn cứ", "rà soát",
        "kiểm tra", "theo dõi", "đôn đốc", "tham gia", "củng cố", "cân đối", "đảm bảo", "bảo đảm", "quan tâm", "ban hành",
        "báo cáo", "tổng hợp", "vận động", "tuyên truyền", "phổ biến", "lãnh đạo", "chủ động", "tích cực", "huy động", "giám sát",
        "đề xuất", "hỗ trợ", "cập nhật", "biên soạn", "duy trì", "nâng cao", "gửi", "trình", "là", "cần", "phải", "khẩn trương",
        "nghiêm túc", "thường xuyên", "đánh giá", "khảo sát", "quản lý", "phát động", "mở rộng", "ưu tiên", "làm tốt", "phụ trách",
        "cung cấp", "dành", "lồng ghép", "tập trung", "kiện toàn", "bổ sung", "điều chỉnh", "hoàn thành",
        "sớm", "kịp thời", "được", "sẽ", "đã", "đang", "hằng năm", "hàng năm", "định kỳ", "có", "thông qua", "căn cứ vào",
        "nhằm", "để", "theo", "thẩm định", "tiếp nhận", "chuẩn bị", "sơ kết", "tổng kết", "biểu dương",
        "khen thưởng", "vận hành", "phân bổ", "tập huấn", "mở", "thành lập", "lập", "hoàn thiện", "phát hành", "đăng tải",
        "tuyên dương", "nhân rộng", "ứng dụng", "thúc đẩy", "đưa", "gắn", "xét", "cử", "tiến hành", "quán triệt", "xác định",
        "thống kê", "điều tra", "tiếp tục", "chịu", "nắm", "xử lý", "đăng ký", "khai thác", "biên tập", "phát sóng", "dành",
        "tăng", "giảm", "ký", "nghiệm thu", "chủ động", "làm", "tham dự", "hướng dẫn", "thu thập", "cung ứng",
        "họp", "quyết định", "hoạt động", "bầu", "hủy", "căn cứ vào", "xem xét", "thống nhất", "phê duyệt",
    ])
    /// Words that continue a body's name rather than start its predicate: `các tổ chức hội có liên quan`.
    static let nameContinuations = PhraseSet(["có liên quan", "liên quan", "trực thuộc", "thuộc", "trên địa bàn", "của", "tại", "ở"])
    /// Phrases after which the supporting agencies are listed.
    static let support = PhraseSet(["phối hợp với", "phối hợp chặt chẽ với", "phối hợp cùng", "phối hợp", "cùng với", "phối hợp chặt chẽ"])
    static let lead = Phrase("chủ trì")
    /// `X tham mưu ...` after a clause break: X leads the item (ANNOTATION (d)).
    static let advises = Phrase("tham mưu")
    /// Positions over a plural group (`Giám đốc các Sở`, `Thủ trưởng các cơ quan`): a generic
    /// group, left out of a compound subject that names bodies (folded, with a trailing space).
    static let pluralPositions = ["giam doc cac ", "thu truong cac ", "lanh dao cac ", "nguoi dung dau cac "]
    /// Openers of a clause before the subject (ANNOTATION (b)): `Căn cứ Kế hoạch này, Sở Y tế ...`,
    /// `Đối với các nhiệm vụ năm 2025, Ủy ban nhân dân các xã ...`. Not `Thực hiện`: it opens tasks.
    static let openingClauses = PhraseSet(["căn cứ", "trên cơ sở", "sau khi", "đối với", "trong quá trình", "trong thời gian"])
    /// Words before the subject agency of an assignment: `Giao Sở Tài chính bố trí ...`.
    static let assigners = PhraseSet(["giao", "giao cho", "yêu cầu", "đề nghị"])
    /// Section headings under which numbered headings name the agency responsible.
    static let assignmentSections = ["to chuc thuc hien", "trach nhiem", "phan cong", "giao nhiem vu", "nhiem vu cua cac", "to chuc trien khai"]
    /// Section headings that state purposes and goals, not assignments.
    static let goalSections = ["muc dich", "yeu cau", "muc tieu", "quan diem", "ket qua dat duoc", "danh gia ket qua", "thuc trang"]
    /// Words that end a body named whole in a table cell (`Doanh nghiệp viễn thông thực hiện ...`);
    /// other verbs may belong to the name (`nhà cung cấp dịch vụ`).
    static let cellNameEnds = PhraseSet(["chủ trì", "phối hợp", "thực hiện", "thúc đẩy", "theo dõi", "tham mưu", "hướng dẫn",
                                         "tổng hợp", "báo cáo", "triển khai", "chịu trách nhiệm", "có trách nhiệm"])

    /// Designation lists inside a task (`Cơ quan chủ trì: Sở Tài chính`), by what they designate.
    static let leadDesignations = PhraseSet(["cơ quan chủ trì", "đơn vị chủ trì", "chủ trì", "cơ quan chủ trì thực hiện",
                                             "đơn vị chủ trì thực hiện", "cơ quan chủ trì tham mưu", "đơn vị chủ trì tham mưu",
                                             "cơ quan tham mưu", "đơn vị tham mưu", "cơ quan chủ quản", "đơn vị chủ quản"])
    static let supportDesignations = PhraseSet(["cơ quan phối hợp", "đơn vị phối hợp", "phối hợp", "cơ quan phối hợp thực hiện",
                                                "đơn vị phối hợp thực hiện"])
    /// `Cơ quan thực hiện`: the leads when the task has no `chủ trì` line, executors when it has one.
    static let executorDesignations = PhraseSet(["cơ quan thực hiện", "đơn vị thực hiện",
                                                 "trách nhiệm thực hiện", "cơ quan triển khai", "đơn vị triển khai"])
    /// Folded headings of a task's facets (`a) Nhiệm vụ`, `b) Cơ quan thực hiện`, `c) Thời gian thực hiện`):
    /// designations under them belong to the task, the facet's parent.
    static let facetHeadings = ["nhiem vu", "noi dung", "co quan", "don vi", "chu tri", "phoi hop", "thoi gian", "thoi han",
                                "tien do", "san pham", "ket qua", "kinh phi", "nguon kinh phi", "trach nhiem thuc hien", "hinh thuc"]

    /// The execution article of a Quyết định, which assigns no task.
    static let executionClause = PhraseSet(["thi hành quyết định này", "thi hành quyết định", "thi hành nghị quyết này", "thi hành chỉ thị này"])
}
