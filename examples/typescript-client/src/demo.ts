/**
 * A typed walk through the Casebook delivery API.
 *
 * Lists case pages in one language, reads the first case's detail, then reads
 * the action on that page and takes part in it. Every path, parameter and
 * answer is typed from the API's OpenAPI document (`npm run generate` writes
 * src/schema.d.ts), so a renamed field or route fails `tsc`, not the reader.
 *
 *   API_URL  the Casebook server (default http://127.0.0.1:8000)
 *   LOCALE   the language of the listing (default it)
 */
import createClient from "openapi-fetch";

import type { components, paths } from "./schema.js";

type Schemas = components["schemas"];
type Locale = NonNullable<
  NonNullable<paths["/api/v1/pages/"]["get"]["parameters"]["query"]>["locale"]
>;
type ErrorItem = Schemas["Errors"]["errors"][number];

const baseUrl = (process.env.API_URL ?? "http://127.0.0.1:8000").replace(/\/$/, "");
const locale = (process.env.LOCALE ?? "it") as Locale;

// An address at a domain reserved for examples: it reaches nobody.
const DEMO_SUPPORTER = {
  name: "Demo Supporter",
  email: "demo.supporter@example.org",
  country: "IT",
  consent: true,
} as const;

const api = createClient<paths>({ baseUrl });

/** "field: message" for each entry of the API's error shape. */
function describe(errors: ErrorItem[]): string {
  return errors.map((e) => `${e.field ?? "request"}: ${e.message}`).join("; ");
}

class ApiError extends Error {}

async function listCases() {
  const { data, error, response } = await api.GET("/api/v1/pages/", {
    params: { query: { type: "case", locale, order: "title", limit: 10 } },
  });
  if (error) throw new ApiError(`list ${response.status}: ${describe(error.errors)}`);
  console.log(`${data.total} case page(s) in '${locale}':`);
  for (const teaser of data.items) {
    const countries = teaser.countries.map((country) => country.iso).join(", ");
    console.log(
      `  #${teaser.id} ${teaser.title} [${teaser.status}] ${teaser.path} (${countries})`,
    );
  }
  return data.items;
}

async function readCase(id: number) {
  // One request for the page and its related news (`include=`).
  const { data, error, response } = await api.GET("/api/v1/pages/{id}/", {
    params: { path: { id }, query: { include: "news" } },
  });
  if (error) throw new ApiError(`page ${response.status}: ${describe(error.errors)}`);
  // The detail is a union of every page type, told apart by `type`.
  if (data.type !== "case") throw new ApiError(`page ${id} is a ${data.type}`);
  console.log(`Case: ${data.title} (${data.person_name}), ${data.status}`);
  console.log(`ETag: ${response.headers.get("ETag")}`);
  console.log(`Content-Language: ${response.headers.get("Content-Language")}`);
  const news = data.included?.news;
  console.log(`Related news: ${news?.total ?? 0}${news?.next ? ", more at " + news.next : ""}`);
  console.log(`Body blocks: ${data.body.map((block) => block.type).join(", ")}`);
  return data;
}

async function readAction(actionId: string, language: string) {
  const { data, error, response } = await api.GET("/api/v1/actions/{action_id}/", {
    params: { path: { action_id: actionId }, query: { language } },
  });
  if (error) throw new ApiError(`action ${response.status}: ${describe(error.errors)}`);
  const goal = data.goal === null ? "" : ` of ${data.goal}`;
  console.log(`Action ${data.action_id}: ${data.state}, ${data.supporters}${goal} supporter(s)`);
  if (data.captcha) console.log(`  needs a ${data.captcha} token in captcha_token`);
  return data;
}

async function takePart(actionId: string, language: string): Promise<boolean> {
  const { data, error, response } = await api.POST(
    "/api/v1/actions/{action_id}/submissions",
    {
      params: { path: { action_id: actionId } },
      body: { ...DEMO_SUPPORTER, language },
    },
  );
  if (data) {
    console.log(`Submission: ${response.status} ${data.status}: ${data.confirmation_text}`);
    return true;
  }
  switch (response.status) {
    case 409:
      // Closed: the body adds the text to show instead of the form.
      if ("closed_text" in error) {
        console.log(`Submission: 409 ${error.state}: ${error.closed_text}`);
        return true;
      }
      break;
    case 429:
      console.log(
        `Submission: 429, retry in ${response.headers.get("Retry-After")} s: ` +
          describe(error.errors),
      );
      return true;
    case 400:
      // One entry per field at fault, named as in the request body.
      console.log(`Submission: 400 ${describe(error.errors)}`);
      return false;
  }
  console.log(`Submission: ${response.status} ${describe(error.errors)}`);
  return false;
}

async function main(): Promise<number> {
  const cases = await listCases();
  const first = cases[0];
  if (!first) return 0;
  const page = await readCase(first.id);
  const form = page.body.find((block) => block.type === "action_form");
  if (!form) {
    console.log("This case has no action.");
    return 0;
  }
  await readAction(form.value.action_id, page.locale);
  return (await takePart(form.value.action_id, page.locale)) ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (reason: unknown) => {
    if (reason instanceof ApiError) console.error(reason.message);
    // fetch() rejects when nothing answers at API_URL.
    else if (reason instanceof TypeError) console.error(`${baseUrl}: ${reason.cause ?? reason}`);
    else console.error(reason);
    process.exitCode = 1;
  },
);
