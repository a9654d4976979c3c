// Unit names that read like the real organisation chart: LĐLĐ of provinces and districts, CĐCS of
// companies, schools and communes, Nghiệp đoàn of informal workers. Made up from syllables, not a register.
import type { Random } from "./seeded-random.ts";

/** The 63 provinces and centrally-run cities, with a rough weight for how many unions they hold. */
export const PROVINCES: readonly [name: string, city: boolean, weight: number][] = [
  ["Hà Nội", true, 8],
  ["Hồ Chí Minh", true, 10],
  ["Hải Phòng", true, 3],
  ["Đà Nẵng", true, 2],
  ["Cần Thơ", true, 1.5],
  ["An Giang", false, 1],
  ["Bà Rịa - Vũng Tàu", false, 2],
  ["Bắc Giang", false, 2],
  ["Bắc Kạn", false, 0.4],
  ["Bạc Liêu", false, 0.6],
  ["Bắc Ninh", false, 3],
  ["Bến Tre", false, 0.8],
  ["Bình Định", false, 1],
  ["Bình Dương", false, 6],
  ["Bình Phước", false, 1.2],
  ["Bình Thuận", false, 0.8],
  ["Cà Mau", false, 0.7],
  ["Cao Bằng", false, 0.4],
  ["Đắk Lắk", false, 0.9],
  ["Đắk Nông", false, 0.5],
  ["Điện Biên", false, 0.4],
  ["Đồng Nai", false, 5],
  ["Đồng Tháp", false, 0.8],
  ["Gia Lai", false, 0.8],
  ["Hà Giang", false, 0.4],
  ["Hà Nam", false, 1],
  ["Hà Tĩnh", false, 0.8],
  ["Hải Dương", false, 1.8],
  ["Hậu Giang", false, 0.5],
  ["Hòa Bình", false, 0.6],
  ["Hưng Yên", false, 1.6],
  ["Khánh Hòa", false, 1],
  ["Kiên Giang", false, 0.9],
  ["Kon Tum", false, 0.4],
  ["Lai Châu", false, 0.3],
  ["Lâm Đồng", false, 0.9],
  ["Lạng Sơn", false, 0.5],
  ["Lào Cai", false, 0.6],
  ["Long An", false, 2.5],
  ["Nam Định", false, 1],
  ["Nghệ An", false, 1.4],
  ["Ninh Bình", false, 0.8],
  ["Ninh Thuận", false, 0.5],
  ["Phú Thọ", false, 1],
  ["Phú Yên", false, 0.6],
  ["Quảng Bình", false, 0.6],
  ["Quảng Nam", false, 1.1],
  ["Quảng Ngãi", false, 0.8],
  ["Quảng Ninh", false, 1.4],
  ["Quảng Trị", false, 0.5],
  ["Sóc Trăng", false, 0.6],
  ["Sơn La", false, 0.5],
  ["Tây Ninh", false, 1.2],
  ["Thái Bình", false, 1],
  ["Thái Nguyên", false, 1.3],
  ["Thanh Hóa", false, 1.6],
  ["Thừa Thiên Huế", false, 0.8],
  ["Tiền Giang", false, 1],
  ["Trà Vinh", false, 0.6],
  ["Tuyên Quang", false, 0.5],
  ["Vĩnh Long", false, 0.7],
  ["Vĩnh Phúc", false, 1.4],
  ["Yên Bái", false, 0.5],
];

const FIRST = [
  "An",
  "Bình",
  "Cẩm",
  "Châu",
  "Đông",
  "Đức",
  "Gia",
  "Hải",
  "Hòa",
  "Hoài",
  "Hưng",
  "Kim",
  "Lạc",
  "Long",
  "Mỹ",
  "Nam",
  "Phú",
  "Phước",
  "Quảng",
  "Tân",
  "Tây",
  "Thái",
  "Thanh",
  "Thạnh",
  "Thuận",
  "Trà",
  "Trường",
  "Vĩnh",
  "Xuân",
  "Yên",
];
const SECOND = [
  "Bình",
  "Điền",
  "Định",
  "Đông",
  "Giang",
  "Hải",
  "Hòa",
  "Hưng",
  "Khánh",
  "Lâm",
  "Lộc",
  "Lợi",
  "Mỹ",
  "Ninh",
  "Phát",
  "Phong",
  "Phước",
  "Riềng",
  "Sơn",
  "Thành",
  "Thịnh",
  "Thọ",
  "Tiến",
  "Trung",
  "Uyên",
  "Vinh",
  "Xuân",
  "Long",
  "An",
  "Việt",
];
const INDUSTRIES = [
  "May",
  "Giày da",
  "Điện tử",
  "Cơ khí",
  "Thực phẩm",
  "Chế biến gỗ",
  "Nhựa",
  "Dệt",
  "Xây dựng",
  "Vận tải",
  "Thủy sản",
  "Bao bì",
  "Dược phẩm",
  "Thép",
  "Logistics",
  "Phần mềm",
  "Nông sản",
  "Cao su",
  "Linh kiện",
  "Bê tông",
];
const SCHOOLS = ["Mầm non", "Tiểu học", "THCS", "THPT"];
const GUILD_TRADES = [
  "xe ôm",
  "xe ôm công nghệ",
  "tiểu thương chợ",
  "giúp việc nhà",
  "hớt tóc làm nail",
  "bốc xếp",
  "nghề cá",
  "giữ trẻ",
];

export function placeName(random: Random): string {
  for (;;) {
    const first = random.pick(FIRST);
    const second = random.pick(SECOND);
    if (first !== second) return `${first} ${second}`;
  }
}

export function provinceUnionName(name: string, city: boolean): string {
  return city ? `LĐLĐ thành phố ${name}` : `LĐLĐ tỉnh ${name}`;
}

export function districtUnionName(random: Random, provinceIsCity: boolean): string {
  const roll = random.next();
  const place = placeName(random);
  if (roll < 0.08) return `Công đoàn các KCN ${place}`;
  if (provinceIsCity) return roll < 0.6 ? `LĐLĐ quận ${place}` : `LĐLĐ huyện ${place}`;
  if (roll < 0.2) return `LĐLĐ thành phố ${place}`;
  if (roll < 0.3) return `LĐLĐ thị xã ${place}`;
  return `LĐLĐ huyện ${place}`;
}

export type LeafSector = "state" | "non_state" | "informal";

/** A grassroots union (a company, school, commune office, clinic) or, for the informal sector, a guild. */
export function leafUnionName(random: Random, sector: LeafSector): string {
  const place = placeName(random);
  if (sector === "informal") return `Nghiệp đoàn ${random.pick(GUILD_TRADES)} ${place}`;
  if (sector === "non_state") {
    const form = random.next() < 0.7 ? "TNHH" : "CP";
    return `CĐCS Công ty ${form} ${random.pick(INDUSTRIES)} ${place}`;
  }
  const roll = random.next();
  if (roll < 0.55) return `CĐCS Trường ${random.pick(SCHOOLS)} ${place}`;
  if (roll < 0.8) return `CĐCS UBND ${random.next() < 0.7 ? "xã" : "phường"} ${place}`;
  if (roll < 0.92) return `CĐCS Trạm Y tế ${place}`;
  return `CĐCS Bệnh viện Đa khoa ${place}`;
}

const FAMILY = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Huỳnh",
  "Phan",
  "Vũ",
  "Võ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Dương",
  "Lý",
];
const MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Đức", "Thu", "Quốc", "Kim"];
const GIVEN = [
  "An",
  "Bình",
  "Chi",
  "Dũng",
  "Giang",
  "Hà",
  "Hải",
  "Hoa",
  "Hùng",
  "Hương",
  "Khoa",
  "Lan",
  "Linh",
  "Mai",
  "Nam",
  "Nga",
  "Phương",
  "Quang",
  "Sơn",
  "Tâm",
  "Thảo",
  "Trang",
  "Tuấn",
  "Vân",
  "Yến",
];

/** A chair's name as Telegram shows it: family and middle names as last_name, the given name as first_name. */
export function personName(random: Random): { first: string; last: string } {
  return { first: random.pick(GIVEN), last: `${random.pick(FAMILY)} ${random.pick(MIDDLE)}` };
}
