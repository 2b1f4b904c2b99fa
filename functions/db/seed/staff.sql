-- Demo dashboard accounts for the LOCAL portal only (README "Demo data"). The
-- passwords are public, which is why these rows exist nowhere but here: a real
-- deployment starts with `npm run admin:create`. Hashes made with
-- `npm run hash-password`. Idempotent: running it twice changes nothing.
--   admin@jinchuan.example   / jinchuan-demo-admin     (county staff)
--   gajian@jinchuan.example  / jinchuan-demo-operator  (operator of Gajian Lawn)
--   anning@jinchuan.example  / jinchuan-demo-cooperative (member of the Anning pear products cooperative)
--   editor@jinchuan.example  / jinchuan-demo-editor    (editor for the human resources and agriculture bureaus)
--   reviewer@jinchuan.example / jinchuan-demo-reviewer (reviewer for the same two bureaus)
INSERT INTO accounts (email, name, role, password_hash) VALUES
  ('admin@jinchuan.example', '县政务服务中心（演示）', 'admin', 'pbkdf2-sha256$100000$1ZYPyQbwM+pLK2yQ/z0Ezg==$fqdV40fijME5q4Yid5IZpLNqapGkCzpbKH2lHqd6Om8='),
  ('gajian@jinchuan.example', '嘎尖草坪营地（演示）', 'operator', 'pbkdf2-sha256$100000$LpAY9XjEs65t0xFUBxzQtg==$t60crfQAFI3jFi3YJ4lsp70gu3UD9N6QA3sVNjLRd9c=')
ON CONFLICT (email) DO NOTHING;

INSERT INTO accounts (email, name, role, cooperative_id, password_hash)
SELECT 'anning@jinchuan.example', '王秀英（演示）', 'cooperative', id, 'pbkdf2-sha256$100000$yFbsVGVDLibWUYPuIRuhnQ==$nyxKKTn/EceN9nE+WNUhy9B2Rqa1lIDP2JTTFB+Yejk='
FROM cooperatives WHERE id = 'anning-pear-processing'
ON CONFLICT (email) DO NOTHING;

INSERT INTO account_campsites (account_id, campsite_id)
SELECT a.id, c.id FROM accounts a JOIN campsites c ON c.slug = 'gajian-lawn'
WHERE a.email = 'gajian@jinchuan.example'
ON CONFLICT (account_id, campsite_id) DO NOTHING;

INSERT INTO accounts (email, name, role, password_hash) VALUES
  ('editor@jinchuan.example', '李编辑（演示）', 'editor', 'pbkdf2-sha256$100000$sb5SGpoUv3ciN2ni0QAlug==$IXwqhPIuHC2zz8aL7Zzi69AMRcVPe5OOqUKUtokExZM='),
  ('reviewer@jinchuan.example', '张审核（演示）', 'reviewer', 'pbkdf2-sha256$100000$d1nZ700Wjp+60y6idpLYHQ==$oDa7G5MN4gFe3BMxXUqZm6xmuDseieqLecRQ/22DnSY=')
ON CONFLICT (email) DO NOTHING;

INSERT INTO account_agencies (account_id, agency)
SELECT a.id, g.agency FROM accounts a, (SELECT 'human-resources-bureau' AS agency UNION ALL SELECT 'agriculture-bureau') g
WHERE a.email IN ('editor@jinchuan.example', 'reviewer@jinchuan.example')
ON CONFLICT (account_id, agency) DO NOTHING;
