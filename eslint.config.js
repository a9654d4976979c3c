import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules", "data", "db/migrations", "db/migrations-pg", "coverage", ".scratch", "bench/.data"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["grammy", "@grammyjs/*"], message: "Only src/platforms may know grammY." }] },
      ],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Only src/config.ts reads the environment." },
      ],
    },
  },
  {
    // @grammyjs/i18n is used for what it is made for, loading Fluent locales; it needs no bot.
    files: ["src/platforms/**", "src/i18n.ts", "test/**", "bench/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // The checkpointer's worker thread is plain JavaScript run by Node: its timers are Node's globals.
    files: ["**/*.mjs"],
    languageOptions: { globals: { setInterval: "readonly", clearInterval: "readonly" } },
  },
  {
    files: ["src/config.ts", "test/**", "bench/**"],
    rules: { "no-restricted-properties": "off" },
  },
);
