-- New-order e-mails move from order_notices onto the outbox: one row per address, as the checkout now writes them.
-- Mails already sent keep their time and message id (the cooperative dashboard's "mailed at").
INSERT INTO `outbox` (`channel`, `recipient`, `kind`, `lang`, `params`, `order_id`, `status`, `due_at`, `attempts`, `sent_at`, `provider_message_id`, `created_at`)
SELECT 'email', r.value, 'order-new', 'zh-CN', json_object('reference', o.reference, 'about', 'order'), o.id, 'sent', n.sent_at, n.attempts, n.sent_at, n.message_id, o.created_at
FROM `order_notices` n JOIN `orders` o ON o.id = n.order_id, json_each(n.recipients) r
WHERE n.sent_at IS NOT NULL AND n.message_id IS NOT NULL AND json_valid(n.recipients);
--> statement-breakpoint
-- Orders of the last day not yet announced (a failed or unfinished send) are announced from the outbox.
INSERT INTO `outbox` (`channel`, `recipient`, `kind`, `lang`, `params`, `order_id`, `due_at`)
SELECT 'email', a.email, 'order-new', 'zh-CN', json_object('reference', o.reference, 'about', 'order'), o.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM `orders` o JOIN `accounts` a ON a.role = 'cooperative' AND a.cooperative_id = o.cooperative_id
  AND a.disabled_at IS NULL AND a.password_hash IS NOT NULL
WHERE o.status = 'placed' AND o.created_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 day')
  AND NOT EXISTS (SELECT 1 FROM `order_notices` n WHERE n.order_id = o.id AND n.sent_at IS NOT NULL);
--> statement-breakpoint
DROP TABLE `order_notices`;
