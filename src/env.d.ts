/// <reference path="../.astro/types.d.ts" />
/// <reference path="../node_modules/@astrojs/starlight/dist/global.d.ts" />
