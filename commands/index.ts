// Every command, mounted in one place.
import { addMetric } from "./add-metric.ts";
import { allocate } from "./allocate.ts";
import { auditLog } from "./audit-log.ts";
import { broadcast } from "./broadcast.ts";
import { crossLink, remindWhere, useLinkCode } from "./cross-link.ts";
import { deadlines } from "./deadlines.ts";
import { policy } from "./policy.ts";
import { reminderActions, unmute } from "./reminder-actions.ts";
import { assignTask, taskDone } from "./tasks.ts";
import { foundUnit } from "./found-unit.ts";
import { exportReport } from "./export.ts";
import { invite } from "./invite.ts";
import { importFile } from "./import-file.ts";
import { language } from "./language.ts";
import { greet, help, thanks } from "./help.ts";
import { progress, remaining } from "./remaining.ts";
import { confirmReport, report } from "./report.ts";
import { link } from "./link.ts";
import { memberEntry } from "./members.ts";
import { memberApproval } from "./member-approval.ts";
import { memberExport } from "./member-export.ts";
import { memberDeparture } from "./member-departure.ts";
import { memberEdit } from "./member-edit.ts";
import { memberSelf } from "./member-self.ts";
import { memberList } from "./member-list.ts";
import type { Command } from "./types.ts";
import { undo } from "./undo.ts";
import { unlink } from "./unlink.ts";
import { unknown } from "./unknown.ts";
import { webLogin, webLogout } from "./web.ts";

export type { Choice, Command, Reply, Request, Sender, Services, Translate } from "./types.ts";

export const commands: Command[] = [
  report,
  confirmReport,
  memberEntry,
  memberApproval,
  memberExport,
  memberDeparture,
  memberEdit,
  memberSelf,
  memberList,
  foundUnit,
  remaining,
  progress,
  deadlines,
  undo,
  exportReport,
  importFile,
  allocate,
  broadcast,
  assignTask,
  taskDone,
  reminderActions,
  unmute,
  policy,
  auditLog,
  link,
  invite,
  crossLink,
  useLinkCode,
  unlink,
  remindWhere,
  addMetric,
  webLogin,
  webLogout,
  language,
  help,
  greet,
  thanks,
  unknown,
];
