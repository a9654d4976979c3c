// The column headings officers give units, targets and ratings tables, and how a heading row is recognised.
import { RATING_HEADER, TARGET_HEADER, UNIT_HEADER } from "#domain/import.ts";
import { foldWords } from "#nlu/fold-diacritics.ts";

export type TableKind = "units" | "targets" | "ratings" | "members" | "cards";

/** A member list, as officers head its columns (the canonical names are the CLI's). */
export const MEMBER_HEADER = [
  "full_name",
  "birth_date",
  "gender",
  "id_number",
  "hometown",
  "joined_on",
  "card_number",
  "ethnicity",
  "religion",
] as const;
/** Card numbers the national software issued, by ID number. */
export const CARD_HEADER = ["id_number", "card_number"] as const;

interface Column {
  /** How the column is named back to the officer. */
  label: string;
  required: boolean;
  aliases: string[];
}

type Columns<Name extends string> = Record<Name, Column>;

const UNIT_COLUMNS: Columns<(typeof UNIT_HEADER)[number]> = {
  code: { label: "Mã đơn vị", required: true, aliases: ["Mã đơn vị", "Mã ĐV", "Mã số đơn vị", "Mã"] },
  name: { label: "Tên đơn vị", required: true, aliases: ["Tên đơn vị", "Tên ĐV", "Tên", "Đơn vị", "Tên công đoàn"] },
  parent_code: {
    label: "Mã đơn vị cấp trên",
    required: false,
    aliases: [
      "Mã đơn vị cấp trên",
      "Mã ĐV cấp trên",
      "Mã cấp trên",
      "Đơn vị cấp trên",
      "Cấp trên",
      "Công đoàn cấp trên",
    ],
  },
  kind: {
    label: "Loại hình",
    required: true,
    aliases: ["Loại hình", "Loại hình đơn vị", "Loại đơn vị", "Loại", "Cấp"],
  },
  sector: { label: "Khu vực", required: false, aliases: ["Khu vực", "Khu vực kinh tế", "KV"] },
  members: {
    label: "Số đoàn viên",
    required: false,
    aliases: ["Số đoàn viên", "Số ĐV", "Tổng số đoàn viên", "Đoàn viên"],
  },
  workers: {
    label: "Số lao động",
    required: false,
    aliases: ["Số lao động", "Số CNLĐ", "Số người lao động", "Số LĐ", "Tổng số lao động", "Số CNVCLĐ", "Lao động"],
  },
};

const TARGET_COLUMNS: Columns<(typeof TARGET_HEADER)[number]> = {
  unit_code: { label: "Mã đơn vị", required: true, aliases: ["Mã đơn vị", "Mã ĐV", "Mã số đơn vị", "Mã", "code"] },
  metric: {
    label: "Chỉ tiêu",
    required: true,
    aliases: ["Chỉ tiêu", "Tên chỉ tiêu", "Loại chỉ tiêu", "Nội dung chỉ tiêu"],
  },
  target: {
    label: "Số lượng",
    required: true,
    aliases: ["Số lượng", "Chỉ tiêu giao", "Chỉ tiêu được giao", "Số giao", "Số lượng giao"],
  },
  deadline: { label: "Hạn", required: false, aliases: ["Hạn", "Hạn hoàn thành", "Thời hạn", "Thời hạn hoàn thành"] },
};

const RATING_COLUMNS: Columns<(typeof RATING_HEADER)[number]> = {
  unit_code: { label: "Mã đơn vị", required: true, aliases: ["Mã đơn vị", "Mã ĐV", "Mã số đơn vị", "Mã", "code"] },
  year: { label: "Năm", required: true, aliases: ["Năm", "Năm đánh giá", "Năm xếp loại"] },
  rating: {
    label: "Xếp loại",
    required: true,
    aliases: ["Xếp loại", "Kết quả xếp loại", "Đánh giá", "Kết quả đánh giá", "Phân loại"],
  },
};

const ID_NUMBER: Column = {
  label: "Số CCCD",
  required: true,
  aliases: [
    "Số CCCD",
    "CCCD",
    "Số căn cước",
    "Số căn cước công dân",
    "Số định danh",
    "Số định danh cá nhân",
    "CMND/CCCD",
    "Số CMND/CCCD",
    "CCCD/CMND",
  ],
};
const CARD_NUMBER: Column = {
  label: "Số thẻ đoàn viên",
  required: false,
  aliases: ["Số thẻ đoàn viên", "Số thẻ ĐV", "Số thẻ", "Mã thẻ đoàn viên"],
};

const MEMBER_COLUMNS: Columns<(typeof MEMBER_HEADER)[number]> = {
  full_name: {
    label: "Họ và tên",
    required: true,
    aliases: ["Họ và tên", "Họ tên", "Họ và tên đoàn viên", "Tên đoàn viên"],
  },
  birth_date: {
    label: "Ngày sinh",
    required: true,
    aliases: ["Ngày sinh", "Ngày tháng năm sinh", "Ngày, tháng, năm sinh"],
  },
  gender: { label: "Giới tính", required: true, aliases: ["Giới tính", "Phái", "Nam/Nữ"] },
  id_number: ID_NUMBER,
  hometown: { label: "Quê quán", required: true, aliases: ["Quê quán", "Nguyên quán", "Quê"] },
  joined_on: {
    label: "Ngày vào công đoàn",
    required: true,
    aliases: [
      "Ngày vào công đoàn",
      "Ngày vào CĐ",
      "Ngày kết nạp",
      "Ngày kết nạp đoàn viên",
      "Ngày vào Công đoàn Việt Nam",
    ],
  },
  card_number: CARD_NUMBER,
  ethnicity: { label: "Dân tộc", required: false, aliases: ["Dân tộc"] },
  religion: { label: "Tôn giáo", required: false, aliases: ["Tôn giáo"] },
};

const CARD_COLUMNS: Columns<(typeof CARD_HEADER)[number]> = {
  id_number: ID_NUMBER,
  card_number: { ...CARD_NUMBER, required: true },
};

/** "Số đoàn viên (người)", "Mã đơn vị (*)": what is in brackets only explains the column. */
function foldHeading(text: string): string {
  return foldWords(text.replace(/\([^)]*\)/g, " "));
}

interface Layout {
  kind: TableKind;
  header: readonly string[];
  columns: Columns<string>;
  /** Folded heading → canonical name; the English CLI names included. */
  names: Map<string, string>;
}

function layout(kind: TableKind, header: readonly string[], columns: Columns<string>): Layout {
  const names = new Map<string, string>();
  for (const [name, column] of Object.entries(columns)) {
    for (const alias of [name, ...column.aliases]) {
      const earlier = names.get(foldHeading(alias));
      if (earlier !== undefined && earlier !== name)
        throw new Error(`heading "${alias}" would mean both ${earlier} and ${name}`);
      names.set(foldHeading(alias), name);
    }
  }
  return { kind, header, columns, names };
}

// Targets first: a targets table also has a unit code column, a units table never has Chỉ tiêu and Số lượng.
const LAYOUTS: Layout[] = [
  layout("targets", TARGET_HEADER, TARGET_COLUMNS),
  layout("ratings", RATING_HEADER, RATING_COLUMNS),
  layout("units", UNIT_HEADER, UNIT_COLUMNS),
  // A member list also has card numbers: the card file is what is left when a table is not a member list.
  layout("members", MEMBER_HEADER, MEMBER_COLUMNS),
  layout("cards", CARD_HEADER, CARD_COLUMNS),
];

export interface Heading {
  kind: TableKind;
  /** The canonical names every row carries, in the CLI's order. */
  header: string[];
  /** Canonical name → the 0-based position of its column; the first of two same-named columns wins. */
  positions: Map<string, number>;
}

export interface NearMiss {
  found: string[];
  missing: string[];
}

/** Reads one row as a heading row: a Heading when it names every required column of a table. */
export function readHeading(cells: string[]): Heading | NearMiss {
  let best: NearMiss = { found: [], missing: [] };
  for (const { kind, header, columns, names } of LAYOUTS) {
    const positions = new Map<string, number>();
    cells.forEach((cell, position) => {
      const name = names.get(foldHeading(cell));
      if (name !== undefined && !positions.has(name)) positions.set(name, position);
    });
    const required = Object.entries(columns).filter(([, column]) => column.required);
    const missing = required.filter(([name]) => !positions.has(name)).map(([, column]) => column.label);
    if (missing.length === 0) return { kind, header: [...header], positions };
    if (positions.size > best.found.length) {
      best = { found: [...positions.keys()].map((name) => columns[name]?.label ?? name), missing };
    }
  }
  return best;
}

export function isHeading(read: Heading | NearMiss): read is Heading {
  return "kind" in read;
}

const describe = (columns: Columns<string>) => {
  const all = Object.values(columns);
  const optional = all.filter((c) => !c.required).map((c) => c.label);
  const required = all.filter((c) => c.required).map((c) => c.label);
  return `${required.join(", ")}${optional.length > 0 ? ` (có thể thêm ${optional.join(", ")})` : ""}`;
};

/** The headings a table needs, said to an officer. */
export const EXPECTED_HEADINGS =
  `Bảng đơn vị cần các cột ${describe(UNIT_COLUMNS)}. ` +
  `Bảng chỉ tiêu cần các cột ${describe(TARGET_COLUMNS)}. ` +
  `Danh sách đoàn viên cần các cột ${describe(MEMBER_COLUMNS)}.`;
