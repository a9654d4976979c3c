// The tasks and announcements tables as sheets laid out like the chat's export: a title in capitals, the
// unit and the date under it, Vietnamese headings, one numbered row each.
import type { Unit } from "#db/repositories/units.ts";
import { viDate } from "#domain/calendar.ts";
import type { ListSheet } from "#src/workbooks/list-workbook.ts";
import type { AnnouncementLine } from "./announcements-page.tsx";
import type { TaskLine } from "./tasks-page.tsx";

const subtitleOf = (top: Unit, today: string) => `${top.name} — số liệu đến ngày ${viDate(today)}`;

/** Each task with how many of the units it asks something of have done it, then those that have not. */
export function taskSheets(top: Unit, today: string, tasks: TaskLine[]): ListSheet[] {
  const summary: ListSheet = {
    sheetName: "Nhiệm vụ",
    title: "TÌNH HÌNH THỰC HIỆN NHIỆM VỤ",
    subtitle: subtitleOf(top, today),
    columns: [
      { heading: "Nhiệm vụ", width: 46, kind: "text" },
      { heading: "Hạn", width: 12, kind: "short" },
      { heading: "Số đơn vị phải thực hiện", width: 14, kind: "count" },
      { heading: "Đã thực hiện", width: 13, kind: "count" },
      { heading: "Chưa thực hiện", width: 13, kind: "count" },
      { heading: "Tỷ lệ", width: 11, kind: "rate" },
    ],
    rows: tasks.map((task) => [
      task.title,
      viDate(task.dueOn),
      task.owing,
      task.done.length,
      task.open.length,
      task.owing > 0 ? task.done.length / task.owing : null,
    ]),
  };
  const open = tasks.flatMap((task) => task.open.map((unit) => [task.title, viDate(task.dueOn), unit.code, unit.name]));
  if (open.length === 0) return [summary];
  const missing: ListSheet = {
    sheetName: "Đơn vị chưa thực hiện",
    title: "ĐƠN VỊ CHƯA THỰC HIỆN NHIỆM VỤ",
    subtitle: subtitleOf(top, today),
    columns: [
      { heading: "Nhiệm vụ", width: 40, kind: "text" },
      { heading: "Hạn", width: 12, kind: "short" },
      { heading: "Mã đơn vị", width: 14, kind: "short" },
      { heading: "Tên đơn vị", width: 46, kind: "text" },
    ],
    rows: open,
  };
  return [summary, missing];
}

/** Announcements sent in the subtree with how many reached their people, and the sums. */
export function announcementSheet(top: Unit, today: string, lines: AnnouncementLine[]): ListSheet {
  return {
    sheetName: "Thông báo",
    title: "THÔNG BÁO ĐÃ GỬI VÀ KẾT QUẢ GỬI",
    subtitle: subtitleOf(top, today),
    columns: [
      { heading: "Ngày gửi", width: 12, kind: "short" },
      { heading: "Đơn vị gửi", width: 30, kind: "text" },
      { heading: "Nội dung", width: 60, kind: "text" },
      { heading: "Số người nhận", width: 12, kind: "count" },
      { heading: "Đã nhận", width: 11, kind: "count" },
      { heading: "Không gửi được", width: 12, kind: "count" },
      { heading: "Đang chờ gửi", width: 12, kind: "count" },
    ],
    rows: lines.map((line) => [
      viDate(line.sentAt),
      line.unit,
      line.text,
      line.recipients,
      line.delivered,
      line.failed,
      line.pending,
    ]),
    totals: true,
  };
}
