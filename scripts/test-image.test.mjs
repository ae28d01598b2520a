import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { baseImages } from "./test-image.mjs";

const dir = mkdtempSync(path.join(os.tmpdir(), "voldeck-dockerfile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (text) => {
  const file = path.join(dir, `Dockerfile-${Math.random()}`);
  writeFileSync(file, text);
  return file;
};

describe("baseImages", () => {
  it("names each image the FROM lines pull, once, and not a stage built earlier in the file", () => {
    const file = write("FROM node:22-bookworm-slim AS builder\nRUN x\nfrom debian:bookworm as tools\nFROM builder AS test\nFROM node:22-bookworm-slim\n");
    expect(baseImages(file)).toEqual(["node:22-bookworm-slim", "debian:bookworm"]);
  });
  it("reads the repository's Dockerfile: the image test makes exactly these", () => {
    expect(baseImages()).toEqual(["node:22-bookworm-slim"]);
  });
});
