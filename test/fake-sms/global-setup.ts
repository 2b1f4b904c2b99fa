import type { Server } from "node:http";
import type { TestProject } from "vitest/node";
import { startFakeSms } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    fakeSmsUrl: string;
  }
}

let server: Server | undefined;

/** The worker tests' fake Aliyun SMS, over real HTTP from workerd. */
export async function setup(project: TestProject) {
  const fake = await startFakeSms();
  server = fake.server;
  project.provide("fakeSmsUrl", fake.url);
}

export async function teardown() {
  await new Promise((r) => server?.close(r));
}
