// The lint gate (`npm run lint`, part of `npm test`): Next's rules, the React hooks rules, and the layers – what
// the browser bundle may reach, and which server parts may lean on which. Import cycles are refused by dpdm
// (`npm run cycles`, also part of `npm run lint`): import/no-cycle took 66 of ESLint's 99 s here, dpdm takes 8.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import importPlugin from "eslint-plugin-import";
import reactHooks from "eslint-plugin-react-hooks";

const root = import.meta.dirname;

// The only lib/ modules the browser may load: pure code with no `import "server-only"` and no Node builtins.
// components/ may import these and nothing else from lib/; they themselves may import only each other (enforced
// below), so the list cannot quietly start pulling server code in. Adding a module here is a decision: say why.
// Paths are relative to lib/; a folder means everything in it.
export const CLIENT_SAFE = [
  "api", // fetcher, error class, query/mutation factories, API types and zod schemas
  "format.ts", // sizes, dates, plurals
  "routes.ts", // every link the UI builds (Issue 15, branch h-names)
  "auth/roles.ts", // the role names and what each may do
  "docker/engine-config.ts", // engine id and URL rules, shared by the engine form and the server
  "schedule/cron.ts", // the cron parser the schedule form validates with
  "schedule/next-runs.ts", // the preview of a schedule's next runs
  "schedule/describe.ts", // a cron expression in words
  "backup/new-volume-labels.ts", // which labels a restored or cloned volume keeps (pure)
  "policies/schemas.ts", // the policy request schema the policy form validates with (issue 13)
  "policies/glob.ts", // name patterns, used by that schema (pure)
  "policies/select.ts", // which volumes a selector picks: the form's "matches N volumes now" (pure)
];
const clientSafeFiles = CLIENT_SAFE.map((p) => (p.endsWith(".ts") ? `lib/${p}` : `lib/${p}/**/*.{ts,tsx}`));

// import/no-restricted-paths, but blind to type-only imports: `import type` is erased at build time, so a client
// module may name a type that a server module owns (lib/api/admin-queries.ts does, for User, Token, AuditEntry).
const restrictedRuntimePaths = {
  ...importPlugin.rules["no-restricted-paths"],
  create(context) {
    const listeners = importPlugin.rules["no-restricted-paths"].create(context);
    const typeOnly = (node) =>
      node.importKind === "type" ||
      node.exportKind === "type" ||
      (node.type === "ImportDeclaration" && node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type"));
    return Object.fromEntries(Object.entries(listeners).map(([key, fn]) => [key, (node) => (typeOnly(node) ? undefined : fn(node))]));
  },
};

// eslint-plugin-react-hooks v7's React Compiler-based rules (the classic two are rules-of-hooks, exhaustive-deps).
// All stay errors in components/ and app/: the code met them with two small fixes.
const REACT_COMPILER_RULES = Object.keys(reactHooks.configs.recommended.rules).filter(
  (rule) => rule !== "react-hooks/rules-of-hooks" && rule !== "react-hooks/exhaustive-deps",
);

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ["node_modules/**", ".next/**", ".next-*/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    name: "voldeck/all",
    plugins: { voldeck: { rules: { "no-restricted-runtime-paths": restrictedRuntimePaths } } },
    // One lint run sees each import resolved once (the default forgets after 30 s, and a run here takes longer).
    settings: { "import/cache": { lifetime: Infinity } },
    rules: {
      // The classic hooks rules stay errors: a broken hook order or a stale closure is a real bug.
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // Next's <Link> prefetches each link as it scrolls into view: a server render per link, on every page load.
    name: "voldeck/intent-links",
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ignores: ["components/ui/IntentLink.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "next/link", message: "use IntentLink (components/ui/IntentLink.tsx): it prefetches on hover, focus or touch only." }] },
      ],
    },
  },
  {
    name: "voldeck/no-react-here",
    files: ["lib/**", "scripts/**", "test/**", "e2e/**", "*.{js,mjs,ts}"],
    rules: {
      // No React in these folders: the React Compiler-based rules compile every function they see and took a
      // third of the run here for nothing. rules-of-hooks stays (cheap), except in e2e (below).
      ...Object.fromEntries(REACT_COMPILER_RULES.map((rule) => [rule, "off"])),
    },
  },
  {
    name: "voldeck/tests",
    files: ["test/**", "e2e/**"],
    rules: {
      // Playwright's fixtures get a `use` callback that is not React's `use`.
      "react-hooks/rules-of-hooks": "off",
      // Test helpers hand back parsed JSON bodies the tests then read field by field; their assertions check the
      // shapes, so typing every helper's answer would only restate lib/api/types.ts.
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    name: "voldeck/layers",
    files: ["lib/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          basePath: root,
          zones: [
            {
              target: "components",
              from: "lib",
              except: CLIENT_SAFE,
              message: "components/ runs in the browser: import only the client-safe lib modules (CLIENT_SAFE in eslint.config.mjs).",
            },
            {
              target: "lib/docker",
              from: "lib/backup",
              message: "lib/docker sits below lib/backup: move what both need into lib/docker (or lower), never up.",
            },
          ],
        },
      ],
    },
  },
  {
    name: "voldeck/client-safe",
    files: clientSafeFiles,
    ignores: ["**/*.test.ts"],
    rules: {
      "import/no-nodejs-modules": "error",
      "no-restricted-imports": ["error", { paths: [{ name: "server-only", message: "client-safe modules run in the browser too." }] }],
      "voldeck/no-restricted-runtime-paths": [
        "error",
        {
          basePath: root,
          zones: [
            {
              target: CLIENT_SAFE.map((p) => `lib/${p}`),
              from: "lib",
              except: CLIENT_SAFE,
              message: "a client-safe module may import only other client-safe modules (CLIENT_SAFE in eslint.config.mjs).",
            },
          ],
        },
      ],
    },
  },
];

export default config;
