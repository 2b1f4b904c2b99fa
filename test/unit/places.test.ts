import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { type CampsitePlace, checkPlaces, PlaceContentError, placePoints, resolveVenue } from "../../src/lib/places";

const repo = resolve(import.meta.dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith(".md") ? [join(dir, d.name)] : [],
  );
}

/** A front-matter value at an indentation ("  " inside venue:), as the editors write it. */
function field(text: string, name: string, indent = ""): string | undefined {
  return new RegExp(`^${indent}${name}: (.+)$`, "m").exec(text.split(/^---$/m)[1] ?? "")?.[1]?.trim();
}

const campsite = (over: Partial<CampsitePlace> = {}): CampsitePlace => ({
  site: "gajian-lawn",
  lang: "zh-CN",
  where: "content/campsites/zh-CN/gajian-lawn.md",
  name: "嘎尖草坪露营基地",
  township: "河东乡",
  village: "吉目村",
  address: "河东乡吉目村嘎尖草坪",
  directions: "按指示牌上山约 7 公里。",
  latitude: 31.512,
  longitude: 102.089,
  ...over,
});

const venue = (over: Record<string, unknown> = {}) => ({
  name: "嘎尖草坪露营基地",
  area: "河东乡吉姆村",
  address: "河东乡吉姆村嘎尖草坪",
  directions: "上山约 12 公里。",
  latitude: 31.4521,
  longitude: 102.1043,
  ...over,
});

describe("one place, one coordinate", () => {
  it("refuses an event that gives a campsite a second coordinate, naming both files", () => {
    const points = placePoints([campsite()], [{ where: "content/events/winter/zh-CN.md", front: { venue: venue() } }]);
    expect(() => checkPlaces(points)).toThrow(PlaceContentError);
    expect(() => checkPlaces(points)).toThrow(
      /content\/events\/winter\/zh-CN\.md.*content\/campsites\/zh-CN\/gajian-lawn\.md/,
    );
  });

  it("refuses two language versions of a campsite that disagree on where it is", () => {
    const en = campsite({
      lang: "en",
      where: "content/campsites/en/gajian-lawn.md",
      name: "Gajian Lawn",
      latitude: 31.45,
    });
    expect(() => checkPlaces(placePoints([campsite(), en], []))).toThrow(/campsite:gajian-lawn/);
  });

  it("refuses two events that put one venue in two places", () => {
    const a = { where: "a.md", front: { venue: venue({ name: "文化广场" }) } };
    const b = { where: "b.md", front: { venue: venue({ name: "文化广场", latitude: 31.4 }) } };
    expect(() => checkPlaces(placePoints([], [a, b]))).toThrow(/b\.md.*a\.md/);
  });

  it("accepts the same point given twice, and an event that names the campsite", () => {
    const at = { where: "c.md", front: { venue: venue({ latitude: 31.512, longitude: 102.089 }) } };
    expect(() => checkPlaces(placePoints([campsite()], [at, { where: "d.md", front: {} }]))).not.toThrow();
  });

  it("gives an event at a campsite the campsite's name, village, directions and coordinates", () => {
    const en = campsite({
      lang: "en",
      name: "Gajian Lawn Camping Base",
      township: "Hedong Township",
      village: "Jiemu Village",
    });
    const resolved = resolveVenue({ place: "gajian-lawn" }, "en", [campsite(), en], "e.md");
    expect(resolved).toMatchObject({
      name: "Gajian Lawn Camping Base",
      area: "Jiemu Village, Hedong Township",
      latitude: 31.512,
    });
    expect(resolveVenue({ place: "gajian-lawn" }, "zh-CN", [campsite(), en], "e.md").area).toBe("河东乡吉目村");
    expect(() => resolveVenue({ place: "nowhere" }, "en", [campsite()], "e.md")).toThrow(/e\.md: field "place"/);
  });
});

describe("the content about Gajian Lawn", () => {
  const all = files(join(repo, "content")).map((path) => ({
    path: relative(repo, path),
    text: readFileSync(path, "utf8"),
  }));

  it("names its village one way in each language on every page", () => {
    const zh = new Set(all.flatMap((f) => f.text.match(/[吉集甲][目姆木]村/g) ?? []));
    expect([...zh]).toEqual(["吉目村"]);
    const en = new Set(all.flatMap((f) => f.text.match(/J[a-z]+ Village/g) ?? []));
    expect([...en]).toEqual(["Jiemu Village"]);
    const seed = readFileSync(join(repo, "functions/db/seed/products.sql"), "utf8");
    expect(seed.match(/[吉集甲][目姆木]村/g)?.every((v) => v === "吉目村")).toBe(true);
  });

  it("has one coordinate for every place the content gives", () => {
    const sites = all
      .filter((f) => f.path.startsWith("content/campsites/"))
      .map((f) =>
        campsite({
          site: field(f.text, "site") ?? "",
          where: f.path,
          name: field(f.text, "name") ?? "",
          latitude: Number(field(f.text, "latitude")),
          longitude: Number(field(f.text, "longitude")),
        }),
      );
    const events = all
      .filter((f) => f.path.startsWith("content/events/") && !f.path.endsWith("README.md"))
      .map((f) => {
        const name = field(f.text, "name", "  ");
        return {
          where: f.path,
          place: field(f.text, "place"),
          front: field(f.text, "place")
            ? {}
            : {
                venue: venue({
                  name,
                  latitude: Number(field(f.text, "latitude", "  ")),
                  longitude: Number(field(f.text, "longitude", "  ")),
                }),
              },
        };
      });
    expect(() => checkPlaces(placePoints(sites, events))).not.toThrow();
    const winter = events.filter((e) => e.where.includes("gajian-winter-camping-2026"));
    expect(winter.map((e) => e.place)).toEqual(["gajian-lawn", "gajian-lawn"]);
  });
});
