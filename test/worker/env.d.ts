import type { D1Migration } from "cloudflare:test";
import type { Bindings } from "@functions/env";

declare global {
  namespace Cloudflare {
    interface Env extends Bindings {
      TEST_MIGRATIONS: D1Migration[];
      /** The fake Aliyun SMS server's address (test/fake-sms/). */
      FAKE_SMS_URL: string;
    }
  }
}
