## Linking

not-linked =
    Hello! I am the Trade Union Assistant, an automated assistant (not a person).
    This account is not linked to any trade-union unit yet, so I cannot show or record figures.
    Ask your district federation officer for an invite code and send it to me (or open the invite link).
invite-unknown = This invite code is not right. Check each character, or ask your district officer for a new code.
invite-used = This invite code has been used already; each code works once. Ask your district officer for a new one.
invite-expired = This invite code has expired. Ask your district officer for a new one.
linked =
    Welcome, { $name }! This account is now linked to { $unit } as { $role }.

    I am the union's automated assistant. I keep only what reporting needs (display name, unit, the reports you send) and only people entitled to see it can.

    Write naturally, for example: “kết nạp 5 đoàn viên”, “2 đv nghỉ việc”, “còn thiếu bao nhiêu?”.
role-chair = chair
role-officer = officer
role-admin = administrator

## Reports

report-recorded = ✅ Recorded for { $unit } (on { $date }):
event-join = { $informal ->
    [yes] • { $count } informal-economy members admitted
   *[no] • { $count } members admitted
}
event-leave = • { $count } members left
event-found_union = • { $count } grassroots unions founded
event-found_guild = • { $count } guilds founded
event-party_referral = • { $count } outstanding members referred to the Party
event-activity = • { $count } activities held
event-name-join = how many members did you admit
event-name-leave = how many members left
event-name-found_union = how many grassroots unions were founded
event-name-found_guild = how many guilds were founded
event-name-party_referral = how many members were referred to the Party
event-name-activity = how many activities were held
report-no-count = { $event }? Nothing was recorded. Send it again with a number, for example “kết nạp 5 đoàn viên”.
report-unclear = I did not understand this report, so nothing was recorded. Try “kết nạp 5 đoàn viên” or “2 đoàn viên nghỉ việc”.
report-nothing = Understood, no change. Nothing was recorded. When you admit members, send “kết nạp N đoàn viên”.
report-too-large = { $count } is unusually large, so nothing was recorded. If it was a typo, send the right number.
report-over-workers = { $count } is more than the { $workers } workers of { $unit }, so nothing was recorded. If it was a typo, send the right number; if the workforce changed, ask your district to update it.
report-future = { $date } has not come yet, so nothing was recorded. Report once it has happened, or correct the date.
report-outside = You can report only for { $unit } and the units you look after, so nothing was recorded for “{ $named }”. Ask that unit's chair, or send again if the name was mistyped.
report-which-unit = You look after { $unit }: say which unit this report is for, for example “kết nạp 5 đv cho CĐCS Công ty ABC”. Nothing was recorded.
report-already = This report was recorded already; it is not counted again.
button-undo = ↩️ Undo

## Standings

metric-ket_nap = Members admitted
metric-thuc_tang = Net member growth
metric-ket_nap_phi_chinh_thuc = Informal-economy members admitted
metric-thanh_lap_cdcs = Grassroots unions founded
metric-thanh_lap_nghiep_doan = Guilds founded
metric-gioi_thieu_dang = Members referred to the Party
standing-open = 📌 { $metric }: { $done }/{ $target } ({ $percent }%), { $missing } to go, { $days } days left (due { $deadline })
standing-behind = ⚠️ { $metric }: { $done }/{ $target } ({ $percent }%), { $missing } to go, { $days } days left (due { $deadline }), behind pace
standing-due-today = ⏰ { $metric }: { $done }/{ $target } ({ $percent }%), { $missing } to go, due today ({ $deadline })
standing-overdue = ❗ { $metric }: { $done }/{ $target } ({ $percent }%), { $missing } to go, { $days } days overdue (due { $deadline })
standing-reached = 🎉 { $metric }: { $done }/{ $target }, target reached
standing-exceeded = 🎉 { $metric }: { $done }/{ $target }, { $over } over target
standing-no-targets = { $unit } has no targets for { $period } yet. Keep reporting; once targets are set I will show what is missing.
remaining-heading = 📊 { $unit }, { $period }:
progress-heading = 📈 Progress of { $unit }, { $period }:
behind-heading = Furthest behind on { $metric } (of { $count } units with a target):
behind-line = { $rank }. { $unit }: { $done }/{ $target } ({ $percent }%), { $missing } to go
behind-none = All { $count } units with a { $metric } target have reached it.
ask-outside = I cannot find “{ $named }” among the units you look after ({ $unit }). Type the unit's name again, or ask about your own unit.
button-remaining = What is missing?
button-progress = 📈 Progress
button-help = Help

## Deadlines

deadlines-heading = ⏳ Coming up for { $unit }:
deadline-line = • { $metric }: due { $deadline } ({ $days } days left), { $missing } to go
deadline-line-overdue = • { $metric }: was due { $deadline } ({ $days } days ago), { $missing } to go
deadlines-none = { $unit } has met every target. Congratulations!

## Undo

undo-done = ↩️ Report undone:
undo-nothing = You have no report to undo. To correct older figures, contact your district officer.
undo-already = This report was undone already; figures are unchanged.
undo-not-yours = Only the person who sent a report (or the unit's administrator) can undo it. Figures are unchanged.

## Conversation

help =
    I am the Trade Union Assistant, an automated assistant. Write naturally, with or without diacritics:
    • Admissions: “kết nạp 5 đoàn viên” or /ketnap 5
    • Departures: “2 đv nghỉ việc” or /giam 2
    • What is missing: “còn thiếu bao nhiêu đoàn viên?” or /conthieu
    • Progress: “tiến độ” or /tiendo
    • Deadlines: “hạn sắp tới” or /han
    • A mistake: “hoàn tác” or /hoantac
greet = Hello, { $name }! I am following the targets of { $unit }. What would you like to report or ask?
thanks = You are welcome! Write any time.
unknown = Sorry, I did not understand. Try “kết nạp 5 đoàn viên”, “còn thiếu bao nhiêu?”, “tiến độ”, or “hướng dẫn”.
unknown-with-choices = Sorry, I did not understand. Did you mean one of these? Or send “hướng dẫn” to see what I can do.
suggest-report = How to report admissions
suggest-ask_remaining = What is still missing
suggest-ask_progress = Progress
suggest-ask_deadlines = Coming deadlines
suggest-undo = Undo my last report
suggest-help = Help
too-long = This message is longer than { $max } characters, so I did not read it. Send something shorter, one thing per message.
action-expired = This button no longer works. Send your request again.
error = Sorry, something went wrong with this message; no figures were changed. Try again in a few minutes.
unsupported = I can read text messages only. Write, for example: “còn thiếu bao nhiêu?”.
