/// The syllables most frequent in Vietnamese administrative writing, lower case NFC.
/// Data for encoding detection: a reading through the right code page hits these
/// far more often than any wrong one, which may still look like valid syllables.
enum CommonSyllables {
    static let set: Set<String> = Set("""
    của và các được trong có cho người năm với là những thực hiện tỉnh xã học tập ngày tháng số đồng về để một này
    đến theo tổ chức phát triển quản lý đơn vị cơ quan nhà nước địa phương ủy ủy ban nhân dân huyện thành phố thị trấn
    giáo dục đào tạo văn hóa hoá thể thao du lịch sở phòng kế hoạch quyết định chỉ khai nhiệm vụ giải pháp mục tiêu
    yêu cầu nội dung kinh phí tài chính đầu tư xây dựng hội công tác phối hợp chủ trì trách báo cáo kiểm tra giám sát
    đánh giá kết quả tình hình tuyên truyền nâng cao chất lượng hiệu đẩy mạnh tăng cường đảm bảo thông tin điều kiện
    cán bộ viên lao động trường trung tâm cộng suốt đời phong trào thi đua khen thưởng giai đoạn đề án chương trình
    ngành liên trên bàn toàn mỗi tất cả cấp ngân sách nguồn lực hướng dẫn đạo lãnh sự nghiệp môi tế ứng nghệ bản
    đối tượng trẻ em phụ nữ nông thôn mới vùng khó khăn hỗ trợ tham gia tiếp tục rà soát thống kê từ đã sẽ đang không
    còn như nhằm nhiều hơn ít nhất tại bằng giữa sau trước khi thời gian mọi chung riêng gồm tiến độ kỳ hàng quý tuần
    lần thứ hai ba bốn sáu bảy tám chín mười trăm nghìn triệu tôi đi chào bạn việt nam hòa hoà độc tự hạnh phúc
    chủ nghĩa sự mô khuyến tài luật lệ thủ tướng chính phủ bộ trưởng chỉ thị nghị quyết căn cứ ban hành kèm nơi nhận
    lưu phó tịch giám đốc trưởng cấp ủy đảng đoàn thanh niên cựu chiến binh mặt trận hội thư viện số hóa phổ cập
    xóa mù chữ trẻ mầm non tiểu trung sở hữu bền vững hiện đại công nghiệp quốc gia dân tộc thiểu số điện tử ý kiến
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
}
