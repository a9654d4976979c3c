// How much of a table the bot reads. A province's units fit well inside these; past them a file is a
// mistake or an attack, and reading stops at the limit rather than after the whole file is in memory.

/** Bytes of XML the files inside an .xlsx may expand to, all together. */
export const MAX_EXPANDED_BYTES = 50 * 1024 * 1024;
export const MAX_ROWS = 200_000;
export const MAX_COLUMNS = 100;
export const MAX_CELL_CHARS = 2_000;

const vi = (n: number) => n.toLocaleString("vi-VN");

/** Thrown while reading; its message is the one sentence the officer is told. */
export class TableTooLarge extends Error {}

export const tooExpanded = () =>
  new TableTooLarge(
    `Tệp Excel này khi giải nén lớn hơn ${vi(MAX_EXPANDED_BYTES / 1024 / 1024)} MB, vượt giới hạn tôi đọc được, nên tôi chưa nhập gì; ` +
      "hãy chép riêng bảng cần nhập sang một tệp mới (bỏ các trang, cột và định dạng thừa) rồi gửi lại.",
  );

export const tooManyRows = () =>
  new TableTooLarge(
    `Bảng có hơn ${vi(MAX_ROWS)} dòng, vượt giới hạn một lần nhập, nên tôi chưa nhập gì; ` +
      `hãy chia bảng thành nhiều tệp, mỗi tệp không quá ${vi(MAX_ROWS)} dòng, rồi gửi lần lượt.`,
  );

export const tooManyColumns = (line: number) =>
  new TableTooLarge(
    `Dòng ${line} có hơn ${vi(MAX_COLUMNS)} cột, vượt giới hạn, nên tôi chưa nhập gì; ` +
      "hãy xoá các cột không thuộc bảng rồi gửi lại.",
  );

export const cellTooLong = (line: number) =>
  new TableTooLarge(
    `Một ô ở dòng ${line} dài hơn ${vi(MAX_CELL_CHARS)} ký tự, vượt giới hạn, nên tôi chưa nhập gì; ` +
      "hãy rút gọn nội dung ô đó rồi gửi lại.",
  );
