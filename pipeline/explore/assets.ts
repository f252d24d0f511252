/**
 * The explorer's page and style sheet, written into every release (explorer/index.html, explorer/app.css). The
 * Content-Security-Policy lets the page load only its own folder's files: no request leaves the host it is served from.
 */

/** Loads only same-origin files; no inline script or style, no forms sent anywhere. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'"

/** explorer/index.html for release `version`. */
export const indexHtml = (version: string): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>Release ${version} · explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="app.css">
<script type="module" src="app.js"></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
<nav aria-label="Release"><a href="#/" class="home">US–Central Asia relations · release ${version}</a></nav>
<form role="search" id="search-form" action="#">
<label for="q">Search</label>
<input id="q" type="search" name="q" autocomplete="off" placeholder="Names, summaries, quotes" aria-describedby="q-hint">
<button type="submit">Search</button>
<span id="q-hint" class="hint">Press / to search</span>
</form>
</header>
<main id="main" tabindex="-1"><p>Loading…</p></main>
<noscript><p>The explorer needs JavaScript. The data is in ../data/ (CSV, Arrow, Parquet).</p></noscript>
</body>
</html>
`

/** explorer/app.css: readable on a phone (one column under 40rem), contrast of at least 4.5:1 for text. */
export const APP_CSS = `*{box-sizing:border-box}
:root{--fg:#1a1a1a;--muted:#4a4a4a;--bg:#fff;--line:#d0d0d0;--link:#0b57a4;--mark:#ffe58a;--mark2:#cfe3ff;--warn:#8a1c00;--chip:#f1f1f1}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link)}
a:focus-visible,button:focus-visible,input:focus-visible,summary:focus-visible,[tabindex]:focus-visible{outline:3px solid #1f6feb;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem}
.top{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;padding:.75rem 1rem;border-bottom:1px solid var(--line)}
.home{font-weight:600;text-decoration:none}
form[role=search]{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;flex:1 1 20rem}
form[role=search] input{flex:1 1 12rem;min-width:0;font:inherit;padding:.35rem .5rem;border:1px solid #767676;border-radius:4px}
button{font:inherit;padding:.35rem .8rem;border:1px solid #767676;border-radius:4px;background:var(--chip);cursor:pointer}
.hint{color:var(--muted);font-size:.85rem}
main{max-width:60rem;margin:0 auto;padding:1rem}
main[tabindex]:focus,main[tabindex]:focus-visible{outline:none}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem;overflow-wrap:anywhere}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.scroll{overflow-x:auto}
.chip{display:inline-block;background:var(--chip);border-radius:3px;padding:0 .35rem;margin:0 .25rem .25rem 0;font-size:.9rem}
.warn{color:var(--warn);font-weight:600}
.muted{color:var(--muted)}
mark{background:var(--mark);color:inherit;padding:0 1px}
.text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.7;border:1px solid var(--line);padding:.75rem;border-radius:4px}
.text a.span{color:inherit;text-decoration:none;border-bottom:2px solid #8a6d00}
.text a.span.events{background:var(--mark2)}
.text a.span.entities{background:var(--mark)}
.text a.span:hover,.text a.span:focus{outline:2px solid #1f6feb}
.report{border:1px solid var(--line);border-radius:4px;padding:.5rem .75rem;margin:.75rem 0}
.report blockquote{margin:.5rem 0;white-space:pre-wrap;overflow-wrap:anywhere}
.results li{margin:.35rem 0}
.kind{display:inline-block;min-width:4.5rem;color:var(--muted);font-size:.85rem}
svg.timeline{display:block;width:100%;height:auto;max-width:100%;border:1px solid var(--line);border-radius:4px;background:#fff}
svg.timeline text,svg.timeline tspan{white-space:pre;font-size:11px}
svg.timeline a:focus rect,svg.timeline a:focus circle,svg.timeline a:hover rect,svg.timeline a:hover circle{stroke:#000;stroke-width:2}
pre{background:var(--chip);padding:.5rem;overflow-x:auto;font-size:.85rem}
code{overflow-wrap:anywhere}
@media (max-width:40rem){dl.facts{grid-template-columns:1fr}dl.facts dt{margin-top:.4rem}.hint{display:none}main{padding:.75rem}}
`
