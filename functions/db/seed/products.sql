-- Demo produce for the local portal only: fictional cooperatives with
-- well-formed unified social credit codes (check digits computed per
-- GB 32100-2015; Jinchuan's division code 513221). Prices are in fen.
-- Seasons are month bit masks: 4095 all year, 3968 Aug-Dec, 1920 Aug-Nov,
-- 3840 Sep-Dec, 48 May-Jun, 28 Mar-May, 120 Apr-Jul.
-- Idempotent: running it twice changes nothing.
INSERT INTO cooperatives (id, name_zh, name_en, credit_code, township_zh, township_en, village_zh, village_en, description_zh, description_en, contact_name, contact_phone, verified, certifications) VALUES
  ('shaer-snow-pear', '金川县沙耳乡雪梨种植专业合作社', 'Shaer Snow Pear Growers'' Cooperative', '93513221MA6CK1B780', '沙耳乡', 'Shaer Township', '沙耳村', 'Shaer Village',
   '由沙耳乡 126 户果农组成，在大金川河东岸种植**金川雪梨**和金花梨。

- 树龄 30 年以上的老梨树
- 人工采摘，当天分拣装箱',
   'A cooperative of 126 orchard families in Shaer Township growing **Jinchuan snow pears** and golden pears on the east bank of the Dajinchuan River.

- Pear trees over 30 years old
- Picked by hand, sorted and boxed the same day',
   '杨德清', '13890412201', 1,
   '[{"zh-CN":"金川雪梨 国家地理标志保护产品","en":"Jinchuan snow pear: national geographical indication"},{"zh-CN":"绿色食品认证","en":"Green Food certified"}]'),
  ('anning-pear-processing', '金川县安宁镇梨产品加工专业合作社', 'Anning Pear Products Cooperative', '93513221MA6CLN2Q18', '安宁镇', 'Anning Town', '八角村', 'Bajiao Village',
   '用本地雪梨熬制梨膏、制作梨干和梨糖，传统铜锅慢熬，不添加香精和色素。',
   'Turns local snow pears into pear syrup, dried slices and candies, slow-cooked in copper pans with no added flavourings or colours.',
   '王秀英', '13778620415', 1,
   '[{"zh-CN":"金川雪梨 国家地理标志保护产品","en":"Jinchuan snow pear: national geographical indication"},{"zh-CN":"食品生产许可（SC）","en":"Food production licence (SC)"}]'),
  ('hedong-jiemu-pear-wine', '金川县河东乡吉目村梨酒酿造专业合作社', 'Jiemu Village Pear Wine Cooperative', '93513221MA6D0F4H5X', '河东乡', 'Hedong Township', '吉目村', 'Jiemu Village',
   '嘎尖草坪脚下的村集体合作社，酿造梨酒、梨白兰地和雪梨汁。游客可在嘎尖草坪游客中心取货。',
   'A village cooperative below Gajian Lawn making pear wine, pear brandy and snow pear juice. Visitors can collect at the Gajian Lawn visitor centre.',
   '泽仁措', '13990456632', 1,
   '[{"zh-CN":"食品生产许可（SC）","en":"Food production licence (SC)"}]'),
  ('guanyinqiao-highland-produce', '金川县观音桥镇高原蔬菜花椒专业合作社', 'Guanyinqiao Highland Vegetables and Pepper Cooperative', '93513221MA6CRT8E0G', '观音桥镇', 'Guanyinqiao Town', '麦斯卡村', 'Maisika Village',
   '在海拔 2400 米以上的河谷种植大红袍花椒、莴笋和土豆。',
   'Grows red Sichuan pepper, celtuce and potatoes in valleys above 2,400 m.',
   '李国华', '13547230918', 1,
   '[{"zh-CN":"有机产品认证（转换期）","en":"Organic certification (in conversion)"}]'),
  ('qingning-orchard', '金川县庆宁乡果蔬专业合作社', 'Qingning Orchard Cooperative', '93513221MA6DA27K8R', '庆宁乡', 'Qingning Township', '松岗村', 'Songgang Village',
   '核验中。', 'Verification in progress.', '陈明', '13618340027', 0, '[]')
ON CONFLICT (id) DO NOTHING;

INSERT INTO products (id, cooperative_id, category, name_zh, name_en, description_zh, description_en, unit_zh, unit_en, price_fen, stock, season_months, active, image, sort_order) VALUES
  ('snow-pear-5kg', 'shaer-snow-pear', 'fresh-fruit', '金川雪梨（精品果）', 'Jinchuan snow pears, select grade', '果肉细嫩、汁多味甜。**冷藏可存放一个月。**', 'Fine, juicy and sweet. **Keeps for a month in the fridge.**', '5 公斤装', '5 kg box', 6800, 40, 3968, 1, '/images/products/fresh-fruit.svg', 1),
  ('snow-pear-10kg', 'shaer-snow-pear', 'fresh-fruit', '金川雪梨（家庭装）', 'Jinchuan snow pears, family box', '大小混装，适合家庭日常食用和熬梨汤。', 'Mixed sizes, for everyday eating and pear soup.', '10 公斤装', '10 kg box', 12000, 25, 3968, 1, '/images/products/fresh-fruit.svg', 2),
  ('golden-pear-5kg', 'shaer-snow-pear', 'fresh-fruit', '金花梨', 'Golden pears', '皮薄、脆甜。今年已售完。', 'Thin-skinned and crisp. Sold out for this year.', '5 公斤装', '5 kg box', 5800, 0, 1920, 1, '/images/products/fresh-fruit.svg', 3),
  ('sweet-cherries-1kg', 'shaer-snow-pear', 'fresh-fruit', '高原甜樱桃', 'Highland sweet cherries', '五月底至六月上市。', 'In season from late May to June.', '1 公斤装', '1 kg box', 6800, 15, 48, 1, '/images/products/fresh-fruit.svg', 4),
  ('highland-apples-5kg', 'guanyinqiao-highland-produce', 'fresh-fruit', '高原苹果', 'Highland apples', '昼夜温差大，糖分足。', 'Big swings between day and night make them sweet.', '5 公斤装', '5 kg box', 5000, 30, 3840, 1, '/images/products/fresh-fruit.svg', 5),
  ('pear-syrup-250g', 'anning-pear-processing', 'pear-syrup', '金川梨膏', 'Jinchuan pear syrup', '约 10 公斤雪梨熬成 1 公斤梨膏。温水冲服，**每次一勺**。

配料：雪梨、冰糖。', 'About 10 kg of snow pears make 1 kg of syrup. Stir **one spoonful** into warm water.

Ingredients: snow pears, rock sugar.', '250 克瓶装', '250 g jar', 4800, 60, 4095, 1, '/images/products/pear-syrup.svg', 10),
  ('pear-syrup-500g', 'anning-pear-processing', 'pear-syrup', '金川梨膏（大瓶）', 'Jinchuan pear syrup, large jar', '与小瓶相同的梨膏，更适合家庭。', 'The same syrup in a family-size jar.', '500 克瓶装', '500 g jar', 8800, 35, 4095, 1, '/images/products/pear-syrup.svg', 11),
  ('pear-syrup-gift', 'anning-pear-processing', 'pear-syrup', '梨膏礼盒', 'Pear syrup gift box', '四瓶装礼盒。', 'Four jars in a gift box.', '250 克 × 4 瓶', '4 × 250 g jars', 18800, 0, 4095, 1, '/images/products/pear-syrup.svg', 12),
  ('pear-syrup-sticks', 'anning-pear-processing', 'pear-syrup', '便携梨膏条', 'Pear syrup sachets', '独立小包装，出行携带方便。', 'Single-serve sachets for travelling.', '15 克 × 20 条', '20 × 15 g sachets', 3900, 80, 4095, 1, '/images/products/pear-syrup.svg', 13),
  ('pear-wine-dry-500ml', 'hedong-jiemu-pear-wine', 'pear-wine', '金川梨酒（干型）', 'Jinchuan pear wine, dry', '酒精度 11%。未满 18 周岁请勿饮酒。', '11% alcohol. Not for sale to anyone under 18.', '500 毫升', '500 ml bottle', 6800, 24, 4095, 1, '/images/products/pear-wine.svg', 20),
  ('pear-wine-sweet-750ml', 'hedong-jiemu-pear-wine', 'pear-wine', '金川梨酒（甜型）', 'Jinchuan pear wine, sweet', '酒精度 9%。未满 18 周岁请勿饮酒。', '9% alcohol. Not for sale to anyone under 18.', '750 毫升', '750 ml bottle', 9800, 18, 4095, 1, '/images/products/pear-wine.svg', 21),
  ('pear-brandy-375ml', 'hedong-jiemu-pear-wine', 'pear-wine', '雪梨白兰地', 'Snow pear brandy', '橡木桶陈酿两年，酒精度 40%。', 'Aged two years in oak, 40% alcohol.', '375 毫升', '375 ml bottle', 12800, 6, 4095, 1, '/images/products/pear-wine.svg', 22),
  ('dried-pear-slices-200g', 'anning-pear-processing', 'dried-candied', '雪梨干片', 'Dried snow pear slices', '低温烘干，无添加糖。', 'Dried at low temperature, no added sugar.', '200 克袋装', '200 g bag', 2600, 50, 4095, 1, '/images/products/dried-candied.svg', 30),
  ('pear-candy-300g', 'anning-pear-processing', 'dried-candied', '雪梨软糖', 'Snow pear soft candies', '用梨汁和梨膏制作。', 'Made with pear juice and pear syrup.', '300 克袋装', '300 g bag', 2200, 70, 4095, 1, '/images/products/dried-candied.svg', 31),
  ('honeyed-pear-400g', 'anning-pear-processing', 'dried-candied', '蜜渍梨块', 'Honeyed pear pieces', '配方调整中，暂停销售。', 'Recipe being revised; not on sale.', '400 克罐装', '400 g jar', 3200, 10, 4095, 0, '/images/products/dried-candied.svg', 32),
  ('pear-juice-12', 'hedong-jiemu-pear-wine', 'beverages', '雪梨汁', 'Snow pear juice', '100% 雪梨原汁。', '100% pressed snow pear juice.', '310 毫升 × 12 罐', '12 × 310 ml cans', 5600, 30, 4095, 1, '/images/products/beverages.svg', 40),
  ('pear-blossom-tea-50g', 'hedong-jiemu-pear-wine', 'beverages', '梨花茶', 'Pear blossom tea', '春季梨花盛开时采摘、晾干。', 'Picked and dried while the orchards are in bloom in spring.', '50 克罐装', '50 g tin', 3800, 20, 28, 1, '/images/products/beverages.svg', 41),
  ('red-pepper-250g', 'guanyinqiao-highland-produce', 'spices', '金川大红袍花椒', 'Jinchuan red Sichuan pepper', '麻味足、香气浓。', 'Strongly numbing and fragrant.', '250 克袋装', '250 g bag', 4500, 45, 4095, 1, '/images/products/spices.svg', 50),
  ('green-pepper-250g', 'guanyinqiao-highland-produce', 'spices', '青花椒', 'Green Sichuan pepper', '清香型花椒，适合鱼和凉菜。', 'Fresh and citrusy; for fish and cold dishes.', '250 克袋装', '250 g bag', 3800, 0, 4095, 1, '/images/products/spices.svg', 51),
  ('pepper-oil-250ml', 'guanyinqiao-highland-produce', 'spices', '花椒油', 'Sichuan pepper oil', '菜籽油低温浸提。', 'Pepper steeped in rapeseed oil at low heat.', '250 毫升', '250 ml bottle', 2800, 40, 4095, 1, '/images/products/spices.svg', 52),
  ('celtuce-2kg', 'guanyinqiao-highland-produce', 'vegetables', '高原莴笋', 'Highland celtuce', '四月至七月采收。', 'Harvested April to July.', '2 公斤装', '2 kg box', 2400, 30, 120, 1, '/images/products/vegetables.svg', 60),
  ('potatoes-5kg', 'guanyinqiao-highland-produce', 'vegetables', '高原土豆', 'Highland potatoes', '沙地种植，口感粉糯。', 'Grown in sandy soil; floury and soft.', '5 公斤装', '5 kg bag', 2000, 60, 3968, 1, '/images/products/vegetables.svg', 61),
  ('qingning-walnuts-1kg', 'qingning-orchard', 'dried-candied', '核桃', 'Walnuts', '合作社核验完成后上架。', 'On sale once the cooperative is verified.', '1 公斤袋装', '1 kg bag', 4000, 20, 4095, 1, '/images/products/dried-candied.svg', 70)
ON CONFLICT (id) DO NOTHING;

INSERT INTO pickup_points (id, cooperative_id, name_zh, name_en, address_zh, address_en, hours_zh, hours_en, sort_order) VALUES
  ('gajian-visitor-centre', NULL, '嘎尖草坪游客中心', 'Gajian Lawn visitor centre', '河东乡吉目村嘎尖草坪露营基地入口', 'Entrance of Gajian Lawn camping base, Jiemu Village, Hedong Township', '每天 9:00–18:00', 'Daily 9:00–18:00', 1),
  ('county-service-centre', NULL, '金川县电子商务公共服务中心', 'County e-commerce service centre', '金川镇新街 18 号', '18 New Street, Jinchuan Town', '工作日 9:00–17:30', 'Working days 9:00–17:30', 2),
  ('shaer-coop-shop', 'shaer-snow-pear', '沙耳雪梨合作社门店', 'Shaer Snow Pear cooperative shop', '沙耳乡沙耳村村委会旁', 'Next to the village committee, Shaer Village', '每天 8:30–18:30', 'Daily 8:30–18:30', 3),
  ('anning-coop-shop', 'anning-pear-processing', '安宁梨产品合作社门店', 'Anning Pear Products cooperative shop', '安宁镇八角村加工厂门市部', 'Factory shop, Bajiao Village, Anning Town', '工作日 9:00–17:00', 'Working days 9:00–17:00', 4)
ON CONFLICT (id) DO NOTHING;
