import { notFoundProblem } from "../accounts/problems";
import type { SessionAccount } from "../accounts/sessions";
import { auditedBatch } from "../db/audit";
import { MEDIA_KEY, randomName } from "../lib/uploads";
import { productInScope } from "./coop-ops";

export async function storeProductImage(
  d1: D1Database,
  media: R2Bucket,
  account: SessionAccount,
  productId: string,
  image: { bytes: Uint8Array; ext: string; type: string },
) {
  const product = await productInScope(d1, account, productId);
  if (!product) throw notFoundProblem();
  const key = `products/${product.id}/${randomName()}.${image.ext}`;
  const path = `/media/${key}`;
  await media.put(key, image.bytes, { httpMetadata: { contentType: image.type } });
  try {
    await auditedBatch(
      d1,
      {
        actorId: account.id,
        action: "product.image",
        targetType: "product",
        targetId: product.id,
        beforeSql: { sql: "SELECT json_object('image', image) FROM products WHERE id = ?", params: [product.id] },
        after: { image: path, bytes: image.bytes.length, type: image.type },
      },
      [d1.prepare("UPDATE products SET image = ? WHERE id = ?").bind(path, product.id)],
    );
  } catch (error) {
    await media.delete(key);
    throw error;
  }
  // The previous upload is no longer shown anywhere (the bundled category pictures are not ours to delete).
  const old = product.image?.startsWith("/media/") ? product.image.slice("/media/".length) : null;
  if (old && MEDIA_KEY.test(old)) await media.delete(old);
  return { id: product.id, cooperative: product.cooperativeId, image: path };
}
