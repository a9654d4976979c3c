// Fluent translations from locales/*.ftl, Vietnamese first. Commands get a plain translate function.
import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";

export type TranslateIn = (locale: string, key: string, args?: Record<string, string | number>) => string;

/** A translation already in the reader's language: what commands and reminders are given. */
export type Translate = (key: string, args?: Record<string, string | number>) => string;

/** The languages the bot answers in; a person's choice is stored as one of these. */
export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/**
 * The language to answer someone in, from what their app says it is set to ("en-GB" → "en").
 * The bot's users are Vietnamese: anything but English, or nothing at all, means Vietnamese.
 */
export function localeFromLanguageCode(languageCode: string | undefined): Locale {
  return languageCode?.toLowerCase().startsWith("en") ? "en" : "vi";
}

const directory = fileURLToPath(new URL("../locales", import.meta.url));

export function loadTranslations(): { i18n: I18n; translate: TranslateIn } {
  // Fluent wraps arguments in Unicode isolation marks by default; chat apps show them as stray boxes.
  const i18n = new I18n({ defaultLocale: "vi", directory, fluentBundleOptions: { useIsolating: false } });
  return { i18n, translate: (locale, key, args) => i18n.t(locale, key, args) };
}
