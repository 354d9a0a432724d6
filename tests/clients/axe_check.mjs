// An axe-core accessibility check of the page as it stands: fails on any
// serious or critical violation. axe is evaluated in the page through the
// DevTools protocol, which the page's Content-Security-Policy does not govern.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const source = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export async function checkAccessibility(page, screen) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(source);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (bad.length)
    throw new Error(`${screen}: ` + bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)
      .join("\n"));
}
