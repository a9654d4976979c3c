## Linking

not-linked =
    Hello! I am the Trade Union Assistant, an automated assistant (not a person).
    This account is not linked to any trade-union unit yet, so I cannot show or record figures.
    Ask your district federation officer for an invite code and send it to me (or open the invite link).
invite-unknown = This invite code is not right. Check each character, or ask your district officer for a new code.
invite-used = This invite code has been used already; each code works once. Ask your district officer for a new one.
invite-expired = This invite code has expired. Ask your district officer for a new one.
code-wait = You have typed a wrong code more than 5 times in 15 minutes, so I am not checking codes for now. Wait { $minutes } minutes, then type the code again, checking each character.
linked =
    Welcome, { $name }! This account is now linked to { $unit } as { $role }.

    I am the union's automated assistant. I keep only what reporting needs (display name, unit, the reports you send) and only people entitled to see it can.

    Write naturally, for example: “kết nạp 5 đoàn viên”, “2 đv nghỉ việc”, “còn thiếu bao nhiêu?”.
role-chair = chair
role-officer = officer
role-admin = administrator
invite-made =
    🎟️ Invite to { $unit } as { $role }: { $code }
    It works once, within { $days } days. Send it to the right person only; they send the code to me (or open the link) to link:
    { $link }
invite-how = Write it like this: “/moi CĐCS Công ty ABC” or “/moi <unit code> officer” (chair unless said).
invite-not-admin = Only a federation administrator can make invite codes. Ask your district officer for an invite.
invite-outside = I see no unit “{ $named }” in { $unit }, so no invite was made. Check the name, or use the unit's code.
invite-several = “{ $named }” fits several units, so no invite was made. Send it again with the unit's code:
invite-several-line = • { $name }: “/moi { $code }”

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
report-forwarded = This is a forwarded message, so I did not record it. If your union has figures, type the report yourself, for example: kết nạp 3 đoàn viên.
report-which-unit = You look after { $unit }: say which unit this report is for, for example “kết nạp 5 đv cho CĐCS Công ty ABC”. Nothing was recorded.
report-already = This report was recorded already; it is not counted again.
button-undo = ↩️ Undo
report-held = Not recorded yet: { $unit }, on { $date }:
report-doubt-over-not-members = This is more than the workers who are not members yet: the unit has { $workers } workers and { $members } members, so only { $room } can still be admitted.
report-doubt-doubles-members = This is more than the unit's { $members } members: its membership would more than double.
report-doubt-unusual = This is far more than the unit's { $reports } earlier reports (the largest was { $largest }).
report-held-how = If it is right, press “{ $button }” and it is recorded once; if it is a mistake, type the right number, for example: { $event ->
    [leave] giảm 3 đoàn viên
    [activity] tổ chức 1 hoạt động
    [party_referral] giới thiệu 1 đoàn viên ưu tú cho Đảng
   *[other] kết nạp 3 đoàn viên
}. Press “Cancel” to record nothing.
report-held-cancelled = Cancelled; this report was not recorded. When you have the right number, send it again, for example “kết nạp 3 đoàn viên”.
report-held-closed = This report was cancelled or replaced by a newer one, so it was not recorded. If it still needs recording, send it again, for example “kết nạp 3 đoàn viên”.
button-report-confirm = ✅ Confirm and record
button-report-cancel = Cancel
found-not-allowed = Founding unions and guilds is recorded by an administrator of a district federation (or a sector union), so nothing was recorded. Ask your district officer to record it and to issue an invite for the new unit.
found-separately = This message reports a founding together with something else, so nothing was recorded. Send each on its own, for example “thành lập 1 CĐCS”, then “kết nạp 5 đoàn viên”.
found-card =
    A new unit will be added to { $parent }:
    • Name: { $name }
    • Kind: { $kind ->
        [found_guild] Guild
       *[found_union] Grassroots union
    }
    • Sector: { $sector ->
        [state] State
        [non_state] Non-state
        [informal] Informal
       *[none] Unknown (update it later with a units file)
    }
    • Members: { $members }
    • Founded on: { $date }
    Press “Confirm” to add the unit and count it toward the founding target, or “Cancel”.
button-found-confirm = ✅ Confirm
found-done = ✅ Added { $name } (code { $code }) to { $parent } and counted it toward the founding target. To invite its chair, send “/moi { $code }”.
found-exists = { $name } (code { $code }) is already in the list of units, so it was not added again. To invite its chair, send “/moi { $code }”.
found-already = This unit was handled already; nothing was added again.
found-cancelled = Cancelled; no unit was added.

# Uncertain readings: the bot read a number or a date it cannot be sure of, so it asks and records nothing.
uncertain-count-signed = I am not sure of the number “{ $text }”: with a + or − sign it is unclear whether it goes up or down. Nothing was recorded. Send it again without the sign, for example “kết nạp 3 đoàn viên” or “giảm 3 đoàn viên”.
uncertain-count-form = I am not sure of the number “{ $text }”, so nothing was recorded. Send it again in plain digits, for example “kết nạp 3 đoàn viên”.
uncertain-count-repeated = The message gives the numbers { $text } for the same thing, so I cannot tell one event from several. Nothing was recorded. Send the total in one sentence, for example “kết nạp 5 đoàn viên”.
uncertain-date-impossible = “{ $text }” is not a day on the calendar, so nothing was recorded. Send it again with the right date, for example “kết nạp 3 đoàn viên ngày 15/3”.
uncertain-date-future = { $date } has not come yet, so nothing was recorded. Report once it has happened, or send it again with the right date, for example “kết nạp 3 đoàn viên hôm qua”.
uncertain-date-before-period = { $date } is before this year's target period (which starts on 1 January), so nothing was recorded. If the date was a typo, send it again with the right one, for example “kết nạp 3 đoàn viên hôm qua”; for last year's figures, ask your district to adjust them.
uncertain-date-ambiguous = I cannot tell whether “{ $text }” means June (tháng sáu) or next month (tháng sau), so nothing was recorded. Send the month as a number, for example “kết nạp 3 đoàn viên tháng 6”.

## Standings

standing-open = 📌 { $metric }: { $done }/{ $target } ({ $percent }%), { $missing } to go, { $days } days left (due { $deadline })
standing-behind = ⚠️ { $metric }: { $done }/{ $target } ({ $percent }%), { $missing } to go, { $days } days left (due { $deadline }), behind pace
standing-due-today = ⏰ { $metric }: { $done }/{ $target } ({ $percent }%), { $missing } to go, due today ({ $deadline })
standing-overdue = ❗ { $metric }: { $done }/{ $target } ({ $percent }%), { $missing } to go, { $days } days overdue (due { $deadline })
standing-reached = 🎉 { $metric }: { $done }/{ $target }, target reached
standing-exceeded = 🎉 { $metric }: { $done }/{ $target }, { $over } over target
standing-each = 📌 { $metric } (at least { $target } per unit): { $reached }/{ $total } units reached it; not yet: { $names }
standing-each-reached = 🎉 { $metric } (at least { $target } per unit): all { $total } units reached it
standing-rate = 📌 { $metric }: { $done }% (target { $target }%), { $missing } percentage points to go, due { $deadline }
standing-rate-members =    → { $members } more members needed to reach it
standing-set-by =    → a minimum for every unit, set by { $unit }
standing-rate-reached = 🎉 { $metric }: { $done }% (target { $target }%), reached
forecast-on-time = 🔮 { $metric }: at the present pace the target is reached around { $date }, before the deadline { $deadline }.
forecast-late = 🔮 { $metric }: at the present pace the target is reached only around { $date }, after the deadline { $deadline }; speed up.
forecast-none = 🔮 { $metric }: no results yet, no forecast possible.
behind-line-rate = { $rank }. { $unit }: { $done }% (target { $target }%)
standing-no-targets = { $unit } has no targets for { $period } yet. Keep reporting; once targets are set I will show what is missing.
remaining-not-given = { $unit } has no target for { $asked } this year; its targets are: { $list }.
metric-topic-members = members
standing-none-own = { $unit } has no target of its own for { $period }; here are the units below it.
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
deadline-line-rate = • { $metric }: due { $deadline } ({ $days } days left), { $missing } percentage points to go
deadline-line-rate-overdue = • { $metric }: was due { $deadline } ({ $days } days ago), { $missing } percentage points to go
deadline-line-each = • { $metric } (at least { $target } per unit): due { $deadline } ({ $days } days left), { $missing } units not there yet
deadline-line-each-overdue = • { $metric } (at least { $target } per unit): was due { $deadline } ({ $days } days ago), { $missing } units not there yet
deadline-line-minimum = • { $metric } (at least { $target } per unit, set by { $unit }): due { $deadline } ({ $days } days left), { $missing } to go
deadline-line-minimum-overdue = • { $metric } (at least { $target } per unit, set by { $unit }): was due { $deadline } ({ $days } days ago), { $missing } to go
deadlines-none = { $unit } has met every target. Congratulations!

## Undo

undo-done = ↩️ Report undone:
undo-nothing = You have no report to undo. To correct older figures, contact your district officer.
undo-already = This report was undone already; figures are unchanged.
undo-not-yours = Only the person who sent a report (or the unit's administrator) can undo it. Figures are unchanged.
undo-older = Your latest report is undone already. The one before it is for { $unit }, on { $date }:
undo-older-how = It is not undone. To undo it too, press “{ $button }”; otherwise do nothing and the figures stay as they are.
button-undo-older = ↩️ Undo this report

## Conversation

help =
    I am the Trade Union Assistant, an automated assistant. Write naturally, with or without diacritics:
    • Admissions: “kết nạp 5 đoàn viên” or /ketnap 5
    • Departures: “2 đv nghỉ việc” or /giam 2
    • What is missing: “còn thiếu bao nhiêu đoàn viên?” or /conthieu
    • Progress: “tiến độ” or /tiendo
    • Deadlines: “hạn sắp tới” or /han
    • A mistake: “hoàn tác” or /hoantac
    • On a computer: “mở trang quản lý” or /web (sign out: /dangxuat)
    • Answers in Vietnamese: /ngonngu vi (back to English: /ngonngu en)
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
flood-slow-down = You are sending messages very fast, so I have paused reading yours for a few seconds. Please wait a moment, then send again.
action-expired = This button no longer works. Send your request again.
error = Sorry, something went wrong with this message; no figures were changed. Try again in a few minutes.
unsupported = I can read text messages only. Write, for example: “còn thiếu bao nhiêu?”.
group-chat = I do not show figures or record reports in group chats. Write to me privately to report or to ask about your unit.
language-how = Type “/ngonngu en” for answers in English, or “/ngonngu vi” for answers in Vietnamese (tiếng Việt).
language-set = ✅ From now on I will answer you in English.

## Imports (the operator CLI prints these)

import-bad-code = code must be 1–64 letters, digits, dot, dash or underscore
import-duplicate-code = code { $code } appears twice in the file (first on line { $first })
import-empty-name = name is empty
import-long-name = name is longer than 200 characters
import-bad-kind = kind must be one of national, province, district, grassroots, guild (not “{ $value }”)
import-bad-sector = sector must be one of state, non_state, informal or empty (not “{ $value }”)
import-bad-members = members must be a whole number
import-bad-workers = workers must be a whole number
import-own-parent = a unit cannot be its own parent
import-parent-loop = parent_code makes a loop through { $code }
import-parent-broken = parent { $code } has an error
import-unknown-parent = parent_code { $code } is not a known unit
import-outside = { $code } is outside your units ({ $scope })
import-own-unit-row = { $code } is your own unit: its row is kept by the level above; a file adds or changes only the units below yours, so leave this row out
import-own-unit-target = { $code } is your own unit: its targets and ratings are set by the level above; set them only for the units below yours, so leave this row out
import-cannot-move = { $code } has units below it and cannot move to another parent
import-unknown-unit = unit_code { $code } is not a known unit
import-unknown-metric = metric { $value } is not known
import-metric-not-yours = metric { $value } was added by { $owner } and is not yours to use; use a built-in one or add your own with /themchitieu
import-bad-target = target must be a whole number
import-bad-deadline = deadline must be YYYY-MM-DD or DD/MM/YYYY
import-bad-scope = scope must be total or each
import-duplicate-target = same unit, metric and year as line { $first }

## Imports in chat

import-not-admin = Only a district administrator can import units and targets. Ask your upper-level federation for an administrator invite if you need it.
import-how = Send an .xlsx or .csv file (in a private chat with me). A units file has the columns Mã đơn vị, Tên đơn vị, Mã đơn vị cấp trên, Loại hình, Khu vực, Số đoàn viên, Số lao động; a targets file Mã đơn vị, Chỉ tiêu, Số lượng, Hạn.
import-too-big = The file is larger than 10 MB, so I did not read it. Split it into smaller files and send them one by one.
import-unreadable = I could not read this file, so nothing was imported.
import-has-errors = The file has { $count } bad rows (of { $rows }), so nothing was imported:
import-error-line = • Row { $line }: { $reason }
import-more-errors = … and { $count } more bad rows.
import-fix-and-resend = Correct these rows and send the file again; I import only when every row is right.
import-empty = The file has no data rows. Check it and send it again.
import-summary-units = The file is valid: { $added } units to add and { $changed } to update in { $scope }. Press “Confirm” to write it, or “Cancel”.
import-summary-targets = The file is valid: { $added } targets to add and { $changed } to update in { $scope }. Press “Confirm” to write it, or “Cancel”.
button-import-confirm = ✅ Confirm
button-import-cancel = Cancel
import-cancelled = Cancelled; nothing changed.
import-already-settled = This file was handled already; it is not imported again.
import-stale = Data changed since the check; the file now has { $count } bad rows, so nothing was imported. Send it again to recheck.
import-done-units = ✅ Imported: { $added } units added, { $changed } updated.
import-done-targets = ✅ Imported: { $added } targets added, { $changed } updated.
export-ready = 📎 Progress report of { $unit } ({ $sheets } sheets, one per target):
export-no-targets = { $unit } and its units have no targets for this year yet, so there is nothing to export. Import targets first.
chart-all-targets = targets
chart-subtitle = { $period }, figures up to { $date }
chart-caption = Progress chart of { $unit }: the black mark is where it should be by today.
allocate-not-admin = Only a federation administrator can allocate targets. Ask your upper level if you need this.
allocate-how = Say which target to allocate, for example “/phanbo kết nạp” (in proportion to each unit's workers who are not members yet) or “/phanbo ket_nap C01=20 C02=30” (explicit numbers by unit code).
allocate-no-target = { $unit } has no “{ $metric }” target for { $period }, so there is nothing to allocate. Import targets first.
allocate-no-children = { $unit } has no units below it to allocate to.
allocate-unknown-child = { $code } is not a unit directly below { $unit }. Check the code and send again; nothing changed.
allocate-metric-not-yours = “{ $metric }” was added by another unit, so { $unit } cannot allocate it. Pick a built-in target or one of your own; nothing changed.
allocate-proportional = Allocation of “{ $metric }” ({ $target }) of { $unit } in proportion to workers who are not members yet:
allocate-explicit = Allocation of “{ $metric }” ({ $target }) of { $unit }:
allocate-line = • { $unit }: { $value }
allocate-adds-up = The parts add up to { $total }, the target. Press “Confirm allocation” to write it, or “Cancel”.
allocate-gap = ⚠️ The parts add up to { $total }, { $diff } { $short ->
    [yes] short of
   *[no] over
} the target { $target }. You may still confirm, or cancel and allocate again.
allocate-note-no-workers = 0 because the unit has no workers recorded; import its workers and allocate again
allocate-note-no-eligible = 0 because all { $workers } workers are members already
allocate-note-over-eligible = ⚠️ more than its { $eligible } workers who are not members yet
allocate-note-over-admissions = ⚠️ above the unit's admissions target of { $admissions }
allocate-already-settled = This allocation was dealt with already; nothing is written twice.
allocate-stale = Figures changed since the allocation was drawn up ({ $count } rows no longer valid), so nothing was written. Send /phanbo again for a new allocation.
allocate-done = ✅ Allocation written: { $count } units given their targets.
button-allocate-confirm = ✅ Confirm allocation
allocation-gap-line = ⚠️ Allocation of “{ $metric }”: units below were given { $allocated }/{ $target }{ $missing ->
    [0] {""}
   *[other] , { $missing } units have no part yet
}.
import-unknown-plan = plan { $value } is not known (add it with: npm run cli -- plan add)
import-bad-year = year must be four digits, like 2026
import-bad-rating = rating must be one of xuat_sac, tot, hoan_thanh, khong_hoan_thanh (not “{ $value }”)
import-summary-ratings = The file is valid: { $added } ratings to record in { $scope }. Press “Confirm” to write it, or “Cancel”.
import-done-ratings = ✅ Imported: { $added } ratings recorded.
sector-line = By sector ({ $metric }): { $list }
sector-part = { $sector ->
    [state] State
    [non_state] Non-state
    [informal] Informal
   *[none] Unknown sector
} { $total }

## Reminders and announcements

reminder-deadline = ⏰ Reminder: { $metric } of { $unit } is due on { $deadline } ({ $days } days left). Now { $done }/{ $target }, { $missing } to go.
reminder-deadline-today = ⏰ Today ({ $deadline }) is the deadline for { $metric } of { $unit }. Now { $done }/{ $target }, { $missing } to go.
reminder-overdue = ❗ { $metric } of { $unit } is { $days } days overdue (due { $deadline }). Now { $done }/{ $target }, { $missing } to go. Report as soon as there are results.
reminder-task = 📝 Task “{ $title }” of { $unit } is due on { $deadline } ({ $days } days left). When it is done, press “Done” or write “đã xong { $title }”.
reminder-task-today = 📝 Today ({ $deadline }) task “{ $title }” of { $unit } is due. When it is done, press “Done”.
reminder-task-overdue = ❗ Task “{ $title }” of { $unit } is { $days } days overdue (due { $deadline }). When it is done, press “Done”.
reminder-silent = 👋 { $unit } has sent no report for { $days } days. If members joined or left, tell me, for example “kết nạp 3 đoàn viên”; if nothing changed, write “không có đv mới”.
digest-heading = 📊 This week at { $unit } ({ $date }):
digest-line-on = ✅ { $metric }: { $done }/{ $target }, on pace, { $missing } to go (due { $deadline })
digest-line-behind = ⚠️ { $metric }: { $done }/{ $target }, behind pace, { $missing } to go (due { $deadline })
digest-line-reached = 🎉 { $metric }: { $done }/{ $target }, reached
digest-no-targets = The unit has no targets for this year.
staff-digest-heading = 📋 Weekly summary of { $unit } ({ $date }):
staff-digest-behind = • { $count } units behind pace{ $count ->
    [0] {""}
   *[other] : { $names }
}
staff-digest-silent = • { $count } units silent for { $days } days{ $count ->
    [0] {""}
   *[other] : { $names }
}
staff-digest-overdue = • { $count } overdue tasks not done (counted per unit)
button-snooze-1 = ⏰ Remind me in 1 day
button-snooze-3 = ⏰ Remind me in 3 days
button-mute = 🔕 Stop this kind
button-task-done = ✅ Done
snoozed = Understood, I will remind you on { $when }.
muted = This kind of reminder ({ $kind }) is stopped. To get it again, write “/batnhac { $kind }”.
unmuted = Reminders of kind { $kind } are on again.
unmute-how = Say which kind to turn back on: deadline, task, digest, silent or staff_digest. For example “/batnhac digest”.
task-done = ✅ Recorded: { $unit } has done “{ $title }”. Thank you!
task-already-done = “{ $title }” of { $unit } was recorded as done already.
task-not-found = I found no open task that matches this message. Send /han to see tasks and deadlines.
task-no-match = No open task matches this message, so nothing was recorded. Your unit's open tasks (send “đã xong” with the task's name, or press “Done” under its reminder):
task-none-open = Your unit has no open tasks, so nothing was recorded. Send /han to see the deadlines ahead.
deadline-task-line = • Task “{ $title }”: due { $deadline } ({ $days } days left)
deadline-task-line-overdue = • Task “{ $title }”: was due { $deadline } ({ $days } days ago)
broadcast-how = Write the announcement right after the command, for example “/thongbao Hạn nộp danh sách đoàn viên ưu tú là 20/7.”
broadcast-not-admin = Only a federation administrator can send announcements to units.
broadcast-preview = The announcement will go to { $count } people in { $unit }:
broadcast-nobody = Nobody in { $unit } is linked to me yet, so nobody would receive it. Hand out invites first.
button-broadcast-confirm = 📣 Send announcement
broadcast-queued = 📣 Sending the announcement to { $count } people. I will tell you the count when it is done.
broadcast-cancelled = Announcement cancelled; nothing was sent.
broadcast-already = This announcement was handled already.
broadcast-message = 📣 Announcement from { $unit }:
broadcast-report = 📬 Announcement “{ $preview }” is done: { $delivered } received, { $blocked } blocked the bot, { $failed } could not be sent.
policy-shown = ⚙️ Reminders of { $unit }: { $offsets } days before a deadline, at { $remindAt }; after it every { $every } days; weekly digest on weekday { $weekday } at { $digestAt } (district staff: { $staffAt }); silent units nudged after { $silent } days; quiet hours: { $quiet }.
policy-saved = ✅ Reminder schedule saved for { $unit } and the units below it.
policy-how = To change it: “/lichnhac truoc=14,7,3,1,0 luc=08:00 sauhan=7 imlang=30 yenlang=21:00-07:00” (only what changes; yenlang=tat turns quiet hours off).
policy-bad = The schedule was not changed: { $reason }. Nothing changed.
policy-not-admin = Only a federation administrator can change the reminder schedule.
quiet-none = none
task-not-admin = Only a federation administrator can set tasks for units.
task-how = Write it like this: “/giaoviec Nộp danh sách đoàn viên ưu tú hạn 20/07/2026”.
task-past = { $deadline } has passed. Choose a deadline still to come.
task-assigned = ✅ Task “{ $title }” set for { $unit } and the units below it, due { $deadline }. I will remind the units before then.
audit-not-admin = Only an LĐLĐ admin can read the change log. To find out who changed what, ask your LĐLĐ's admin to look.
audit-heading = 📜 Change log of { $unit }, newest first:
audit-heading-more = 📜 Change log of { $unit } (continued):
audit-empty = The change log of { $unit } has no changes yet.
audit-no-more = The change log of { $unit } has no older changes.
audit-operator = Operator
audit-line = • { $when } · { $who } ({ $platform }) · { $what } · { $unit }{ $changes }
button-audit-more = Show more
audit-kind = { $kind ->
    [invite_created] Invite created
    [invite_redeemed] Invite used, role granted
    [account_linked] Another app linked
    [unit_added] Unit added
    [unit_moved] Unit moved
    [unit_renamed] Unit renamed
    [unit_changed] Unit details changed
    [target_imported] Targets imported from a file
    [target_allocated] Targets allocated
    [rating_imported] Ratings imported
    [metric_added] Kind of target added
    [policy_changed] Reminder schedule changed
    [announcement_sent] Announcement sent
    [task_sent] Task set
    [workbook_exported] Report workbook exported
    [member_consent_confirmed] Members' data notice confirmed
    [member_added] Members added to a list
    [member_viewed] Member record viewed
    [member_list_viewed] Member list viewed
    [member_list_approved] Member list approved
    [member_list_returned] Member list returned
    [member_status_changed] Member status changed
    [member_erased] Member's personal data erased
    [member_changed] Member's record corrected
    [members_exported] Member list exported
    [member_cards_imported] Member card numbers imported
    [member_transfer_requested] Transfer requested
   *[other] { $kind }
}
audit-field = { $field ->
    [expiresAt] expires
    [parent] parent
    [events] counts
    [broadcast] announcement no.
    [task] task no.
    [due] due
    [fields] corrected
   *[other] { $field }
}
task-delivered = 📨 Sending this task to the { $count } people in charge of the units.
task-new =
    📝 { $from } set a task for { $unit }: “{ $title }”, due { $deadline }.
    When it is done, press “Done” or write “đã xong { $title }”.
crosslink-code = 🔗 Your link code: { $code }. Open { $other }, find the Trade Union Assistant and send this code (or “/lienket { $code }”) within { $minutes } minutes. It works once.
crosslink-bad-code = This link code is wrong or has expired. Send “/lienket” on the app you already use to get a new one.
crosslink-other-person = This account belongs to someone else, so this code cannot link it. If that is a mistake, contact your district officer.
crosslink-already = This account is linked already; nothing more to do.
crosslink-done = ✅ { $platform } is now linked to { $name }'s account. Use either app; reminders go to one place only (change it with “/nhacnho”).
button-remind-here = Get reminders here
crosslink-same-app = This link code was made on { $platform }, so it works only on the other app. Open the other app, find the Trade Union Assistant and send the code there.
account-linked-notice = 🔔 The { $platform } account “{ $name }” was just linked to you. If that was not you, send “/huylienket” to remove it now.
button-unlink = Unlink
unlink-list = The accounts linked to you (tap the one to remove):
unlink-account = { $platform } (ending { $id })
unlink-account-here = { $platform } (this account)
button-unlink-account = Remove { $account }
unlink-confirm = Remove { $account }? That account will no longer reach the assistant until it is linked again.
button-unlink-confirm = ✅ Remove
button-unlink-cancel = Cancel
unlink-cancelled = Cancelled; no account was removed.
unlink-done = ✅ { $account } is no longer linked.
unlink-last-account = This is your only account, so this command cannot remove it. To stop using the assistant, block the Trade Union Assistant in the app (I will stop sending messages) or ask your district officer to withdraw your role.
remind-shown = 🔔 Reminders and announcements go to: { $platform }. Choose where:
remind-set = ✅ Reminders and announcements will now go to { $platform }.
remind-not-linked = You have not linked { $platform } yet. Send “/lienket” to get a code, then send it on { $platform }.
metric-not-admin = Only a federation administrator can add a kind of target.
metric-how = Write it like this: “/themchitieu Hoạt động văn hóa thể thao = hoạt động” (after = the kind of report it counts: kết nạp, giảm, thành lập CĐCS, thành lập nghiệp đoàn, giới thiệu Đảng, hoạt động).
metric-builtin = “{ $name }” is in the catalogue already.
metric-not-yours = “{ $name }” was added by another unit, so you cannot change it. Give your unit's target another name.
metric-added = ✅ Target “{ $name }” added (key { $key }). It can now be set in a targets file (Chỉ tiêu column: its name or key).
forecast-not-this-year = 🔮 { $metric }: at the present pace it will not be reached by { $deadline }; it needs a clear speed-up.
unit-several = “{ $named }” fits several units, so I have done nothing yet:
unit-several-more = … and { $count } more.
unit-several-twins = Units of the same name are shown with the union above them. The same name cannot tell them apart: ask an officer of that union above to ask or report.
unit-several-ask = “{ $named }” fits several units:
unit-several-pick = Press the unit you mean below, or send it again with its full name as above.
unit-several-how = Send it again with the unit's name in full, as above.

# Zalo
zalo-choose-one = Reply with 1 to choose it.
zalo-choose = Reply with a number (1, 2…) to choose.
zalo-file-link =
    Download the Excel file here (the link works for { $hours } hours):
    { $url }
zalo-file-unavailable = Zalo does not let the bot send attachments yet. Send this request to Trợ lý Công đoàn on Telegram to get the Excel file.
zalo-nameless = friend

## Member register

member-register-no-key = The member register is not switched on on this server, so I cannot keep member lists yet. Count reports work as usual; ask the operator to switch the register on (set the MEMBER_DATA_KEY key).
member-register-wrong-key = The member register is paused because the server's encryption key does not match the data. Count reports work as usual; ask the operator to check MEMBER_DATA_KEY.
member-not-grassroots = Member lists are entered by grassroots unions and guilds. At your level, use /duyetdv to approve the lists units send up, and /xuatdanhsach to download the approved list.
member-field = { $field ->
    [fullName] full name
    [gender] gender
    [birthDate] date of birth
    [idNumber] ID number
    [hometown] hometown
    [joinedOn] date of joining the union
    [cardNumber] member card number
    [ethnicity] ethnicity
    [religion] religion
   *[other] { $field }
}
member-gender = { $gender ->
    [male] male
   *[female] female
}
member-name-letters = The full name “{ $name }” must be letters only, 2 to 7 words, e.g. “Nguyễn Thị Lan”.
member-name-marks = The full name “{ $name }” has no diacritics. Write it with its Vietnamese marks as on the ID card, e.g. “Nguyễn Thị Lan”.
member-date-form = The { member-field } “{ $text }” is not a day/month/year date. Write day, month and year, e.g. 12/03/1995.
member-date-none = There is no day { $text } ({ member-field }). Check the day and month.
member-joined-future = The joining date { $text } has not come yet. Give the day the member was admitted.
member-age = The age at joining is { $age }, but members must be { $min } to { $max } years old. Check the date of birth and the joining date.
member-id-digits = An ID number has exactly 12 digits (this one has { $count }). Copy it again from the ID card.
member-id-province = The first 3 digits of the ID number ({ $code }) are not the code of a province of birth registration. Check the ID number.
member-id-century = The fourth digit of the ID number ({ $digit }) must be 0 to 5 (gender and century of birth). Check the ID number.
member-id-year = The ID number gives birth year { $idYear }, but the date of birth says { $birthYear }. Check the ID number or the date of birth.
member-id-gender = The fourth digit of the ID number ({ $digit }) is for { $idGender ->
    [male] a man
   *[female] a woman
}, but the gender given is { $gender ->
    [male] male
   *[female] female
}. Check the ID number or the gender.
member-problems = I could not save { $name } yet:
member-problem-line = • { $text }
member-missing = Still missing: { $fields }. Send what is missing, e.g. { $example }
member-resend = Send again only the part to correct, e.g. “CCCD 079195001234” or “sinh 12/03/1995”.
member-card =
    📝 Check the member's details before they are saved to the list of { $unit }:
    Full name: { $name }
    Gender: { $gender }
    Date of birth: { $birth }
    ID number: { $idNumber }
    Hometown: { $hometown }
    Joined the union: { $joined }
member-card-number = Member card number: { $card }
member-card-sensitive =
    Ethnicity: { $ethnicity } · Religion: { $religion }
    Ethnicity and religion are sensitive data: keep them only if the member agreed to it separately.
member-card-how = If it is right, press “Save”; if something is wrong, send only that part again. The full ID number is shown only here, to you.
button-member-save = ✅ Save
button-member-save-sensitive = ✅ Save with ethnicity and religion (member agreed separately)
button-member-save-plain = Save without ethnicity and religion
button-member-cancel = Cancel
member-saved = ✅ { $name } (ID { $masked }) added to the list of { $unit } awaiting approval; the list has { $count } people. The federation above will approve it; I will tell you the outcome.
member-cancelled = Cancelled; I did not save this member.
member-already-settled = This was already dealt with. To add someone else, send their details.
member-same-unit = { $name } (ID { $masked }) is already on the list of { $unit }; I did not add them again.
member-other-unit = ID number { $masked } already belongs to a member of { $unit }. Each person has one record in the whole system, so I did not add it. If the person has moved to your union, send a transfer request to the chair of { $unit }.
button-member-transfer = Request a transfer
member-transfer-sent = ✅ Transfer request sent to { $count } officer(s) of { $unit }.
member-transfer-nobody = Nobody at { $unit } is linked to the assistant yet, so I could not send the request. Contact the chair of { $unit } directly, or ask the federation above.
member-transfer-request = 🔁 { $from } asks to transfer the member with ID number { $masked } from { $unit } to { $from }. Sent by: { $who }. If you agree, record that the member moved (e.g. “{ $name } chuyển sinh hoạt”).
member-consent-needed =
    Before the first member of { $unit } is entered, the union's chair must confirm that members were told:
    • What is collected: full name, date of birth, gender, ID number, hometown, date of joining, card number; ethnicity and religion only with the member's separate consent.
    • Why: managing members and entering them in the national union's member software.
    • Who sees it: the chair and officers of { $unit } and the officers of the federation above in charge; every view is logged.
    • For how long: while a member; personal data is erased on request after leaving.
    • Members' rights: to know, to consent or withdraw, to see and correct, to ask for deletion, to object, to complain.
    ID number, date of birth, hometown, ethnicity and religion are encrypted when stored.
button-member-consent = ✅ I have told the members
member-consent-chair-only = The chair of { $unit } must confirm that members were told before the list is entered. Ask the chair to write “nhập danh sách” to me and confirm.
member-consent-done = ✅ Your confirmation is stored ({ $when }). You can enter members now, one per message, e.g. “Nguyễn Thị Lan, nữ, 12/03/1995, CCCD 079195001234, quê Bến Tre, vào CĐ 20/11/2026”.
member-how =
    Send one member per message, like this:
    “Nguyễn Thị Lan, nữ, 12/03/1995, CCCD 079195001234, quê Bến Tre, vào CĐ 20/11/2026”
    I will show it back for you to check before saving, and ask for anything missing. If you have an Excel file, send the file (columns Họ và tên, Ngày sinh, Giới tính, Số CCCD, Quê quán, Ngày vào công đoàn).
member-how-count = Entering the { $count } people just admitted:
button-member-list = Enter the list of { $count } people
member-example = { $field ->
    [fullName] “Nguyễn Thị Lan”
    [gender] “nữ”
    [birthDate] “sinh 12/03/1995”
    [idNumber] “CCCD 079195001234”
    [hometown] “quê Bến Tre”
   *[joinedOn] “vào CĐ 20/11/2026”
}
member-list-standing = 📋 Member list { $period }: reported { $reported }, named { $named }, approved { $approved }.
member-review-not-staff = Only the staff of the federation above approve member lists. Your union's list will be approved there; I will tell you the outcome.
member-review-none = No member list is waiting for approval. When a grassroots union sends one, it shows here.
member-review-heading = 📋 { $count } member list(s) awaiting approval:
member-review-line = • { $unit }: { $count } people (since { $date })
button-member-review-open = { $unit } ({ $count })
member-review-open = 📋 List of { $unit }, { $count } people ({ $status ->
    [pending] awaiting approval
    [approved] approved
   *[returned] returned
}):
member-line = { $n }. { $name } · { $gender } · born { $birth } · ID { $masked } · from { $hometown } · joined { $joined }
member-review-how = Approve the whole list with the button below; to return it, type “/tralai { $id } <reason>”.
button-member-approve = ✅ Approve the list
button-member-return = ↩️ Return
member-return-how = Type the reason, e.g. “/tralai { $id } Wrong date of birth for person 2”. The reason goes to the union's chair.
member-return-usage = Type it like this: “/tralai <list number> <reason>”, e.g. “/tralai 3 Wrong date of birth for person 2”. List numbers are in /duyetdv.
member-review-not-yours = I cannot find this list among the units you are in charge of. Type /duyetdv to see the lists awaiting approval.
member-review-settled = This list was already dealt with. Type /duyetdv to see the lists still waiting.
member-approved = ✅ Approved the list of { $count } member(s) of { $unit }. { $added ->
    [0] They were already counted from the union's admission reports.
   *[other] Added { $added } member(s) not yet in the union's admission reports.
}
member-returned = ↩️ Returned the list of { $count } people to { $unit }, with the reason.
member-list-approved-notice = ✅ The federation above approved the list of { $count } member(s) of { $unit }.
member-list-returned-notice =
    ↩️ The federation above returned the list of { $count } member(s) of { $unit }.
    Reason: { $reason }
    Once corrected, press “Send again”.
button-member-resubmit = Send again
member-resubmitted = ✅ The list of { $unit } was sent up again for approval.
member-export-not-staff = Only the staff of the federation above can download approved member lists. Your union's list goes up to them for approval and entry into the software.
member-export-empty = { $unit } has no approved members yet, so there is nothing to export. Type /duyetdv to approve the lists waiting.
member-export-ready = 📄 The { $count } approved members of { $unit }, laid out for the union's member software. The file holds full ID numbers: keep it somewhere safe and delete it once imported.
member-row-missing = The { member-field } is missing.
member-row-gender = Gender must be “Nam” or “Nữ”.
member-row-repeated = Same ID number as line { $line }.
member-row-held = The ID number already has a record at { $unit }.
member-card-form = Card number “{ $text }” is not valid (letters, digits, . / -, at most 30 characters).
member-card-unknown = No approved member with this ID number in the units you are in charge of.
member-card-taken = Card number { $card } was given to someone else.
member-file-summary = The file has { $count } valid member(s) for { $unit }{ $sensitive ->
    [0] .
   *[other] ; { $sensitive } with ethnicity or religion (sensitive data, kept only with the member's separate consent).
} Confirm to add them all to the list awaiting approval.
member-file-done = ✅ Added { $added } member(s) to the list of { $unit } awaiting approval; the list has { $count } people.
member-cards-summary = The file has { $count } valid member card number(s) for units under { $unit }. Confirm to record them.
member-cards-done = ✅ Recorded { $count } member card number(s).
member-departed = ✅ Recorded that { $name } (ID { $masked }) { $status ->
    [retired] retired
    [moved] transferred out
   *[left] left work and the union
} on { $date }. The list and the member count of { $unit } were updated together.
member-departed-already = This member's departure was recorded already; I recorded nothing more.
member-not-on-list = I cannot find “{ $name }” among the active members on the list of { $unit }.
member-which = The list has { $count } people named “{ $name }”. Pick the right one (by ID number):
member-invite-how = Give the member's name, e.g. “/moidv Nguyễn Thị Lan”: I will make a code so that member can see their own record.
member-invite-several = The list has several people named “{ $name }”. Ask the operator for a code, or write the full name exactly as on the list.
member-invite-made =
    🎟️ Code for member { $name }: { $code }
    Single use, valid 14 days. Send it privately to that person: they send it to me (or open the link) to see their own record and ask for a correction or deletion.
    { $link }
member-self-linked = Hello { $name }! This account is now linked to your member record at { $unit }. I am an automated assistant: you can see only your own record, with /toi.
button-member-self-view = See my record
member-self-heading = 🪪 Your member record at { $unit }:
member-self-status = Status: { $status ->
    [active] active
    [moved] transferred out
    [retired] retired
   *[left] left the union
} · { $approval ->
    [approved] approved by the federation
    [returned] returned by the federation for correction
   *[pending] awaiting the federation's approval
} · Card: { $card }
member-self-rights = You have the right to know, see and ask to correct or delete your data, to withdraw consent to ethnicity and religion, to object or to complain. Requests go to your union's chair.
button-member-self-fix = Ask for a correction
button-member-self-erase = Ask to delete my data
member-self-none = This account is not linked to a member record. Ask your union's chair for a code (the chair types “/moidv <your name>”).
member-self-none-officer = Yours is an officer's account, not linked to a member record. To see a unit's list, use /duyetdv (federation staff) or ask the union's chair.
member-self-fix-how = Write what to correct, e.g. “/suatoi hometown is Mỏ Cày Bắc, Bến Tre”. I will send the request to your union's chair.
member-self-asked = ✅ Your request was sent to the chair of { $unit }.
member-self-nobody = Nobody at { $unit } is linked to the assistant yet, so I could not send your request. Tell the union's chair directly.
member-request-fix = ✏️ Member { $name } (ID { $masked }) asks for a correction: { $detail }
    Press “Correct the record” to correct it here.
member-request-erase = 🗑 Member { $name } (ID { $masked }) asks for their personal data to be deleted. The member counts already reported stay as they are; the record becomes a nameless row.
button-member-erase = 🗑 Delete this member's data
member-erased = ✅ This member's personal data was deleted from the register of { $unit }; the member count is unchanged.
member-erased-already = This member's data was deleted already.
button-member-edit = ✏️ Correct the record
member-edit-how = Give the name of the member to correct, e.g. “sửa đoàn viên Nguyễn Văn An” or “/suadv Nguyễn Văn An”.
member-edit-not-grassroots = A member's record is corrected by the chair or an officer of the member's own grassroots union. If a record is wrong, tell that union's chair, or return the list with “/tralai <number> <reason>”.
member-edit-not-found = I cannot find “{ $name }” on the member list of { $unit }. Write the full name as it is on the list (type /danhsachdv to see it).
member-edit-open =
    ✏️ Correcting a member's record at { $unit }:
    { $line }
    Send the parts to correct as when entering, each with its label, e.g. “ngày sinh 12/03/1995”, “quê Bến Tre”, “tên Nguyễn Thị Lan”, “giới tính nữ”, or “CCCD” with all 12 digits. I will show old → new for you to check; the record changes only when you press “Save”.
member-edit-problems = The correction for { $name } cannot be used yet:
member-edit-resend = The record is unchanged. Send the part to correct again, e.g. “ngày sinh 12/03/1995” or “quê Bến Tre”.
member-edit-nothing = Nothing differs from the record of { $name } yet. Send the part to correct, e.g. “ngày sinh 12/03/1995” or “quê Bến Tre”.
member-edit-same-unit = ID number { $masked } is already that of { $name } on the list of { $unit }. Each person has one record, so I did not change it. Check the ID number.
member-edit-other-unit = ID number { $masked } already belongs to a member of { $unit }. Each person has one record in the whole system, so I did not change it. Check the ID number; if it really is the same person, contact the chair of { $unit }.
member-edit-card = ✏️ Correcting the record of { $name } ({ $unit }):
member-edit-change = { $field ->
    [fullName] Full name
    [gender] Gender
    [birthDate] Date of birth
    [idNumber] ID number
    [hometown] Hometown
    [joinedOn] Joined the union
    [cardNumber] Member card number
    [ethnicity] Ethnicity
   *[religion] Religion
}: { $before } → { $after }
member-edit-sensitive = Ethnicity and religion are sensitive data: kept only when the member has agreed to it separately.
member-edit-approved = This record was approved by the federation: it stays approved, and the correction goes to the audit log so the federation can update the national member software.
member-edit-card-how = If it is right, press “Save”; to correct more, send it. The full new ID number is shown only here, to you.
member-edit-cancelled = Cancelled; the record stays as it was.
member-edit-unchanged = Nothing differs to save; the record stays as it was.
member-edit-settled = This correction was dealt with already. To correct more, type “sửa đoàn viên <full name>”.
member-edited = ✅ Corrected the record of { $name } (ID { $masked }): { $fields }.
member-edited-approved = The record stays approved; the federation sees the correction in the audit log.
member-edited-told = I told the member through the account they linked.
member-corrected-notice = ✏️ Your member record at { $unit } was just corrected: { $fields }. Type /toi to see it; if something is still wrong, send “/suatoi <what to correct>”.
member-list-how = Give the unit's code, e.g. “/danhsachdv TD-CDCS-01”. A grassroots union's chair and officers type “/danhsachdv” to see their own union's list.
member-list-unknown = I cannot find the grassroots union “{ $code }” among the units you are in charge of. Check the unit's code.
member-list-empty = { $unit } has no members on its list yet. Send one member per message, or an Excel file.
member-list-heading = 📋 Member list of { $unit } ({ $count } people):
member-list-state = { $status ->
    [active] { $approval ->
        [approved] approved
        [returned] returned
       *[pending] awaiting approval
    }
    [moved] transferred out
    [retired] retired
   *[left] left the union
}
member-list-more = … and { $count } more (the federation downloads them all with /xuatdanhsach).
## Web dashboard
web-link =
    🔗 Your dashboard (works once, for { $minutes } minutes; do not pass it on):
    { $url }
    Sign out everywhere: /dangxuat
web-signed-out = Signed out of the dashboard in { $count } browser(s). Send /web when you need a new link.
web-signed-out-none = You are not signed in to the dashboard anywhere. Send /web when you need a link.
web-title = Trade Union Assistant — Dashboard
web-automated = Figures compiled by the Trade Union Assistant (an automated assistant) from reports sent in the chat.
web-login-heading = Sign in to the dashboard
web-login-confirm = Press the button below to open the dashboard of { $name }.
web-login-button = Open the dashboard
web-link-used = This link has been used already; each link works once. Send /web to the Trade Union Assistant for a new one.
web-link-expired = This link has expired (links work for { $minutes } minutes). Send /web to the Trade Union Assistant for a new one.
web-link-unknown = This link is not right. Send /web to the Trade Union Assistant for a new one, then open the link it sends.
web-link-limited = Too many links were opened from this device. Wait { $minutes } minutes and try again, or send /web for a new link.
web-signed-out-page = You are not signed in, or your session has ended. Send /web to the Trade Union Assistant on Telegram or Zalo for a sign-in link.
web-forbidden = You may not see this unit. The dashboard shows only the units you are in charge of; go back to the overview.
web-not-found = There is no such page. Go back to the overview.
web-csrf = This request did not come from the dashboard, so it was refused. Open the dashboard and act from there.
web-logout = Sign out
web-logged-out = Signed out in every browser. Send /web to the Trade Union Assistant to come back.
web-signed-in-as = { $name } · { $unit }
web-nav-overview = Overview
web-nav-units = Units
web-nav-tasks = Tasks
web-nav-announcements = Announcements
web-back-overview = Back to the overview
web-overview-heading = { $unit } — { $period }
web-as-of = Figures as of { $date }
web-targets-heading = Targets
web-no-targets = { $unit } has no targets for { $period }.
web-col-metric = Target
web-col-done = Done
web-col-target = Target
web-col-percent = Share
web-col-missing = Missing
web-col-deadline = Deadline
web-col-pace = Pace
web-col-unit = Unit
web-col-sector = Sector
web-col-last-report = Last report
web-col-chair = Chair
web-col-flags = Attention
web-pace-on = On pace
web-pace-behind = Behind pace
web-pace-reached = Reached
web-pace-none = —
web-each-units = { $reached }/{ $total } units reached
web-chart-heading = Progress chart
web-chart-alt = Progress chart of { $unit }: blue bars are on pace, red bars behind.
web-download = Download as Excel (.xlsx)
web-units-heading = Units under { $unit }
web-units-count = { $shown } / { $total } units
web-units-none = No unit matches the filter.
web-filter-metric = Target
web-filter-sector = Sector
web-filter-flag = Attention
web-filter-search = Search by name
web-filter-search-hint = e.g. xe om or xe ôm
web-filter-apply = Filter
web-filter-all = All
web-sector-state = State
web-sector-non_state = Non-state
web-sector-informal = Informal
web-sector-none = Unknown
web-flag-behind = Behind pace
web-flag-silent = Silent { $days } days
web-flag-no-chair = No chair
web-chair-yes = Linked
web-chair-no = No
web-never = No report yet
web-page = Page { $page }/{ $pages }
web-prev = ‹ Previous
web-next = Next ›
web-sort-by = Sort by { $column }
web-unit-targets = Targets and standing
web-unit-reports = Recent reports
web-unit-reports-none = The unit has sent no report yet.
web-col-day = Day
web-col-report = Report
web-col-reporter = Reported by
web-report-undone = undone
web-report-undo = undo of report { $id }
web-event-join = { $count } members admitted
web-event-join-informal = { $count } members admitted (informal)
web-event-leave = { $count } members left
web-event-found_union = { $count } grassroots unions founded
web-event-found_guild = { $count } guilds founded
web-event-party_referral = { $count } members referred to the Party
web-event-activity = { $count } activities
web-event-other = { $event }: { $count }
web-unit-tasks = Tasks
web-unit-members = Member lists awaiting approval
web-unit-members-none = No member list is awaiting approval.
web-unit-members-line = List { $id }: { $count } people, sent { $date }
web-unit-members-review = To see and approve them: send /duyetdv to the assistant in the chat and choose the list.
web-unit-members-waiting = Awaiting approval by the union above; you will be told in the chat when it is decided.
web-tasks-heading = Tasks of { $unit } and the units below
web-tasks-none = No tasks yet.
web-col-task = Task
web-col-due = Due
web-col-progress = Done by
web-task-done = Done
web-task-open = Not done
web-task-units-done = Units done
web-task-units-open = Units not done
web-announcements-heading = Announcements sent in { $unit }
web-announcements-none = No announcements sent yet.
web-col-sent = Sent
web-col-text = Text
web-col-recipients = Recipients
web-col-delivered = Delivered
web-col-failed = Failed
web-col-pending = Sending
web-too-many = The table has too many rows; filter it or download the Excel table.
