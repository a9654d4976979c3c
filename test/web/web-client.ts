// A person's browser as far as HTTP goes: follows the link the bot sent, keeps the session cookie.
import type { Person, World } from "#test/world.ts";

export function linkIn(reply: string): string {
  const link = /https?:\/\/\S+\/dang-nhap\/[A-Za-z0-9_-]+/.exec(reply)?.[0];
  if (!link) throw new Error(`no login link in: ${reply}`);
  return link;
}

export const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);

export class WebClient {
  cookie: string | undefined;
  constructor(
    readonly world: World,
    /** The Origin the browser sends with a POST: the page's own unless a test says otherwise. */
    readonly origin = world.url,
  ) {}

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.world.request(path, {
      headers: { ...headers, ...(this.cookie ? { cookie: this.cookie } : {}) },
      redirect: "manual",
    });
  }

  async post(path: string, form: Record<string, string>, origin = this.origin): Promise<Response> {
    const response = await this.world.request(path, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin,
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: new URLSearchParams(form).toString(),
      redirect: "manual",
    });
    const set = response.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0];
    return response;
  }

  /** Opens a login link as a browser does: the page, then the form it submits. */
  async open(link: string): Promise<Response> {
    const path = new URL(link).pathname;
    const page = await this.get(path);
    if (page.status !== 200) return page;
    return this.post(path.replace(/\/[^/]+$/, ""), { token: tokenOf(link) });
  }

  /** Asks the bot for a link and opens it. */
  async signInAs(person: Person): Promise<Response> {
    return this.open(linkIn(await person.says("/web")));
  }
}
