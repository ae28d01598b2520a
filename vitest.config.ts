import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(__dirname), "server-only": path.resolve(__dirname, "test/server-only-stub.ts") };

export default defineConfig({
  test: {
    projects: [
      // Pure functions, beside the code; no engine needed.
      // Modules that touch the embedded database get a throwaway data dir.
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.mjs"],
          environment: "node",
          env: { VOLDECK_DATA_DIR: path.join(os.tmpdir(), `voldeck-unit-${process.pid}`) },
        },
      },
      // Real HTTP against a running console and a private engine (scripts/run-tests.mjs starts both).
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      // The container image, built by scripts/run-tests.mjs on a private engine of its own.
      {
        resolve: { alias },
        test: {
          name: "image",
          include: ["test/image/**/*.test.ts"],
          environment: "node",
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
