// The package ships JavaScript only; this declares the one plugin paste-markdown.ts uses.
declare module "@joplin/turndown-plugin-gfm" {
  import type TurndownService from "turndown";

  export const tables: TurndownService.Plugin;
}
