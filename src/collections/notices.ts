import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { renderNoticeBody } from "../../functions/publishing/render";
import { englishProblems } from "./english-problems";
import { noticeSchema } from "./notice-schema";
import { readPublishedEditions } from "./published-editions";

/**
 * One Markdown file per language version: content/notices/zh-CN/<slug>.md and
 * content/notices/en/<slug>.md. The shared file name is what links the two
 * versions and becomes the address (/notices/<slug>/ and /en/notices/<slug>/).
 * Next to the files, the editions published from the dashboard (D1, see
 * published-editions.ts): an edition replaces the file of the same address and
 * language, and its body is rendered by the dashboard's safe renderer.
 */
const files = glob({
  pattern: "**/*.md",
  base: "./content/notices",
  // Keep the id exactly as the path reads ("zh-CN/orchard-support-2026"); the default
  // lower-cases it, which would hide the language folder's real name.
  generateId: ({ entry }) => entry.replace(/\.md$/, ""),
});

export const notices = defineCollection({
  loader: {
    name: "notice-files-and-editions",
    load: async (context) => {
      await files.load({
        ...context,
        parseData: async (entry) => {
          const problems = englishProblems(entry.data);
          if (problems.length > 0) {
            throw new Error(`content/notices/${entry.id}.md:\n  ${problems.join("\n  ")}`);
          }
          return context.parseData(entry);
        },
      });
      for (const edition of readPublishedEditions()) {
        const id = `${edition.lang}/${edition.slug}`;
        const where = `D1 notice_editions #${edition.id} (${id})`;
        const problems = englishProblems(edition.data);
        if (problems.length > 0) throw new Error(`${where}:\n  ${problems.join("\n  ")}`);
        const data = await context.parseData({
          id,
          data: { ...(edition.data as object), edition: { id: edition.id, seq: edition.seq } },
        });
        context.store.set({
          id,
          data,
          body: edition.body,
          rendered: { html: renderNoticeBody(edition.body) },
          digest: context.generateDigest(`${edition.id}:${edition.seq}`),
        });
      }
    },
  },
  schema: noticeSchema,
});
