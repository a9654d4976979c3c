## Linking

not-linked =
    Chào anh/chị! Tôi là Trợ lý Công đoàn, một trợ lý tự động (không phải người trực).
    Tài khoản này chưa được liên kết với đơn vị công đoàn nào, nên tôi chưa thể cho xem hay ghi nhận số liệu.
    Hãy xin cán bộ LĐLĐ phụ trách một mã mời, rồi gửi mã đó cho tôi (hoặc bấm vào đường liên kết mời).
invite-unknown = Mã mời này không đúng. Hãy kiểm tra lại từng ký tự, hoặc xin cán bộ LĐLĐ một mã mới.
invite-used = Mã mời này đã được dùng rồi; mỗi mã chỉ dùng được một lần. Hãy xin cán bộ LĐLĐ một mã mới.
invite-expired = Mã mời này đã hết hạn. Hãy xin cán bộ LĐLĐ một mã mới.
linked =
    Chào mừng { $name }! Tài khoản của anh/chị đã được liên kết với { $unit }, vai trò { $role }.

    Tôi là trợ lý tự động của công đoàn. Tôi chỉ lưu những gì cần cho việc báo cáo (tên hiển thị, đơn vị, các báo cáo anh/chị gửi) và chỉ người có thẩm quyền mới xem được.

    Anh/chị có thể nhắn tự nhiên, ví dụ: “kết nạp 5 đoàn viên”, “2 đv nghỉ việc”, “còn thiếu bao nhiêu?”.
role-chair = chủ tịch
role-officer = cán bộ
role-admin = quản trị

## Reports

report-recorded = ✅ Đã ghi nhận cho { $unit } (ngày { $date }):
event-join = { $informal ->
    [yes] • Kết nạp { $count } đoàn viên khu vực phi chính thức
   *[no] • Kết nạp { $count } đoàn viên
}
event-leave = • Giảm { $count } đoàn viên
event-found_union = • Thành lập { $count } CĐCS
event-found_guild = • Thành lập { $count } nghiệp đoàn
event-party_referral = • Giới thiệu { $count } đoàn viên ưu tú cho cấp ủy Đảng
event-activity = • Tổ chức { $count } hoạt động
event-name-join = kết nạp bao nhiêu đoàn viên
event-name-leave = có bao nhiêu đoàn viên giảm (nghỉ việc, chuyển công tác, nghỉ hưu…)
event-name-found_union = thành lập bao nhiêu CĐCS
event-name-found_guild = thành lập bao nhiêu nghiệp đoàn
event-name-party_referral = giới thiệu bao nhiêu đoàn viên ưu tú cho Đảng
event-name-activity = tổ chức bao nhiêu hoạt động
report-no-count = Anh/chị { $event }? Tôi chưa ghi nhận gì. Hãy gửi lại kèm con số, ví dụ: “kết nạp 5 đoàn viên”.
report-unclear = Tôi chưa hiểu rõ báo cáo này nên chưa ghi nhận gì. Hãy gửi lại theo mẫu: “kết nạp 5 đoàn viên” hoặc “2 đoàn viên nghỉ việc”.
report-nothing = Đã rõ, chưa có thay đổi nào. Tôi không ghi nhận gì thêm. Khi có đoàn viên mới, hãy nhắn “kết nạp N đoàn viên”.
report-too-large = Con số { $count } lớn bất thường nên tôi chưa ghi nhận. Nếu gõ nhầm, hãy gửi lại con số đúng.
report-over-workers = { $count } nhiều hơn số lao động của { $unit } ({ $workers } người) nên tôi chưa ghi nhận. Nếu gõ nhầm, hãy gửi lại con số đúng; nếu số lao động đã thay đổi, hãy báo cán bộ LĐLĐ cập nhật.
report-future = Ngày { $date } chưa tới nên tôi chưa ghi nhận. Hãy báo cáo sau khi việc đã diễn ra, hoặc sửa lại ngày.
report-outside = Anh/chị chỉ báo cáo được cho { $unit } và các đơn vị mình phụ trách, nên tôi không ghi nhận báo cáo cho “{ $named }”. Nếu đơn vị đó cần báo cáo, hãy nhờ chủ tịch CĐCS của đơn vị đó; nếu gõ nhầm tên, hãy gửi lại.
report-which-unit = Anh/chị phụ trách { $unit } nên cần ghi rõ báo cáo cho đơn vị nào, ví dụ: “kết nạp 5 đv cho CĐCS Công ty ABC”. Tôi chưa ghi nhận gì.
report-already = Báo cáo này đã được ghi nhận trước đó, tôi không ghi thêm lần nữa.
button-undo = ↩️ Hoàn tác

## Standings

metric-ket_nap = Kết nạp đoàn viên
metric-thuc_tang = Phát triển thực tăng
metric-ket_nap_phi_chinh_thuc = Kết nạp đoàn viên phi chính thức
metric-thanh_lap_cdcs = Thành lập CĐCS
metric-thanh_lap_nghiep_doan = Thành lập nghiệp đoàn
metric-gioi_thieu_dang = Giới thiệu đoàn viên ưu tú cho Đảng
standing-open = 📌 { $metric }: { $done }/{ $target } ({ $percent }%), còn thiếu { $missing }, còn { $days } ngày (hạn { $deadline })
standing-behind = ⚠️ { $metric }: { $done }/{ $target } ({ $percent }%), còn thiếu { $missing }, còn { $days } ngày (hạn { $deadline }), đang chậm so với tiến độ
standing-due-today = ⏰ { $metric }: { $done }/{ $target } ({ $percent }%), còn thiếu { $missing }, hôm nay là hạn ({ $deadline })
standing-overdue = ❗ { $metric }: { $done }/{ $target } ({ $percent }%), còn thiếu { $missing }, đã quá hạn { $days } ngày (hạn { $deadline })
standing-reached = 🎉 { $metric }: { $done }/{ $target }, đã đạt chỉ tiêu
standing-exceeded = 🎉 { $metric }: { $done }/{ $target }, vượt chỉ tiêu { $over }
standing-no-targets = { $unit } chưa được giao chỉ tiêu nào cho năm { $period }. Anh/chị vẫn báo cáo bình thường; khi LĐLĐ giao chỉ tiêu, tôi sẽ tính phần còn thiếu.
remaining-heading = 📊 { $unit }, năm { $period }:
progress-heading = 📈 Tiến độ của { $unit }, năm { $period }:
behind-heading = Các đơn vị chậm nhất về { $metric } (trong { $count } đơn vị có chỉ tiêu):
behind-line = { $rank }. { $unit }: { $done }/{ $target } ({ $percent }%), còn thiếu { $missing }
behind-none = Cả { $count } đơn vị có chỉ tiêu { $metric } đều đã đạt.
ask-outside = Tôi không tìm thấy “{ $named }” trong phạm vi anh/chị phụ trách ({ $unit }). Hãy gõ lại đúng tên đơn vị, hoặc hỏi về đơn vị của mình.
button-remaining = Còn thiếu bao nhiêu?
button-progress = 📈 Tiến độ
button-help = Hướng dẫn

## Deadlines

deadlines-heading = ⏳ Hạn sắp tới của { $unit }:
deadline-line = • { $metric }: hạn { $deadline } (còn { $days } ngày), còn thiếu { $missing }
deadline-line-overdue = • { $metric }: đã quá hạn { $deadline } ({ $days } ngày), còn thiếu { $missing }
deadlines-none = { $unit } không còn chỉ tiêu nào chưa đạt. Chúc mừng!

## Undo

undo-done = ↩️ Đã hoàn tác báo cáo:
undo-nothing = Không có báo cáo nào của anh/chị để hoàn tác. Nếu cần sửa số liệu cũ, hãy liên hệ cán bộ LĐLĐ.
undo-already = Báo cáo này đã được hoàn tác rồi, số liệu không đổi.
undo-not-yours = Chỉ người đã gửi báo cáo (hoặc quản trị của đơn vị) mới hoàn tác được. Số liệu không đổi.

## Conversation

help =
    Tôi là Trợ lý Công đoàn, một trợ lý tự động. Anh/chị có thể nhắn tự nhiên, có dấu hay không dấu đều được:
    • Báo kết nạp: “kết nạp 5 đoàn viên” hoặc /ketnap 5
    • Báo giảm: “2 đv nghỉ việc” hoặc /giam 2
    • Hỏi còn thiếu: “còn thiếu bao nhiêu đoàn viên?” hoặc /conthieu
    • Xem tiến độ: “tiến độ” hoặc /tiendo
    • Xem hạn: “hạn sắp tới” hoặc /han
    • Nhập nhầm: “hoàn tác” hoặc /hoantac
greet = Chào { $name }! Tôi đang theo dõi chỉ tiêu của { $unit }. Anh/chị cần báo cáo hay hỏi gì ạ?
thanks = Dạ, không có gì ạ! Cần gì anh/chị cứ nhắn nhé.
unknown = Xin lỗi, tôi chưa hiểu ý anh/chị. Hãy thử: “kết nạp 5 đoàn viên”, “còn thiếu bao nhiêu?”, “tiến độ”, hoặc nhắn “hướng dẫn”.
unknown-with-choices = Xin lỗi, tôi chưa hiểu ý anh/chị. Có phải anh/chị muốn một trong những việc dưới đây? Hoặc nhắn “hướng dẫn” để xem tôi làm được gì.
suggest-report = Cách báo cáo kết nạp
suggest-ask_remaining = Hỏi còn thiếu bao nhiêu
suggest-ask_progress = Xem tiến độ
suggest-ask_deadlines = Xem hạn sắp tới
suggest-undo = Hoàn tác báo cáo vừa gửi
suggest-help = Xem hướng dẫn
too-long = Tin nhắn dài quá { $max } ký tự nên tôi chưa đọc. Hãy gửi ngắn gọn, mỗi tin một việc.
action-expired = Nút này không còn dùng được. Hãy nhắn lại yêu cầu của anh/chị.
error = Xin lỗi, đã có lỗi khi xử lý tin nhắn này; số liệu không bị thay đổi. Hãy thử lại sau ít phút.
unsupported = Tôi chỉ đọc được tin nhắn chữ. Hãy nhắn bằng chữ, ví dụ: “còn thiếu bao nhiêu?”.
