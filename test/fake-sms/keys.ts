/** The fake Aliyun SMS's credentials: any AccessKeyId with this prefix has this secret. */
export const FAKE_SMS_SECRET = "fake-aliyun-secret-0123456789";
export const FAKE_SMS_KEY_PREFIX = "LTAI-test-";
/** Template codes as a county would register them, by kind and language. */
export const FAKE_SMS_TEMPLATES = JSON.stringify({ "recovery:zh-CN": "SMS_480001", "recovery:en": "SMS_480002" });
export const FAKE_SMS_SIGN_NAME = "金川县人民政府";

/**
 * The browser tests' provider: a template for Chinese texts only, so the Chinese
 * pages show what happens when texts go out and the English ones the call list.
 */
export const BROWSER_SMS = {
  ALIYUN_SMS_ACCESS_KEY_ID: `${FAKE_SMS_KEY_PREFIX}browser`,
  ALIYUN_SMS_ACCESS_KEY_SECRET: FAKE_SMS_SECRET,
  ALIYUN_SMS_SIGN_NAME: FAKE_SMS_SIGN_NAME,
  ALIYUN_SMS_TEMPLATES: JSON.stringify({
    "recovery:zh-CN": "SMS_480001",
    "order-confirmed:zh-CN": "SMS_480101",
    "order-ready:zh-CN": "SMS_480103",
    "booking-made:zh-CN": "SMS_480010",
    "booking-cancelled:zh-CN": "SMS_480013",
  }),
};
