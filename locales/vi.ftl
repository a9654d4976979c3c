## Linking

not-linked =
    Chào anh/chị! Tôi là Trợ lý Công đoàn, một trợ lý tự động (không phải người trực).
    Tài khoản này chưa được liên kết với đơn vị công đoàn nào, nên tôi chưa thể cho xem hay ghi nhận số liệu.
    Hãy xin cán bộ LĐLĐ phụ trách một mã mời, rồi gửi mã đó cho tôi (hoặc bấm vào đường liên kết mời).
invite-unknown = Mã mời này không đúng. Hãy kiểm tra lại từng ký tự, hoặc xin cán bộ LĐLĐ một mã mới.
invite-used = Mã mời này đã được dùng rồi; mỗi mã chỉ dùng được một lần. Hãy xin cán bộ LĐLĐ một mã mới.
invite-expired = Mã mời này đã hết hạn. Hãy xin cán bộ LĐLĐ một mã mới.
code-wait = Anh/chị đã nhập sai mã quá 5 lần trong 15 phút, nên tôi tạm không kiểm tra mã nữa. Hãy đợi { $minutes } phút rồi nhập lại mã, kiểm tra kỹ từng ký tự.
linked =
    Chào mừng { $name }! Tài khoản của anh/chị đã được liên kết với { $unit }, vai trò { $role }.

    Tôi là trợ lý tự động của công đoàn. Tôi chỉ lưu những gì cần cho việc báo cáo (tên hiển thị, đơn vị, các báo cáo anh/chị gửi) và chỉ người có thẩm quyền mới xem được.

    Anh/chị có thể nhắn tự nhiên, ví dụ: “kết nạp 5 đoàn viên”, “2 đv nghỉ việc”, “còn thiếu bao nhiêu?”.
role-chair = chủ tịch
role-officer = cán bộ
role-admin = quản trị
invite-made =
    🎟️ Mã mời vào { $unit }, vai trò { $role }: { $code }
    Mã dùng được một lần, trong { $days } ngày. Hãy gửi cho đúng người nhận; người đó gửi mã cho tôi (hoặc bấm đường liên kết) để liên kết:
    { $link }
invite-how = Hãy viết theo mẫu: “/moi CĐCS Công ty ABC” hoặc “/moi <mã đơn vị> cán bộ” (mặc định là chủ tịch).
invite-not-admin = Chỉ quản trị của LĐLĐ mới tạo được mã mời. Hãy xin cán bộ LĐLĐ phụ trách một mã mời.
invite-outside = Tôi không thấy đơn vị “{ $named }” trong { $unit }, nên chưa tạo mã mời. Hãy kiểm tra lại tên hoặc gõ mã đơn vị.
invite-several = “{ $named }” khớp với nhiều đơn vị, tôi chưa tạo mã. Hãy gửi lại với mã đơn vị:
invite-several-line = • { $name }: “/moi { $code }”

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
report-forwarded = Đây là tin nhắn chuyển tiếp nên tôi không ghi nhận. Nếu đơn vị anh/chị có số liệu, hãy tự gõ báo cáo, ví dụ: kết nạp 3 đoàn viên.
report-which-unit = Anh/chị phụ trách { $unit } nên cần ghi rõ báo cáo cho đơn vị nào, ví dụ: “kết nạp 5 đv cho CĐCS Công ty ABC”. Tôi chưa ghi nhận gì.
report-already = Báo cáo này đã được ghi nhận trước đó, tôi không ghi thêm lần nữa.
button-undo = ↩️ Hoàn tác
report-held = Tôi chưa ghi: { $unit }, ngày { $date }:
report-doubt-over-not-members = Số này nhiều hơn số lao động chưa là đoàn viên: đơn vị có { $workers } lao động, đã có { $members } đoàn viên, nên chỉ còn { $room } người có thể kết nạp.
report-doubt-doubles-members = Số này nhiều hơn { $members } đoàn viên hiện có của đơn vị: số đoàn viên sẽ tăng hơn gấp đôi.
report-doubt-unusual = Số này lớn hơn nhiều so với { $reports } báo cáo trước của đơn vị (nhiều nhất là { $largest }).
report-held-how = Nếu đúng, bấm “{ $button }” và tôi sẽ ghi đúng một lần; nếu nhầm, gõ lại số đúng, ví dụ: { $event ->
    [leave] giảm 3 đoàn viên
    [activity] tổ chức 1 hoạt động
    [party_referral] giới thiệu 1 đoàn viên ưu tú cho Đảng
   *[other] kết nạp 3 đoàn viên
}. Bấm “Hủy” nếu không muốn ghi gì.
report-held-cancelled = Đã hủy, tôi không ghi báo cáo này. Khi có số đúng, hãy gửi lại, ví dụ: “kết nạp 3 đoàn viên”.
report-held-closed = Báo cáo này đã được hủy hoặc đã có báo cáo mới hơn thay thế, nên tôi không ghi. Nếu vẫn cần ghi, hãy gửi lại, ví dụ: “kết nạp 3 đoàn viên”.
button-report-confirm = ✅ Xác nhận ghi
button-report-cancel = Hủy
found-not-allowed = Việc thành lập CĐCS, nghiệp đoàn do quản trị của LĐLĐ quận, huyện (hoặc công đoàn ngành) ghi nhận, nên tôi chưa ghi nhận gì. Hãy báo cán bộ LĐLĐ phụ trách để họ ghi nhận và cấp mã mời cho đơn vị mới.
found-separately = Tin nhắn này vừa báo thành lập đơn vị vừa báo việc khác nên tôi chưa ghi nhận gì. Hãy gửi riêng từng việc, ví dụ: “thành lập 1 CĐCS” rồi “kết nạp 5 đoàn viên”.
found-card =
    Đơn vị mới sẽ được thêm vào { $parent }:
    • Tên: { $name }
    • Loại: { $kind ->
        [found_guild] Nghiệp đoàn
       *[found_union] CĐCS
    }
    • Khu vực: { $sector ->
        [state] Nhà nước
        [non_state] Ngoài nhà nước
        [informal] Phi chính thức
       *[none] Chưa rõ (cập nhật sau bằng tệp đơn vị)
    }
    • Số đoàn viên: { $members }
    • Ngày thành lập: { $date }
    Bấm “Xác nhận” để thêm đơn vị và tính vào chỉ tiêu thành lập, hoặc “Hủy”.
button-found-confirm = ✅ Xác nhận
found-done = ✅ Đã thêm { $name } (mã { $code }) vào { $parent } và tính vào chỉ tiêu thành lập. Để mời chủ tịch của đơn vị, gõ “/moi { $code }”.
found-exists = { $name } (mã { $code }) đã có trong danh sách đơn vị, nên tôi không thêm lần nữa. Để mời chủ tịch, gõ “/moi { $code }”.
found-already = Đơn vị này đã được xử lý rồi; tôi không thêm lần nữa.
found-cancelled = Đã hủy, tôi không thêm đơn vị nào.

# Uncertain readings: the bot read a number or a date it cannot be sure of, so it asks and records nothing.
uncertain-count-signed = Tôi chưa chắc số lượng “{ $text }”: con số có dấu + hoặc − nên không rõ là tăng hay giảm. Tôi chưa ghi nhận gì. Hãy gõ lại con số không kèm dấu, ví dụ: “kết nạp 3 đoàn viên” hoặc “giảm 3 đoàn viên”.
uncertain-count-form = Tôi chưa chắc số lượng “{ $text }” nên chưa ghi nhận gì. Hãy gõ lại con số bằng chữ số thông thường, ví dụ: “kết nạp 3 đoàn viên”.
uncertain-count-repeated = Tin nhắn nêu các con số { $text } cho cùng một việc nên tôi chưa chắc đó là một đợt hay nhiều đợt. Tôi chưa ghi nhận gì. Hãy gửi lại tổng số trong một câu, ví dụ: “kết nạp 5 đoàn viên”.
uncertain-date-impossible = Ngày “{ $text }” không có trên lịch nên tôi chưa ghi nhận gì. Hãy gửi lại với ngày đúng, ví dụ: “kết nạp 3 đoàn viên ngày 15/3”.
uncertain-date-future = Ngày { $date } chưa tới nên tôi chưa ghi nhận gì. Hãy báo cáo sau khi việc đã diễn ra, hoặc gửi lại với ngày đúng, ví dụ: “kết nạp 3 đoàn viên hôm qua”.
uncertain-date-before-period = Ngày { $date } nằm trước kỳ chỉ tiêu năm nay (tính từ ngày 01/01) nên tôi chưa ghi nhận gì. Nếu gõ nhầm ngày, hãy gửi lại với ngày đúng, ví dụ: “kết nạp 3 đoàn viên hôm qua”; số liệu của năm trước, hãy nhờ cán bộ LĐLĐ điều chỉnh.
uncertain-date-ambiguous = Tôi chưa chắc “{ $text }” là tháng sáu hay tháng sau nên chưa ghi nhận gì. Hãy gõ lại tháng bằng số, ví dụ: “kết nạp 3 đoàn viên tháng 6”.

## Standings

standing-open = 📌 { $metric }: { $done }/{ $target } ({ $percent }%), còn thiếu { $missing }, còn { $days } ngày (hạn { $deadline })
standing-behind = ⚠️ { $metric }: { $done }/{ $target } ({ $percent }%), còn thiếu { $missing }, còn { $days } ngày (hạn { $deadline }), đang chậm so với tiến độ
standing-due-today = ⏰ { $metric }: { $done }/{ $target } ({ $percent }%), còn thiếu { $missing }, hôm nay là hạn ({ $deadline })
standing-overdue = ❗ { $metric }: { $done }/{ $target } ({ $percent }%), còn thiếu { $missing }, đã quá hạn { $days } ngày (hạn { $deadline })
standing-reached = 🎉 { $metric }: { $done }/{ $target }, đã đạt chỉ tiêu
standing-exceeded = 🎉 { $metric }: { $done }/{ $target }, vượt chỉ tiêu { $over }
standing-each = 📌 { $metric } (mỗi đơn vị ít nhất { $target }): { $reached }/{ $total } đơn vị đã đạt; chưa đạt: { $names }
standing-each-reached = 🎉 { $metric } (mỗi đơn vị ít nhất { $target }): cả { $total } đơn vị đã đạt
standing-rate = 📌 { $metric }: đạt { $done }% (chỉ tiêu { $target }%), còn thiếu { $missing } điểm phần trăm, hạn { $deadline }
standing-rate-members =    → cần kết nạp thêm { $members } đoàn viên để đạt
standing-set-by =    → mức tối thiểu cho mỗi đơn vị, do { $unit } giao
standing-rate-reached = 🎉 { $metric }: đạt { $done }% (chỉ tiêu { $target }%), đã đạt
forecast-on-time = 🔮 { $metric }: theo tốc độ hiện nay sẽ đạt chỉ tiêu vào khoảng { $date }, kịp hạn { $deadline }.
forecast-late = 🔮 { $metric }: theo tốc độ hiện nay phải đến khoảng { $date } mới đạt, trễ so với hạn { $deadline }; cần đẩy nhanh.
forecast-none = 🔮 { $metric }: chưa có kết quả nào, chưa thể dự báo.
behind-line-rate = { $rank }. { $unit }: đạt { $done }% (chỉ tiêu { $target }%)
standing-no-targets = { $unit } chưa được giao chỉ tiêu nào cho năm { $period }. Anh/chị vẫn báo cáo bình thường; khi LĐLĐ giao chỉ tiêu, tôi sẽ tính phần còn thiếu.
remaining-not-given = { $unit } chưa được giao chỉ tiêu { $asked } năm nay; các chỉ tiêu đang có: { $list }.
metric-topic-members = về đoàn viên
standing-none-own = { $unit } chưa có chỉ tiêu riêng cho năm { $period }; dưới đây là các đơn vị trực thuộc.
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
deadline-line-rate = • { $metric }: hạn { $deadline } (còn { $days } ngày), còn thiếu { $missing } điểm phần trăm
deadline-line-rate-overdue = • { $metric }: đã quá hạn { $deadline } ({ $days } ngày), còn thiếu { $missing } điểm phần trăm
deadline-line-each = • { $metric } (mỗi đơn vị ít nhất { $target }): hạn { $deadline } (còn { $days } ngày), { $missing } đơn vị chưa đạt
deadline-line-each-overdue = • { $metric } (mỗi đơn vị ít nhất { $target }): đã quá hạn { $deadline } ({ $days } ngày), { $missing } đơn vị chưa đạt
deadline-line-minimum = • { $metric } (mỗi đơn vị ít nhất { $target }, do { $unit } giao): hạn { $deadline } (còn { $days } ngày), còn thiếu { $missing }
deadline-line-minimum-overdue = • { $metric } (mỗi đơn vị ít nhất { $target }, do { $unit } giao): đã quá hạn { $deadline } ({ $days } ngày), còn thiếu { $missing }
deadlines-none = { $unit } không còn chỉ tiêu nào chưa đạt. Chúc mừng!

## Undo

undo-done = ↩️ Đã hoàn tác báo cáo:
undo-nothing = Không có báo cáo nào của anh/chị để hoàn tác. Nếu cần sửa số liệu cũ, hãy liên hệ cán bộ LĐLĐ.
undo-already = Báo cáo này đã được hoàn tác rồi, số liệu không đổi.
undo-not-yours = Chỉ người đã gửi báo cáo (hoặc quản trị của đơn vị) mới hoàn tác được. Số liệu không đổi.
undo-older = Báo cáo gần nhất của anh/chị đã được hoàn tác rồi. Báo cáo trước đó là cho { $unit }, ngày { $date }:
undo-older-how = Tôi chưa hoàn tác báo cáo này. Nếu muốn hoàn tác cả báo cáo này, bấm “{ $button }”; nếu không, không cần làm gì, số liệu giữ nguyên.
button-undo-older = ↩️ Hoàn tác báo cáo này

## Conversation

help =
    Tôi là Trợ lý Công đoàn, một trợ lý tự động. Anh/chị có thể nhắn tự nhiên, có dấu hay không dấu đều được:
    • Báo kết nạp: “kết nạp 5 đoàn viên” hoặc /ketnap 5
    • Báo giảm: “2 đv nghỉ việc” hoặc /giam 2
    • Hỏi còn thiếu: “còn thiếu bao nhiêu đoàn viên?” hoặc /conthieu
    • Xem tiến độ: “tiến độ” hoặc /tiendo
    • Xem hạn: “hạn sắp tới” hoặc /han
    • Nhập nhầm: “hoàn tác” hoặc /hoantac
    • Xem trên máy tính: “mở trang quản lý” hoặc /web (thoát: /dangxuat)
    • Trả lời bằng tiếng Anh: /ngonngu en (trở lại tiếng Việt: /ngonngu vi)
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
flood-slow-down = Anh/chị gửi nhanh quá, tôi tạm dừng nhận tin trong ít giây. Hãy đợi một chút rồi gửi lại.
action-expired = Nút này không còn dùng được. Hãy nhắn lại yêu cầu của anh/chị.
error = Xin lỗi, đã có lỗi khi xử lý tin nhắn này; số liệu không bị thay đổi. Hãy thử lại sau ít phút.
unsupported = Tôi chỉ đọc được tin nhắn chữ. Hãy nhắn bằng chữ, ví dụ: “còn thiếu bao nhiêu?”.
group-chat = Tôi không trả lời số liệu và không ghi nhận báo cáo trong nhóm. Hãy nhắn riêng cho tôi để báo cáo hoặc hỏi số liệu của đơn vị.
language-how = Hãy gõ “/ngonngu vi” để tôi trả lời bằng tiếng Việt, hoặc “/ngonngu en” để tôi trả lời bằng tiếng Anh (English).
language-set = ✅ Từ nay tôi sẽ trả lời anh/chị bằng tiếng Việt.

## Nhập tệp

import-bad-code = mã đơn vị phải gồm 1–64 chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới
import-duplicate-code = mã { $code } bị trùng (đã có ở dòng { $first })
import-empty-name = thiếu tên đơn vị
import-long-name = tên đơn vị dài quá 200 ký tự
import-bad-kind = loại hình “{ $value }” không đúng (CĐCS, Nghiệp đoàn, LĐLĐ huyện, LĐLĐ tỉnh)
import-bad-sector = khu vực “{ $value }” không đúng (Nhà nước, Ngoài nhà nước, Phi chính thức, hoặc để trống)
import-bad-members = số đoàn viên phải là số nguyên
import-bad-workers = số lao động phải là số nguyên
import-own-parent = đơn vị không thể là cấp trên của chính nó
import-parent-loop = mã đơn vị cấp trên tạo thành vòng lặp qua { $code }
import-parent-broken = đơn vị cấp trên { $code } có lỗi
import-unknown-parent = không có đơn vị cấp trên mã { $code }
import-outside = { $code } nằm ngoài phạm vi { $scope } anh/chị quản lý
import-own-unit-row = { $code } là đơn vị của chính anh/chị: thông tin của đơn vị mình do cấp trên cập nhật; tệp chỉ thêm hoặc sửa các đơn vị trực thuộc, hãy bỏ dòng này
import-own-unit-target = { $code } là đơn vị của chính anh/chị: chỉ tiêu và xếp loại của đơn vị mình do cấp trên giao; chỉ giao cho các đơn vị trực thuộc, hãy bỏ dòng này
import-cannot-move = { $code } còn đơn vị trực thuộc nên không thể chuyển sang cấp trên khác
import-unknown-unit = không có đơn vị mã { $code }
import-unknown-metric = chỉ tiêu “{ $value }” không có trong danh mục
import-metric-not-yours = chỉ tiêu “{ $value }” do { $owner } thêm, đơn vị anh/chị không dùng được; hãy dùng chỉ tiêu có sẵn hoặc tự thêm bằng /themchitieu
import-bad-target = số lượng phải là số nguyên
import-bad-deadline = hạn phải có dạng DD/MM/YYYY
import-bad-scope = phạm vi phải là “tổng” hoặc “mỗi đơn vị”
import-duplicate-target = trùng đơn vị, chỉ tiêu và năm với dòng { $first }
import-not-admin = Chỉ quản trị của LĐLĐ mới nhập được tệp đơn vị và chỉ tiêu. Nếu anh/chị cần quyền này, hãy liên hệ LĐLĐ cấp trên để được cấp mã mời vai trò quản trị.
import-how = Hãy gửi tệp .xlsx hoặc .csv (trong cuộc trò chuyện riêng với tôi). Tệp đơn vị có các cột: Mã đơn vị, Tên đơn vị, Mã đơn vị cấp trên, Loại hình, Khu vực, Số đoàn viên, Số lao động. Tệp chỉ tiêu có các cột: Mã đơn vị, Chỉ tiêu, Số lượng, Hạn.
import-too-big = Tệp lớn quá 10 MB nên tôi chưa đọc. Hãy chia thành nhiều tệp nhỏ hơn rồi gửi lần lượt.
import-unreadable = Tôi không đọc được tệp này nên chưa nhập gì.
import-has-errors = Tệp có { $count } dòng lỗi (trên { $rows } dòng) nên tôi chưa nhập gì cả:
import-error-line = • Dòng { $line }: { $reason }
import-more-errors = … và { $count } dòng lỗi khác.
import-fix-and-resend = Hãy sửa các dòng trên rồi gửi lại tệp; tôi chỉ nhập khi tất cả các dòng đều đúng.
import-empty = Tệp không có dòng dữ liệu nào. Hãy kiểm tra lại tệp rồi gửi lại.
import-summary-units = Tệp hợp lệ. Sẽ thêm { $added } đơn vị và cập nhật { $changed } đơn vị trong { $scope }. Bấm “Xác nhận nhập” để ghi, hoặc “Hủy”.
import-summary-targets = Tệp hợp lệ. Sẽ thêm { $added } chỉ tiêu và cập nhật { $changed } chỉ tiêu trong { $scope }. Bấm “Xác nhận nhập” để ghi, hoặc “Hủy”.
button-import-confirm = ✅ Xác nhận nhập
button-import-cancel = Hủy
import-cancelled = Đã hủy, không có gì thay đổi.
import-already-settled = Tệp này đã được xử lý rồi, không nhập lại lần nữa.
import-stale = Dữ liệu đã thay đổi từ lúc kiểm tra, tệp giờ có { $count } dòng lỗi nên tôi chưa nhập gì. Hãy gửi lại tệp để kiểm tra lại.
import-done-units = ✅ Đã nhập: thêm { $added } đơn vị, cập nhật { $changed } đơn vị.
import-done-targets = ✅ Đã nhập: thêm { $added } chỉ tiêu, cập nhật { $changed } chỉ tiêu.
export-ready = 📎 Báo cáo tiến độ của { $unit } ({ $sheets } bảng, mỗi chỉ tiêu một bảng):
export-no-targets = { $unit } và các đơn vị trực thuộc chưa có chỉ tiêu nào cho năm nay nên chưa có gì để xuất. Hãy nhập chỉ tiêu trước.
chart-all-targets = các chỉ tiêu
chart-subtitle = Năm { $period }, số liệu đến ngày { $date }
chart-caption = Biểu đồ tiến độ của { $unit }: vạch đen là mức cần đạt đến hôm nay.
allocate-not-admin = Chỉ quản trị của LĐLĐ mới phân bổ được chỉ tiêu. Nếu anh/chị cần quyền này, hãy liên hệ LĐLĐ cấp trên.
allocate-how = Hãy ghi rõ chỉ tiêu cần phân bổ, ví dụ: “/phanbo kết nạp” (chia theo số lao động chưa vào công đoàn của từng đơn vị) hoặc “/phanbo ket_nap C01=20 C02=30” (giao số cụ thể theo mã đơn vị).
allocate-no-target = { $unit } chưa có chỉ tiêu “{ $metric }” cho năm { $period } nên chưa có gì để phân bổ. Hãy nhập chỉ tiêu trước.
allocate-no-children = { $unit } không có đơn vị trực thuộc nào để phân bổ.
allocate-unknown-child = Mã { $code } không phải đơn vị trực thuộc { $unit }. Hãy kiểm tra lại mã rồi gửi lại; chưa có gì thay đổi.
allocate-metric-not-yours = Chỉ tiêu “{ $metric }” do đơn vị khác thêm nên { $unit } không phân bổ được. Hãy chọn một chỉ tiêu có sẵn hoặc của đơn vị mình; chưa có gì thay đổi.
allocate-proportional = Phân bổ chỉ tiêu “{ $metric }” ({ $target }) của { $unit } theo số lao động chưa vào công đoàn:
allocate-explicit = Phân bổ chỉ tiêu “{ $metric }” ({ $target }) của { $unit }:
allocate-line = • { $unit }: { $value }
allocate-adds-up = Tổng phân bổ { $total }, khớp với chỉ tiêu. Bấm “Xác nhận phân bổ” để ghi, hoặc “Hủy”.
allocate-gap = ⚠️ Tổng phân bổ { $total } { $short ->
    [yes] còn thiếu { $diff }
   *[no] vượt { $diff }
} so với chỉ tiêu { $target }. Anh/chị vẫn có thể xác nhận, hoặc hủy rồi phân bổ lại.
allocate-note-no-workers = 0 vì chưa có số lao động của đơn vị; hãy nhập số lao động rồi phân bổ lại
allocate-note-no-eligible = 0 vì cả { $workers } lao động đã là đoàn viên
allocate-note-over-eligible = ⚠️ nhiều hơn { $eligible } lao động chưa vào công đoàn
allocate-note-over-admissions = ⚠️ lớn hơn chỉ tiêu kết nạp { $admissions } của đơn vị
allocate-already-settled = Phân bổ này đã được xử lý rồi, không ghi lại lần nữa.
allocate-stale = Dữ liệu đã thay đổi từ lúc lập phân bổ ({ $count } dòng không còn hợp lệ) nên tôi chưa ghi gì. Hãy gửi lại lệnh /phanbo để lập phân bổ mới.
allocate-done = ✅ Đã ghi phân bổ: { $count } đơn vị được giao chỉ tiêu.
button-allocate-confirm = ✅ Xác nhận phân bổ
allocation-gap-line = ⚠️ Phân bổ “{ $metric }”: các đơn vị trực thuộc được giao { $allocated }/{ $target }{ $missing ->
    [0] {""}
   *[other] , { $missing } đơn vị chưa được giao
}.
import-unknown-plan = chưa có kế hoạch số { $value }
import-bad-year = năm phải có 4 chữ số, ví dụ 2026
import-bad-rating = xếp loại “{ $value }” không đúng (Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ)
import-summary-ratings = Tệp hợp lệ. Sẽ ghi { $added } kết quả xếp loại trong { $scope }. Bấm “Xác nhận nhập” để ghi, hoặc “Hủy”.
import-done-ratings = ✅ Đã nhập { $added } kết quả xếp loại.
sector-line = Theo khu vực ({ $metric }): { $list }
sector-part = { $sector ->
    [state] Nhà nước
    [non_state] Ngoài nhà nước
    [informal] Phi chính thức
   *[none] Chưa rõ khu vực
} { $total }

## Nhắc việc và thông báo

reminder-deadline = ⏰ Nhắc hạn: { $metric } của { $unit } đến hạn ngày { $deadline } (còn { $days } ngày). Hiện đạt { $done }/{ $target }, còn thiếu { $missing }.
reminder-deadline-today = ⏰ Hôm nay ({ $deadline }) là hạn { $metric } của { $unit }. Hiện đạt { $done }/{ $target }, còn thiếu { $missing }.
reminder-overdue = ❗ { $metric } của { $unit } đã quá hạn { $days } ngày (hạn { $deadline }). Hiện đạt { $done }/{ $target }, còn thiếu { $missing }. Khi có kết quả, hãy báo ngay cho tôi.
reminder-task = 📝 Nhắc việc: “{ $title }” của { $unit } đến hạn ngày { $deadline } (còn { $days } ngày). Xong rồi thì bấm “Đã xong” hoặc nhắn “đã xong { $title }”.
reminder-task-today = 📝 Hôm nay ({ $deadline }) là hạn việc “{ $title }” của { $unit }. Xong rồi thì bấm “Đã xong”.
reminder-task-overdue = ❗ Việc “{ $title }” của { $unit } đã quá hạn { $days } ngày (hạn { $deadline }). Xong rồi thì bấm “Đã xong”.
reminder-silent = 👋 { $unit } chưa gửi báo cáo nào trong { $days } ngày qua. Nếu có đoàn viên mới hay giảm, hãy nhắn cho tôi, ví dụ “kết nạp 3 đoàn viên”; nếu không có thay đổi, nhắn “không có đv mới”.
digest-heading = 📊 Tình hình tuần này của { $unit } ({ $date }):
digest-line-on = ✅ { $metric }: { $done }/{ $target }, đúng tiến độ, còn thiếu { $missing } (hạn { $deadline })
digest-line-behind = ⚠️ { $metric }: { $done }/{ $target }, chậm tiến độ, còn thiếu { $missing } (hạn { $deadline })
digest-line-reached = 🎉 { $metric }: { $done }/{ $target }, đã đạt
digest-no-targets = Đơn vị chưa có chỉ tiêu nào cho năm nay.
staff-digest-heading = 📋 Tổng hợp tuần của { $unit } ({ $date }):
staff-digest-behind = • { $count } đơn vị chậm tiến độ{ $count ->
    [0] {""}
   *[other] : { $names }
}
staff-digest-silent = • { $count } đơn vị không báo cáo trong { $days } ngày{ $count ->
    [0] {""}
   *[other] : { $names }
}
staff-digest-overdue = • { $count } việc quá hạn chưa hoàn thành (tính theo từng đơn vị)
button-snooze-1 = ⏰ Nhắc lại sau 1 ngày
button-snooze-3 = ⏰ Nhắc lại sau 3 ngày
button-mute = 🔕 Dừng loại nhắc này
button-task-done = ✅ Đã xong
snoozed = Đã rõ, tôi sẽ nhắc lại vào { $when }.
muted = Đã dừng loại nhắc này ({ $kind }). Muốn nhận lại, hãy nhắn “/batnhac { $kind }”.
unmuted = Đã bật lại loại nhắc { $kind }.
unmute-how = Hãy ghi loại nhắc muốn bật lại: deadline, task, digest, silent hoặc staff_digest. Ví dụ: “/batnhac digest”.
task-done = ✅ Đã ghi nhận { $unit } hoàn thành việc “{ $title }”. Cảm ơn anh/chị!
task-already-done = Việc “{ $title }” của { $unit } đã được ghi nhận hoàn thành trước đó.
task-not-found = Tôi không tìm thấy việc nào đang chờ khớp với tin nhắn này. Gõ /han để xem các việc và hạn sắp tới.
task-no-match = Tôi không thấy việc đang chờ nào khớp với tin nhắn này nên chưa ghi nhận gì. Các việc đang chờ của đơn vị (nhắn “đã xong” kèm tên việc, hoặc bấm “Đã xong” dưới tin nhắc):
task-none-open = Đơn vị của anh/chị hiện không có việc nào đang chờ nên tôi chưa ghi nhận gì. Gõ /han để xem các hạn sắp tới.
deadline-task-line = • Việc “{ $title }”: hạn { $deadline } (còn { $days } ngày)
deadline-task-line-overdue = • Việc “{ $title }”: đã quá hạn { $deadline } ({ $days } ngày)
broadcast-how = Hãy viết nội dung thông báo ngay sau lệnh, ví dụ: “/thongbao Hạn nộp danh sách đoàn viên ưu tú là 20/7.”
broadcast-not-admin = Chỉ quản trị của LĐLĐ mới gửi được thông báo đến các đơn vị.
broadcast-preview = Thông báo sẽ được gửi đến { $count } người trong { $unit }:
broadcast-nobody = Chưa có ai trong { $unit } liên kết với tôi nên chưa có ai nhận thông báo. Hãy phát mã mời cho các đơn vị trước.
button-broadcast-confirm = 📣 Gửi thông báo
broadcast-queued = 📣 Đang gửi thông báo đến { $count } người. Khi xong, tôi sẽ báo số lượng đã nhận.
broadcast-cancelled = Đã hủy thông báo, không gửi cho ai.
broadcast-already = Thông báo này đã được xử lý rồi.
broadcast-message = 📣 Thông báo của { $unit }:
broadcast-report = 📬 Thông báo “{ $preview }” đã gửi xong: { $delivered } người đã nhận, { $blocked } người đã chặn bot, { $failed } không gửi được.
policy-shown = ⚙️ Lịch nhắc của { $unit }: nhắc trước hạn { $offsets } ngày, lúc { $remindAt }; sau hạn nhắc mỗi { $every } ngày; tổng hợp tuần vào thứ { $weekday } lúc { $digestAt } (cán bộ LĐLĐ: { $staffAt }); nhắc đơn vị im lặng sau { $silent } ngày; giờ yên lặng: { $quiet }.
policy-saved = ✅ Đã lưu lịch nhắc cho { $unit } và các đơn vị trực thuộc.
policy-how = Cách đổi lịch nhắc: “/lichnhac truoc=14,7,3,1,0 luc=08:00 sauhan=7 imlang=30 yenlang=21:00-07:00” (chỉ ghi những mục muốn đổi; yenlang=tat để tắt giờ yên lặng).
policy-bad = Không đổi được lịch nhắc: { $reason }. Chưa có gì thay đổi.
policy-not-admin = Chỉ quản trị của LĐLĐ mới đổi được lịch nhắc.
quiet-none = không có
task-not-admin = Chỉ quản trị của LĐLĐ mới giao việc được cho các đơn vị.
task-how = Hãy viết theo mẫu: “/giaoviec Nộp danh sách đoàn viên ưu tú hạn 20/07/2026”.
task-past = Hạn { $deadline } đã qua. Hãy chọn một ngày hạn chưa tới.
task-assigned = ✅ Đã giao việc “{ $title }” cho { $unit } và các đơn vị trực thuộc, hạn { $deadline }. Tôi sẽ nhắc các đơn vị trước hạn.
audit-not-admin = Chỉ quản trị của LĐLĐ mới xem được nhật ký thay đổi. Nếu cần biết ai đã đổi gì, hãy nhờ quản trị LĐLĐ của đơn vị mình xem giúp.
audit-heading = 📜 Nhật ký thay đổi của { $unit }, mới nhất trước:
audit-heading-more = 📜 Nhật ký thay đổi của { $unit } (tiếp):
audit-empty = Nhật ký của { $unit } chưa có thay đổi nào.
audit-no-more = Nhật ký của { $unit } không còn thay đổi nào cũ hơn.
audit-operator = Người vận hành
audit-line = • { $when } · { $who } ({ $platform }) · { $what } · { $unit }{ $changes }
button-audit-more = Xem thêm
audit-kind = { $kind ->
    [invite_created] Tạo mã mời
    [invite_redeemed] Dùng mã mời, nhận vai trò
    [account_linked] Liên kết thêm ứng dụng
    [unit_added] Thêm đơn vị
    [unit_moved] Chuyển đơn vị
    [unit_renamed] Đổi tên đơn vị
    [unit_changed] Sửa thông tin đơn vị
    [target_imported] Nhập chỉ tiêu từ tệp
    [target_allocated] Phân bổ chỉ tiêu
    [rating_imported] Nhập xếp loại
    [metric_added] Thêm loại chỉ tiêu
    [policy_changed] Đổi lịch nhắc
    [announcement_sent] Gửi thông báo
    [task_sent] Giao việc
    [workbook_exported] Xuất báo cáo Excel
    [member_consent_confirmed] Xác nhận đã thông báo cho đoàn viên về dữ liệu cá nhân
    [member_added] Thêm đoàn viên vào danh sách
    [member_viewed] Xem hồ sơ đoàn viên
    [member_list_viewed] Xem danh sách đoàn viên
    [member_list_approved] Duyệt danh sách đoàn viên
    [member_list_returned] Trả lại danh sách đoàn viên
    [member_status_changed] Đổi tình trạng đoàn viên
    [member_erased] Xóa dữ liệu cá nhân của đoàn viên
    [member_changed] Sửa hồ sơ đoàn viên
    [members_exported] Xuất danh sách đoàn viên
    [member_cards_imported] Nhập số thẻ đoàn viên
    [member_transfer_requested] Đề nghị chuyển sinh hoạt
   *[other] { $kind }
}
audit-field = { $field ->
    [role] vai trò
    [platform] ứng dụng
    [expiresAt] hết hạn
    [code] mã
    [name] tên
    [parent] trực thuộc
    [kind] loại
    [sector] khu vực
    [members] đoàn viên
    [workers] người lao động
    [metric] chỉ tiêu
    [period] năm
    [value] giá trị
    [deadline] hạn
    [year] năm
    [rating] xếp loại
    [key] mã
    [events] tính theo
    [broadcast] thông báo số
    [recipients] người nhận
    [task] việc số
    [due] hạn
    [sheets] số trang
    [fields] phần đã sửa
   *[other] { $field }
}
task-delivered = 📨 Đang gửi việc này đến { $count } người phụ trách các đơn vị.
task-new =
    📝 { $from } giao việc cho { $unit }: “{ $title }”, hạn { $deadline }.
    Xong rồi thì bấm “Đã xong” hoặc nhắn “đã xong { $title }”.
crosslink-code = 🔗 Mã liên kết của anh/chị: { $code }. Hãy mở { $other }, tìm Trợ lý Công đoàn và gửi mã này (hoặc “/lienket { $code }”) trong { $minutes } phút. Mã chỉ dùng được một lần.
crosslink-bad-code = Mã liên kết không đúng hoặc đã hết hạn. Hãy gõ “/lienket” trên ứng dụng đã liên kết để lấy mã mới.
crosslink-other-person = Tài khoản này đang thuộc về một người khác nên không thể liên kết bằng mã này. Nếu có nhầm lẫn, hãy liên hệ cán bộ LĐLĐ.
crosslink-already = Tài khoản này đã được liên kết rồi, không cần làm gì thêm.
crosslink-done = ✅ Đã liên kết { $platform } với tài khoản của { $name }. Anh/chị dùng được trên cả hai ứng dụng; nhắc việc chỉ gửi về một nơi (đổi bằng “/nhacnho”).
button-remind-here = Nhận nhắc việc ở đây
crosslink-same-app = Mã liên kết này được tạo trên { $platform }, nên chỉ dùng được trên ứng dụng kia. Hãy mở ứng dụng còn lại, tìm Trợ lý Công đoàn và gửi mã ở đó.
account-linked-notice = 🔔 Tài khoản { $platform } “{ $name }” vừa được liên kết với anh/chị. Nếu không phải anh/chị làm, hãy gõ “/huylienket” để gỡ tài khoản đó ngay.
button-unlink = Gỡ liên kết
unlink-list = Các tài khoản đang liên kết với anh/chị (bấm vào tài khoản muốn gỡ):
unlink-account = { $platform } (số cuối { $id })
unlink-account-here = { $platform } (tài khoản đang dùng)
button-unlink-account = Gỡ { $account }
unlink-confirm = Gỡ liên kết { $account }? Tài khoản đó sẽ không dùng được trợ lý nữa cho đến khi được liên kết lại.
button-unlink-confirm = ✅ Gỡ liên kết
button-unlink-cancel = Hủy
unlink-cancelled = Đã hủy, không gỡ tài khoản nào.
unlink-done = ✅ Đã gỡ liên kết { $account }.
unlink-last-account = Đây là tài khoản duy nhất của anh/chị nên không gỡ được bằng lệnh này. Nếu muốn thôi dùng trợ lý, hãy chặn Trợ lý Công đoàn trong ứng dụng (tôi sẽ ngừng gửi tin) hoặc nhờ cán bộ LĐLĐ thu hồi vai trò của anh/chị.
remind-shown = 🔔 Nhắc việc và thông báo đang gửi về: { $platform }. Chọn nơi nhận:
remind-set = ✅ Từ nay nhắc việc và thông báo sẽ gửi về { $platform }.
remind-not-linked = Anh/chị chưa liên kết { $platform }. Hãy gõ “/lienket” để lấy mã rồi gửi mã đó trên { $platform }.
metric-not-admin = Chỉ quản trị của LĐLĐ mới thêm được loại chỉ tiêu mới.
metric-how = Hãy viết theo mẫu: “/themchitieu Hoạt động văn hóa thể thao = hoạt động” (sau dấu = là loại báo cáo được tính: kết nạp, giảm, thành lập CĐCS, thành lập nghiệp đoàn, giới thiệu Đảng, hoạt động).
metric-builtin = “{ $name }” đã có sẵn trong danh mục, không cần thêm.
metric-not-yours = Chỉ tiêu “{ $name }” do đơn vị khác thêm nên anh/chị không sửa được. Hãy đặt một tên khác cho chỉ tiêu của đơn vị mình.
metric-added = ✅ Đã thêm chỉ tiêu “{ $name }” (mã { $key }). Giờ có thể giao chỉ tiêu này trong tệp Excel (cột Chỉ tiêu ghi đúng tên hoặc mã).
forecast-not-this-year = 🔮 { $metric }: theo tốc độ hiện nay sẽ không đạt trước hạn { $deadline }; cần đẩy nhanh rõ rệt.
unit-several = “{ $named }” khớp với nhiều đơn vị, tôi chưa làm gì:
unit-several-more = … và { $count } đơn vị khác.
unit-several-twins = Các đơn vị trùng tên được ghi kèm công đoàn cấp trên. Tên giống nhau nên ghi lại cũng không phân biệt được: hãy nhờ cán bộ của công đoàn cấp trên đó hỏi hoặc báo cáo.
unit-several-ask = “{ $named }” khớp với nhiều đơn vị:
unit-several-pick = Bấm vào đơn vị cần xem bên dưới, hoặc gửi lại với tên đầy đủ như trên.
unit-several-how = Hãy gửi lại và ghi rõ tên đơn vị, ví dụ tên đầy đủ như trên.

# Zalo
zalo-choose-one = Trả lời bằng số 1 để chọn.
zalo-choose = Trả lời bằng số (1, 2…) để chọn.
zalo-file-link =
    Tải tệp Excel tại đây (liên kết dùng được trong { $hours } giờ):
    { $url }
zalo-file-unavailable = Zalo chưa cho bot gửi tệp đính kèm. Hãy nhắn yêu cầu này cho Trợ lý Công đoàn trên Telegram để nhận tệp Excel.
zalo-nameless = bạn

## Member register

member-register-no-key = Sổ đoàn viên chưa bật trên máy chủ này nên tôi chưa lưu danh sách đoàn viên. Các báo cáo số lượng vẫn dùng bình thường; hãy báo người vận hành bật sổ đoàn viên (đặt khóa MEMBER_DATA_KEY).
member-register-wrong-key = Sổ đoàn viên đang tạm tắt vì khóa mã hóa trên máy chủ không khớp với dữ liệu. Các báo cáo số lượng vẫn dùng bình thường; hãy báo người vận hành kiểm tra khóa MEMBER_DATA_KEY.
member-not-grassroots = Danh sách đoàn viên do CĐCS hoặc nghiệp đoàn nhập. Anh/chị ở cấp trên: hãy dùng /duyetdv để duyệt danh sách các đơn vị gửi lên, /xuatdanhsach để tải danh sách đã duyệt.
member-field = { $field ->
    [fullName] họ và tên
    [gender] giới tính
    [birthDate] ngày sinh
    [idNumber] số CCCD
    [hometown] quê quán
    [joinedOn] ngày vào công đoàn
    [cardNumber] số thẻ đoàn viên
    [ethnicity] dân tộc
    [religion] tôn giáo
   *[other] { $field }
}
member-gender = { $gender ->
    [male] nam
   *[female] nữ
}
member-name-letters = Họ và tên “{ $name }” chỉ được gồm chữ cái, từ 2 đến 7 chữ, ví dụ “Nguyễn Thị Lan”.
member-name-marks = Họ và tên “{ $name }” chưa có dấu. Hãy viết đủ dấu tiếng Việt như trên căn cước, ví dụ “Nguyễn Thị Lan”.
member-date-form = { member-field } “{ $text }” chưa đúng dạng ngày/tháng/năm. Hãy viết đủ ngày, tháng, năm, ví dụ 12/03/1995.
member-date-none = Không có ngày { $text } ({ member-field }). Hãy kiểm tra lại ngày và tháng.
member-joined-future = Ngày vào công đoàn { $text } chưa tới. Hãy ghi ngày đoàn viên đã được kết nạp.
member-age = Tuổi khi vào công đoàn là { $age }, nhưng đoàn viên phải từ { $min } đến { $max } tuổi. Hãy kiểm tra lại ngày sinh và ngày vào công đoàn.
member-id-digits = Số CCCD phải có đúng 12 chữ số (số đã gửi có { $count } chữ số). Hãy chép lại từ căn cước.
member-id-province = 3 chữ số đầu của số CCCD ({ $code }) không phải mã tỉnh, thành nơi đăng ký khai sinh. Hãy kiểm tra lại số CCCD.
member-id-century = Chữ số thứ tư của số CCCD ({ $digit }) phải từ 0 đến 5 (mã giới tính và thế kỷ sinh). Hãy kiểm tra lại số CCCD.
member-id-year = Số CCCD cho năm sinh { $idYear }, nhưng ngày sinh ghi năm { $birthYear }. Hãy kiểm tra lại số CCCD hoặc ngày sinh.
member-id-gender = Chữ số thứ tư của số CCCD ({ $digit }) là của { $idGender ->
    [male] nam
   *[female] nữ
}, nhưng giới tính ghi là { $gender ->
    [male] nam
   *[female] nữ
}. Hãy kiểm tra lại số CCCD hoặc giới tính.
member-problems = Thông tin của { $name } chưa lưu được:
member-problem-line = • { $text }
member-missing = Còn thiếu: { $fields }. Hãy gửi tiếp phần còn thiếu, ví dụ: { $example }
member-resend = Hãy gửi lại phần cần sửa, ví dụ “CCCD 079195001234” hoặc “sinh 12/03/1995”.
member-card =
    📝 Kiểm tra thông tin đoàn viên trước khi lưu vào danh sách của { $unit }:
    Họ và tên: { $name }
    Giới tính: { $gender }
    Ngày sinh: { $birth }
    Số CCCD: { $idNumber }
    Quê quán: { $hometown }
    Ngày vào công đoàn: { $joined }
member-card-number = Số thẻ đoàn viên: { $card }
member-card-sensitive =
    Dân tộc: { $ethnicity } · Tôn giáo: { $religion }
    Dân tộc và tôn giáo là dữ liệu nhạy cảm: chỉ lưu khi chính đoàn viên đã đồng ý riêng cho việc này.
member-card-how = Đúng thì bấm “Lưu”; sai chỗ nào thì gửi lại chỗ đó. Số CCCD đầy đủ chỉ hiện ở đây, cho anh/chị.
button-member-save = ✅ Lưu
button-member-save-sensitive = ✅ Lưu cả dân tộc, tôn giáo (đoàn viên đã đồng ý riêng)
button-member-save-plain = Lưu, không lưu dân tộc, tôn giáo
button-member-cancel = Hủy
member-saved = ✅ Đã thêm { $name } (CCCD { $masked }) vào danh sách chờ duyệt của { $unit }; danh sách đang có { $count } người. LĐLĐ cấp trên sẽ duyệt danh sách; tôi sẽ báo khi có kết quả.
member-cancelled = Đã hủy, tôi không lưu đoàn viên này.
member-already-settled = Thông tin này đã được xử lý rồi. Để thêm người khác, hãy gửi thông tin của người đó.
member-same-unit = { $name } (CCCD { $masked }) đã có trong danh sách của { $unit } rồi, tôi không thêm lần nữa.
member-other-unit = Số CCCD { $masked } đã thuộc về một đoàn viên của { $unit }. Mỗi người chỉ có một hồ sơ trong toàn hệ thống, nên tôi không thêm. Nếu người này đã chuyển sang đơn vị anh/chị, hãy gửi đề nghị chuyển sinh hoạt cho chủ tịch { $unit }.
button-member-transfer = Đề nghị chuyển sinh hoạt
member-transfer-sent = ✅ Đã gửi đề nghị chuyển sinh hoạt tới { $count } người phụ trách { $unit }.
member-transfer-nobody = { $unit } chưa có ai liên kết với trợ lý nên tôi chưa gửi được đề nghị. Hãy liên hệ trực tiếp chủ tịch { $unit }, hoặc nhờ LĐLĐ cấp trên.
member-transfer-request = 🔁 { $from } đề nghị chuyển sinh hoạt công đoàn cho đoàn viên có số CCCD { $masked } của { $unit } sang { $from }. Người gửi: { $who }. Nếu đồng ý, hãy ghi nhận đoàn viên này chuyển đi (ví dụ “{ $name } chuyển sinh hoạt”).
member-consent-needed =
    Trước khi nhập đoàn viên đầu tiên của { $unit }, chủ tịch công đoàn cần xác nhận đã thông báo cho đoàn viên:
    • Thu thập: họ và tên, ngày sinh, giới tính, số CCCD, quê quán, ngày vào công đoàn, số thẻ; dân tộc và tôn giáo chỉ khi đoàn viên đồng ý riêng.
    • Để làm gì: quản lý đoàn viên và nhập vào phần mềm quản lý đoàn viên của Tổng Liên đoàn.
    • Ai được xem: chủ tịch và cán bộ { $unit }, cán bộ LĐLĐ cấp trên phụ trách; mọi lần xem đều được ghi nhật ký.
    • Lưu bao lâu: khi còn là đoàn viên; khi ra khỏi công đoàn, dữ liệu cá nhân được xóa theo yêu cầu.
    • Quyền của đoàn viên: được biết, đồng ý hoặc rút lại, xem và sửa, yêu cầu xóa, phản đối, khiếu nại.
    Số CCCD, ngày sinh, quê quán, dân tộc, tôn giáo được mã hóa khi lưu.
button-member-consent = ✅ Tôi đã thông báo cho đoàn viên
member-consent-chair-only = Chủ tịch { $unit } cần xác nhận việc thông báo cho đoàn viên trước khi nhập danh sách. Hãy nhờ chủ tịch nhắn “nhập danh sách” cho tôi và xác nhận.
member-consent-done = ✅ Đã lưu xác nhận của anh/chị (lúc { $when }). Giờ có thể nhập đoàn viên: mỗi người một tin nhắn, ví dụ “Nguyễn Thị Lan, nữ, 12/03/1995, CCCD 079195001234, quê Bến Tre, vào CĐ 20/11/2026”.
member-how =
    Hãy gửi từng người một tin nhắn, theo mẫu:
    “Nguyễn Thị Lan, nữ, 12/03/1995, CCCD 079195001234, quê Bến Tre, vào CĐ 20/11/2026”
    Tôi sẽ hiện lại để anh/chị kiểm tra trước khi lưu, và hỏi phần nào còn thiếu. Có sẵn tệp Excel thì gửi tệp (cột Họ và tên, Ngày sinh, Giới tính, Số CCCD, Quê quán, Ngày vào công đoàn).
member-how-count = Nhập danh sách { $count } người vừa kết nạp:
button-member-list = Nhập danh sách { $count } người
member-example = { $field ->
    [fullName] “Nguyễn Thị Lan”
    [gender] “nữ”
    [birthDate] “sinh 12/03/1995”
    [idNumber] “CCCD 079195001234”
    [hometown] “quê Bến Tre”
   *[joinedOn] “vào CĐ 20/11/2026”
}
member-list-standing = 📋 Danh sách đoàn viên năm { $period }: báo cáo { $reported }, danh sách { $named }, đã duyệt { $approved }.
member-review-not-staff = Chỉ cán bộ LĐLĐ cấp trên mới duyệt danh sách đoàn viên. Danh sách của đơn vị anh/chị sẽ được LĐLĐ cấp trên duyệt; tôi sẽ báo khi có kết quả.
member-review-none = Hiện không có danh sách đoàn viên nào chờ duyệt. Khi CĐCS gửi danh sách lên, tôi sẽ hiện ở đây.
member-review-heading = 📋 { $count } danh sách đoàn viên đang chờ duyệt:
member-review-line = • { $unit }: { $count } người (từ { $date })
button-member-review-open = { $unit } ({ $count })
member-review-open = 📋 Danh sách của { $unit }, { $count } người ({ $status ->
    [pending] chờ duyệt
    [approved] đã duyệt
   *[returned] đã trả lại
}):
member-line = { $n }. { $name } · { $gender } · sinh { $birth } · CCCD { $masked } · quê { $hometown } · vào CĐ { $joined }
member-review-how = Duyệt cả danh sách bằng nút bên dưới; muốn trả lại thì gõ “/tralai { $id } <lý do>”.
button-member-approve = ✅ Duyệt danh sách
button-member-return = ↩️ Trả lại
member-return-how = Hãy gõ lý do trả lại, ví dụ: “/tralai { $id } Sai ngày sinh của người thứ 2”. Lý do sẽ được gửi tới chủ tịch công đoàn.
member-return-usage = Hãy gõ theo mẫu: “/tralai <số danh sách> <lý do>”, ví dụ “/tralai 3 Sai ngày sinh của người thứ 2”. Số danh sách có trong /duyetdv.
member-review-not-yours = Tôi không thấy danh sách này trong các đơn vị anh/chị phụ trách. Hãy gõ /duyetdv để xem các danh sách chờ duyệt.
member-review-settled = Danh sách này đã được xử lý rồi. Gõ /duyetdv để xem các danh sách còn chờ duyệt.
member-approved = ✅ Đã duyệt danh sách { $count } đoàn viên của { $unit }. { $added ->
    [0] Số đoàn viên đã được tính từ báo cáo kết nạp của đơn vị.
   *[other] Đã cộng thêm { $added } đoàn viên chưa có trong báo cáo kết nạp của đơn vị.
}
member-returned = ↩️ Đã trả lại danh sách { $count } người cho { $unit }, kèm lý do.
member-list-approved-notice = ✅ LĐLĐ cấp trên đã duyệt danh sách { $count } đoàn viên của { $unit }.
member-list-returned-notice =
    ↩️ LĐLĐ cấp trên trả lại danh sách { $count } đoàn viên của { $unit }.
    Lý do: { $reason }
    Sửa xong thì bấm “Gửi lại”.
button-member-resubmit = Gửi lại
member-resubmitted = ✅ Đã gửi lại danh sách của { $unit } lên LĐLĐ cấp trên để duyệt.
member-export-not-staff = Chỉ cán bộ LĐLĐ cấp trên mới tải được danh sách đoàn viên đã duyệt. Danh sách của đơn vị anh/chị được gửi lên LĐLĐ để duyệt và nhập phần mềm.
member-export-empty = { $unit } chưa có đoàn viên nào được duyệt nên chưa có gì để xuất. Gõ /duyetdv để duyệt các danh sách đang chờ.
member-export-ready = 📄 Danh sách { $count } đoàn viên đã duyệt của { $unit }, theo mẫu nhập phần mềm quản lý đoàn viên. Tệp có số định danh đầy đủ: chỉ lưu ở nơi an toàn và xóa sau khi nhập xong.
member-row-missing = Thiếu { member-field }.
member-row-gender = Giới tính phải là “Nam” hoặc “Nữ”.
member-row-repeated = Số CCCD trùng với dòng { $line }.
member-row-held = Số CCCD đã có hồ sơ ở { $unit }.
member-card-form = Số thẻ “{ $text }” không đúng dạng (chữ, số, dấu . / -, tối đa 30 ký tự).
member-card-unknown = Không có đoàn viên đã duyệt nào mang số CCCD này trong các đơn vị anh/chị phụ trách.
member-card-taken = Số thẻ { $card } đã cấp cho người khác.
member-file-summary = Tệp có { $count } đoàn viên hợp lệ cho { $unit }{ $sensitive ->
    [0] .
   *[other] ; { $sensitive } người có dân tộc hoặc tôn giáo (dữ liệu nhạy cảm, chỉ lưu khi đoàn viên đã đồng ý riêng).
} Bấm xác nhận để thêm tất cả vào danh sách chờ duyệt.
member-file-done = ✅ Đã thêm { $added } đoàn viên vào danh sách chờ duyệt của { $unit }; danh sách đang có { $count } người.
member-cards-summary = Tệp có { $count } số thẻ đoàn viên hợp lệ cho các đơn vị thuộc { $unit }. Bấm xác nhận để ghi.
member-cards-done = ✅ Đã ghi { $count } số thẻ đoàn viên.
member-departed = ✅ Đã ghi nhận { $name } (CCCD { $masked }) { $status ->
    [retired] nghỉ hưu
    [moved] chuyển sinh hoạt
   *[left] nghỉ việc, ra khỏi công đoàn
} từ ngày { $date }. Danh sách và số đoàn viên của { $unit } đã cùng cập nhật.
member-departed-already = Đoàn viên này đã được ghi nhận rời đi rồi, tôi không ghi thêm.
member-not-on-list = Tôi không thấy “{ $name }” trong danh sách đoàn viên đang sinh hoạt của { $unit }.
member-which = Danh sách có { $count } người tên “{ $name }”. Chọn đúng người (theo số CCCD):
member-invite-how = Hãy ghi tên đoàn viên, ví dụ “/moidv Nguyễn Thị Lan”: tôi sẽ tạo mã để đoàn viên đó tự xem hồ sơ của mình.
member-invite-several = Danh sách có nhiều người tên “{ $name }”. Hãy nhờ người vận hành tạo mã, hoặc ghi tên đầy đủ, đúng dấu như trong danh sách.
member-invite-made =
    🎟️ Mã cho đoàn viên { $name }: { $code }
    Mã dùng một lần, trong 14 ngày. Hãy gửi riêng cho đúng người: người đó gửi mã cho tôi (hoặc bấm đường liên kết) để tự xem hồ sơ của mình, đề nghị sửa hoặc xóa.
    { $link }
member-self-linked = Chào { $name }! Tài khoản này đã được liên kết với hồ sơ đoàn viên của anh/chị ở { $unit }. Tôi là trợ lý tự động: anh/chị chỉ xem được hồ sơ của chính mình, bằng lệnh /toi.
button-member-self-view = Xem hồ sơ của tôi
member-self-heading = 🪪 Hồ sơ đoàn viên của anh/chị ở { $unit }:
member-self-status = Tình trạng: { $status ->
    [active] đang sinh hoạt
    [moved] chuyển đi
    [retired] nghỉ hưu
   *[left] ra khỏi công đoàn
} · { $approval ->
    [approved] đã được LĐLĐ duyệt
    [returned] LĐLĐ trả lại để sửa
   *[pending] chờ LĐLĐ duyệt
} · Số thẻ: { $card }
member-self-rights = Anh/chị có quyền biết, xem và đề nghị sửa, đề nghị xóa dữ liệu của mình, rút lại đồng ý về dân tộc, tôn giáo, phản đối hoặc khiếu nại. Đề nghị sẽ được gửi tới chủ tịch công đoàn.
button-member-self-fix = Đề nghị sửa
button-member-self-erase = Đề nghị xóa dữ liệu
member-self-none = Tài khoản này chưa được liên kết với hồ sơ đoàn viên nào. Hãy xin chủ tịch công đoàn cơ sở mã để tự xem hồ sơ (chủ tịch gõ “/moidv <tên anh/chị>”).
member-self-none-officer = Tài khoản của anh/chị là tài khoản cán bộ, chưa liên kết với hồ sơ đoàn viên nào. Để xem danh sách của đơn vị, hãy dùng /duyetdv (cán bộ LĐLĐ) hoặc nhờ chủ tịch công đoàn.
member-self-fix-how = Hãy ghi điều cần sửa, ví dụ “/suatoi quê quán là Mỏ Cày Bắc, Bến Tre”. Tôi sẽ gửi đề nghị tới chủ tịch công đoàn.
member-self-asked = ✅ Đã gửi đề nghị của anh/chị tới chủ tịch { $unit }.
member-self-nobody = { $unit } chưa có ai liên kết với trợ lý nên tôi chưa gửi được đề nghị. Hãy báo trực tiếp chủ tịch công đoàn.
member-request-fix = ✏️ Đoàn viên { $name } (CCCD { $masked }) đề nghị sửa hồ sơ: { $detail }
    Bấm “Sửa hồ sơ” để sửa ngay trong trợ lý.
member-request-erase = 🗑 Đoàn viên { $name } (CCCD { $masked }) đề nghị xóa dữ liệu cá nhân của mình. Xóa thì số đoàn viên đã báo cáo vẫn giữ nguyên; hồ sơ chỉ còn lại là một dòng không tên.
button-member-erase = 🗑 Xóa dữ liệu của đoàn viên này
member-erased = ✅ Đã xóa dữ liệu cá nhân của đoàn viên này khỏi sổ của { $unit }; số đoàn viên không đổi.
member-erased-already = Dữ liệu của đoàn viên này đã được xóa rồi.
button-member-edit = ✏️ Sửa hồ sơ
member-edit-how = Hãy ghi tên đoàn viên cần sửa, ví dụ “sửa đoàn viên Nguyễn Văn An” hoặc “/suadv Nguyễn Văn An”.
member-edit-not-grassroots = Hồ sơ đoàn viên do chủ tịch hoặc cán bộ công đoàn cơ sở của chính đoàn viên đó sửa. Nếu thấy hồ sơ sai, hãy báo chủ tịch CĐCS đó, hoặc trả lại danh sách bằng “/tralai <số> <lý do>”.
member-edit-not-found = Tôi không thấy “{ $name }” trong danh sách đoàn viên của { $unit }. Hãy ghi đúng họ và tên như trong danh sách (gõ /danhsachdv để xem).
member-edit-open =
    ✏️ Sửa hồ sơ đoàn viên của { $unit }:
    { $line }
    Hãy gửi phần cần sửa như khi nhập, có ghi tên phần, ví dụ “ngày sinh 12/03/1995”, “quê Bến Tre”, “tên Nguyễn Thị Lan”, “giới tính nữ”, hoặc “CCCD” kèm đủ 12 số. Tôi sẽ hiện cũ → mới để anh/chị kiểm tra; hồ sơ chỉ thay đổi khi anh/chị bấm “Lưu”.
member-edit-problems = Phần sửa cho { $name } chưa dùng được:
member-edit-resend = Hồ sơ chưa thay đổi. Hãy gửi lại phần cần sửa, ví dụ “ngày sinh 12/03/1995” hoặc “quê Bến Tre”.
member-edit-nothing = Chưa có gì khác với hồ sơ hiện có của { $name }. Hãy gửi phần cần sửa, ví dụ “ngày sinh 12/03/1995” hoặc “quê Bến Tre”.
member-edit-same-unit = Số CCCD { $masked } đã là của { $name } trong danh sách của { $unit }. Mỗi người chỉ có một hồ sơ, nên tôi không sửa. Hãy kiểm tra lại số CCCD.
member-edit-other-unit = Số CCCD { $masked } đã thuộc về một đoàn viên của { $unit }. Mỗi người chỉ có một hồ sơ trong toàn hệ thống, nên tôi không sửa. Hãy kiểm tra lại số CCCD; nếu đúng là cùng một người, hãy liên hệ chủ tịch { $unit }.
member-edit-card = ✏️ Sửa hồ sơ của { $name } ({ $unit }):
member-edit-change = { $field ->
    [fullName] Họ và tên
    [gender] Giới tính
    [birthDate] Ngày sinh
    [idNumber] Số CCCD
    [hometown] Quê quán
    [joinedOn] Ngày vào công đoàn
    [cardNumber] Số thẻ đoàn viên
    [ethnicity] Dân tộc
   *[religion] Tôn giáo
}: { $before } → { $after }
member-edit-sensitive = Dân tộc và tôn giáo là dữ liệu nhạy cảm: chỉ lưu khi chính đoàn viên đã đồng ý riêng cho việc này.
member-edit-approved = Hồ sơ này đã được LĐLĐ duyệt: sửa xong vẫn giữ trạng thái đã duyệt, việc sửa được ghi vào nhật ký để LĐLĐ cập nhật phần mềm quản lý đoàn viên.
member-edit-card-how = Đúng thì bấm “Lưu”; cần sửa thêm thì gửi tiếp. Số CCCD mới đầy đủ chỉ hiện ở đây, cho anh/chị.
member-edit-cancelled = Đã hủy, hồ sơ giữ nguyên như cũ.
member-edit-unchanged = Không có gì khác để lưu, hồ sơ giữ nguyên như cũ.
member-edit-settled = Việc sửa này đã được xử lý rồi. Để sửa tiếp, hãy gõ “sửa đoàn viên <họ và tên>”.
member-edited = ✅ Đã sửa hồ sơ của { $name } (CCCD { $masked }): { $fields }.
member-edited-approved = Hồ sơ vẫn ở trạng thái đã duyệt; LĐLĐ thấy việc sửa trong nhật ký.
member-edited-told = Tôi đã báo cho đoàn viên qua tài khoản đoàn viên đã liên kết.
member-corrected-notice = ✏️ Hồ sơ đoàn viên của anh/chị ở { $unit } vừa được sửa: { $fields }. Gõ /toi để xem lại; nếu còn sai, hãy gửi “/suatoi <nội dung>”.
member-list-how = Hãy ghi mã đơn vị, ví dụ “/danhsachdv TD-CDCS-01”. Chủ tịch và cán bộ CĐCS gõ “/danhsachdv” để xem danh sách của đơn vị mình.
member-list-unknown = Tôi không thấy CĐCS “{ $code }” trong các đơn vị anh/chị phụ trách. Hãy kiểm tra lại mã đơn vị.
member-list-empty = { $unit } chưa có đoàn viên nào trong danh sách. Hãy gửi từng người một tin, hoặc gửi tệp Excel.
member-list-heading = 📋 Danh sách đoàn viên của { $unit } ({ $count } người):
member-list-state = { $status ->
    [active] { $approval ->
        [approved] đã duyệt
        [returned] bị trả lại
       *[pending] chờ duyệt
    }
    [moved] chuyển đi
    [retired] nghỉ hưu
   *[left] ra khỏi công đoàn
}
member-list-more = … và { $count } người nữa (tải đủ bằng /xuatdanhsach ở LĐLĐ).
## Web dashboard
web-link =
    🔗 Trang quản lý của anh/chị (chỉ dùng được một lần, trong { $minutes } phút; đừng chuyển cho người khác):
    { $url }
    Đăng xuất mọi nơi: /dangxuat
web-signed-out = Đã đăng xuất trang quản lý trên { $count } trình duyệt. Khi cần, gõ /web để lấy đường liên kết mới.
web-signed-out-none = Anh/chị không đăng nhập trang quản lý ở đâu cả. Khi cần, gõ /web để lấy đường liên kết mới.
web-title = Trợ lý Công đoàn — Trang quản lý
web-automated = Số liệu do Trợ lý Công đoàn (trợ lý tự động) tổng hợp từ báo cáo qua chat.
web-login-heading = Đăng nhập trang quản lý
web-login-confirm = Bấm nút dưới đây để vào trang quản lý của { $name }.
web-login-button = Vào trang quản lý
web-link-used = Đường liên kết này đã được dùng rồi; mỗi đường liên kết chỉ dùng được một lần. Hãy nhắn /web cho Trợ lý Công đoàn để lấy đường liên kết mới.
web-link-expired = Đường liên kết này đã hết hạn (chỉ dùng được trong { $minutes } phút). Hãy nhắn /web cho Trợ lý Công đoàn để lấy đường liên kết mới.
web-link-unknown = Đường liên kết này không đúng. Hãy nhắn /web cho Trợ lý Công đoàn để lấy đường liên kết mới, rồi mở đúng đường liên kết bot gửi.
web-link-limited = Có quá nhiều lần mở đường liên kết từ máy này. Hãy đợi { $minutes } phút rồi thử lại, hoặc nhắn /web để lấy đường liên kết mới.
web-signed-out-page = Anh/chị chưa đăng nhập hoặc phiên đã hết hạn. Hãy nhắn /web cho Trợ lý Công đoàn trên Telegram hoặc Zalo để nhận đường liên kết đăng nhập.
web-forbidden = Anh/chị không có quyền xem đơn vị này. Trang quản lý chỉ hiện các đơn vị anh/chị phụ trách; hãy quay lại trang tổng quan.
web-not-found = Không có trang này. Hãy quay lại trang tổng quan.
web-csrf = Yêu cầu không đến từ trang quản lý nên đã bị từ chối. Hãy mở trang quản lý rồi thao tác từ đó.
web-logout = Đăng xuất
web-logged-out = Đã đăng xuất trên mọi trình duyệt. Khi cần, nhắn /web cho Trợ lý Công đoàn để vào lại.
web-signed-in-as = { $name } · { $unit }
web-nav-overview = Tổng quan
web-nav-units = Đơn vị
web-nav-tasks = Nhiệm vụ
web-nav-announcements = Thông báo
web-back-overview = Về trang tổng quan
web-overview-heading = { $unit } — năm { $period }
web-as-of = Số liệu đến ngày { $date }
web-targets-heading = Chỉ tiêu
web-no-targets = { $unit } chưa được giao chỉ tiêu nào cho năm { $period }.
web-col-metric = Chỉ tiêu
web-col-done = Đã đạt
web-col-target = Chỉ tiêu
web-col-percent = Tỷ lệ
web-col-missing = Còn thiếu
web-col-deadline = Hạn
web-col-pace = Tiến độ
web-col-unit = Đơn vị
web-col-sector = Khu vực
web-col-last-report = Báo cáo gần nhất
web-col-chair = Chủ tịch
web-col-flags = Cần chú ý
web-pace-on = Đúng tiến độ
web-pace-behind = Chậm tiến độ
web-pace-reached = Đã đạt
web-pace-none = —
web-each-units = { $reached }/{ $total } đơn vị đạt
web-chart-heading = Biểu đồ tiến độ
web-chart-alt = Biểu đồ tiến độ của { $unit }: thanh xanh là đúng tiến độ, thanh đỏ là chậm tiến độ.
web-download = Tải bảng Excel (.xlsx)
web-units-heading = Các đơn vị trực thuộc { $unit }
web-units-count = { $shown } / { $total } đơn vị
web-units-none = Không có đơn vị nào khớp bộ lọc.
web-filter-metric = Chỉ tiêu
web-filter-sector = Khu vực
web-filter-flag = Cần chú ý
web-filter-search = Tìm theo tên
web-filter-search-hint = ví dụ: xe om hoặc xe ôm
web-filter-apply = Lọc
web-filter-all = Tất cả
web-sector-state = Nhà nước
web-sector-non_state = Ngoài nhà nước
web-sector-informal = Phi chính thức
web-sector-none = Chưa rõ
web-flag-behind = Chậm tiến độ
web-flag-silent = Im lặng { $days } ngày
web-flag-no-chair = Chưa có chủ tịch
web-chair-yes = Đã liên kết
web-chair-no = Chưa
web-never = Chưa báo cáo
web-page = Trang { $page }/{ $pages }
web-prev = ‹ Trang trước
web-next = Trang sau ›
web-sort-by = Sắp xếp theo { $column }
web-unit-targets = Chỉ tiêu và tiến độ
web-unit-reports = Báo cáo gần đây
web-unit-reports-none = Đơn vị chưa gửi báo cáo nào.
web-col-day = Ngày
web-col-report = Nội dung
web-col-reporter = Người báo cáo
web-report-undone = đã hoàn tác
web-report-undo = hoàn tác báo cáo số { $id }
web-event-join = Kết nạp { $count } đoàn viên
web-event-join-informal = Kết nạp { $count } đoàn viên (phi chính thức)
web-event-leave = Giảm { $count } đoàn viên
web-event-found_union = Thành lập { $count } CĐCS
web-event-found_guild = Thành lập { $count } nghiệp đoàn
web-event-party_referral = Giới thiệu { $count } đoàn viên ưu tú cho Đảng
web-event-activity = { $count } hoạt động
web-event-other = { $event }: { $count }
web-unit-tasks = Nhiệm vụ
web-unit-members = Danh sách đoàn viên chờ duyệt
web-unit-members-none = Không có danh sách đoàn viên nào đang chờ duyệt.
web-unit-members-line = Danh sách số { $id }: { $count } người, gửi ngày { $date }
web-unit-members-review = Để xem và duyệt: gửi /duyetdv cho trợ lý trong chat rồi chọn danh sách.
web-unit-members-waiting = Đang chờ công đoàn cấp trên duyệt; anh/chị sẽ được báo trong chat khi có kết quả.
web-tasks-heading = Nhiệm vụ của { $unit } và các đơn vị trực thuộc
web-tasks-none = Chưa có nhiệm vụ nào.
web-col-task = Nhiệm vụ
web-col-due = Hạn
web-col-progress = Đã làm
web-task-done = Đã làm
web-task-open = Chưa làm
web-task-units-done = Đơn vị đã làm
web-task-units-open = Đơn vị chưa làm
web-announcements-heading = Thông báo đã gửi trong { $unit }
web-announcements-none = Chưa có thông báo nào được gửi.
web-col-sent = Ngày gửi
web-col-text = Nội dung
web-col-recipients = Người nhận
web-col-delivered = Đã nhận
web-col-failed = Không gửi được
web-col-pending = Đang gửi
web-too-many = Bảng có quá nhiều dòng; hãy lọc bớt hoặc tải bảng Excel.
