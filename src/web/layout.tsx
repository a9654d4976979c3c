// The page shell of the dashboard: header, tabs, and the style sheet, served as a file so that the CSP
// needs no 'unsafe-inline'.
import type { Child } from "hono/jsx";
import type { Translate } from "#src/i18n.ts";

export interface Shell {
  t: Translate;
  locale: string;
  base: string;
  /** Shown in the header; absent on the sign-in pages. */
  who?: { name: string; unit: string };
  /** The tab that is open. */
  tab?: "overview" | "units" | "tasks" | "announcements";
  /** Tabs beyond the unit page are for people above the grassroots. */
  staff?: boolean;
}

export function Page(props: Shell & { title: string; children?: Child }) {
  const { t, base, who, tab, staff } = props;
  const tabs = [
    ["overview", "", t("web-nav-overview")],
    ["units", "/don-vi", t("web-nav-units")],
    ["tasks", "/nhiem-vu", t("web-nav-tasks")],
    ["announcements", "/thong-bao", t("web-nav-announcements")],
  ] as const;
  return (
    <html lang={props.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${props.title} · ${t("web-title")}`}</title>
        <link rel="stylesheet" href={`${base}/app.css`} />
      </head>
      <body>
        <header>
          <strong>{t("web-title")}</strong>
          {who && (
            <form method="post" action={`${base}/dang-xuat`} class="out">
              <span>{t("web-signed-in-as", { name: who.name, unit: who.unit })}</span>
              <button type="submit">{t("web-logout")}</button>
            </form>
          )}
        </header>
        {who && staff && (
          <nav>
            {tabs.map(([key, path, label]) => (
              <a
                href={`${base}${path}` || "/"}
                class={key === tab ? "on" : undefined}
                aria-current={key === tab ? "page" : undefined}
              >
                {label}
              </a>
            ))}
          </nav>
        )}
        <main>{props.children}</main>
        <footer>{t("web-automated")}</footer>
      </body>
    </html>
  );
}

/** A page that only says something: a refused link, a signed-out visitor, a unit out of reach. */
export function Notice(props: Shell & { title: string; text: string; link?: { href: string; label: string } }) {
  return (
    <Page {...props}>
      <h1>{props.title}</h1>
      <p class="notice">{props.text}</p>
      {props.link && (
        <p>
          <a href={props.link.href}>{props.link.label}</a>
        </p>
      )}
    </Page>
  );
}

/** A table that scrolls sideways on a phone instead of squeezing its columns. */
export function Scroll(props: { children?: Child; label: string }) {
  return (
    <div class="scroll" role="region" aria-label={props.label} tabindex={0}>
      {props.children}
    </div>
  );
}

export const STYLES = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1b1f24;background:#f4f6f9;font-size:15px;line-height:1.45}
header{display:flex;flex-wrap:wrap;gap:8px;align-items:center;justify-content:space-between;background:#1f5fa8;color:#fff;padding:10px 16px}
header .out{display:flex;gap:8px;align-items:center;font-size:13px;margin:0}
header button{background:#fff;color:#1f5fa8;border:0;border-radius:6px;padding:6px 10px;font-size:13px;cursor:pointer}
nav{display:flex;gap:4px;overflow-x:auto;background:#fff;border-bottom:1px solid #d5dbe3;padding:0 8px}
nav a{padding:10px 12px;color:#1f5fa8;text-decoration:none;white-space:nowrap;border-bottom:3px solid transparent}
nav a.on{border-bottom-color:#1f5fa8;font-weight:600}
main{max-width:1200px;margin:0 auto;padding:12px 16px 32px}
h1{font-size:20px;margin:8px 0 4px}
h2{font-size:17px;margin:20px 0 8px}
.muted{color:#5b6470;font-size:13px}
.notice{background:#fff;border-left:4px solid #1f5fa8;padding:12px;border-radius:4px}
.scroll{overflow-x:auto;background:#fff;border:1px solid #d5dbe3;border-radius:6px}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{padding:7px 9px;border-bottom:1px solid #e6eaf0;text-align:left;vertical-align:top}
th{background:#eef3f9;font-weight:600;white-space:nowrap}
th a{color:inherit}
td.n,th.n{text-align:right;white-space:nowrap}
tbody tr:hover{background:#f7f9fc}
td.name{min-width:180px}
.behind{color:#b00020;font-weight:600}
.reached{color:#116329;font-weight:600}
.flag{display:inline-block;font-size:12px;border-radius:10px;padding:1px 8px;margin:1px 2px 1px 0;background:#fdecea;color:#8a1c12;white-space:nowrap}
.flag.silent{background:#fff4e0;color:#7a4b00}
.flag.nochair{background:#eceff3;color:#3b4450}
del{color:#7b8591}
form.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end;margin:8px 0 12px}
form.filters label{display:flex;flex-direction:column;font-size:13px;gap:2px}
form.filters input,form.filters select{font-size:15px;padding:6px;border:1px solid #b8c2cf;border-radius:6px;min-width:140px}
form.filters button,.button{font-size:15px;padding:7px 14px;border:0;border-radius:6px;background:#1f5fa8;color:#fff;text-decoration:none;display:inline-block;cursor:pointer}
.pager{display:flex;gap:12px;align-items:center;margin:10px 0}
img.chart{max-width:100%;height:auto;background:#fff;border:1px solid #d5dbe3;border-radius:6px}
details{background:#fff;border:1px solid #e6eaf0;border-radius:6px;padding:6px 10px;margin:4px 0}
footer{max-width:1200px;margin:0 auto;padding:0 16px 24px;color:#5b6470;font-size:12px}
@media (max-width:600px){main{padding:10px}th,td{padding:6px}h1{font-size:18px}}
`;
