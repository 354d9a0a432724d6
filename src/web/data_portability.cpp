// Settings → Import and export, as Mastodon's: /settings/export lists the
// CSV files (/settings/exports/follows.csv …) and the archive of everything
// posted (requested there, built by a job, downloaded by its owner only);
// /settings/imports takes a CSV file (merge or overwrite) and shows how the
// recent ones are going.
#include "core/errors.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "services/archives.h"
#include "services/exports.h"
#include "services/imports.h"
#include "web/html.h"
#include "web/visit.h"
#include "web/web.h"

namespace agora::web {

namespace {

constexpr const char* kImportsPath = "/settings/imports";

struct Kind {
  const char* value;
  const char* label;
};
constexpr Kind kImportKinds[] = {{"following", "Following list"}, {"blocking", "Blocking list"},
                                 {"muting", "Muting list"},       {"domain_blocking", "Domain blocking list"},
                                 {"bookmarks", "Bookmarks"},      {"lists", "Lists"}};

std::string sign_in_first(const std::string& path) { return "/auth/sign_in?return_to=" + path; }

std::string state_label(const model::BulkImport& i) {
  if (i.state == "finished") return "Finished";
  if (i.state == "in_progress") return "In progress";
  return "Waiting";
}

http::Response imports_page(const Visit& visit, const std::string& message = "", int status = 200) {
  const auto& account = visit.session()->account;
  std::string body = alert(message) +
                     "<form method=\"post\" action=\"/settings/imports\" enctype=\"multipart/form-data\">" +
                     hidden_field("authenticity_token", visit.csrf_token()) +
                     "<label>Import type<select name=\"type\" required>";
  for (const auto& k : kImportKinds)
    body += "<option value=\"" + std::string(k.value) + "\">" + escape(k.label) + "</option>";
  body += "</select></label><fieldset><legend>Mode</legend>"
          "<label><input type=\"radio\" name=\"mode\" value=\"merge\" checked> Merge: keep what you have and add "
          "the file's entries</label><label><input type=\"radio\" name=\"mode\" value=\"overwrite\"> Overwrite: "
          "replace what you have with the file's entries</label></fieldset>"
          "<label>CSV file<input type=\"file\" name=\"data\" accept=\".csv,text/csv\" required></label>"
          "<button type=\"submit\">Upload</button></form>";
  auto recent = services::recent_imports(visit.ctx(), account);
  if (!recent.empty()) {
    body += "<h2>Recent imports</h2><table class=\"imports\"><thead><tr><th scope=\"col\">Type</th><th scope=\"col\">"
            "File</th><th scope=\"col\">State</th><th scope=\"col\">Processed</th><th scope=\"col\">Imported</th>"
            "</tr></thead><tbody>";
    for (const auto& i : recent)
      body += "<tr data-import=\"" + std::to_string(i.id) + "\"><td>" + escape(i.type) + (i.overwrite ? " (overwrite)" : "") +
              "</td><td>" + escape(i.original_filename) + "</td><td class=\"state\">" + state_label(i) +
              "</td><td class=\"processed\">" + std::to_string(i.processed_items) + " / " + std::to_string(i.total_items) +
              "</td><td class=\"imported\">" + std::to_string(i.imported_items) + "</td></tr>";
    body += "</tbody></table>";
  }
  body += "<p><a href=\"/settings/export\">Export your data</a></p>";
  return visit.page("Import", body, status);
}

std::string archive_section(const Visit& visit) {
  std::string out = "<h2>Your archive</h2><p>All your posts and media, your profile, favourites and bookmarks in "
                    "ActivityPub form, as a zip file.</p>";
  auto list = services::archives(visit.ctx(), visit.session()->account);
  if (!list.empty()) {
    out += "<ul class=\"archives\">";
    for (const auto& a : list) {
      std::string when = format_iso8601(a.created_at).substr(0, 10);
      if (a.state == "done")
        out += "<li><a download href=\"/settings/exports/archive/" + std::to_string(a.id) + "\">Archive of " + when +
               "</a> (" + std::to_string((a.file_size + 1023) / 1024) + " KB)</li>";
      else
        out += "<li class=\"archive-" + escape(a.state) + "\">Archive of " + when +
               (a.state == "queued" ? ": being prepared" : ": failed") + "</li>";
    }
    out += "</ul>";
  }
  return out + "<form method=\"post\" action=\"/settings/export/archive\">" +
         hidden_field("authenticity_token", visit.csrf_token()) +
         "<button type=\"submit\">Request your archive</button></form>";
}

http::Response export_page(const Visit& visit, const std::string& message = "", int status = 200) {
  const auto& account = visit.session()->account;
  std::string body = alert(message) + "<p>Download what you follow, block and keep as CSV files; other Mastodon-compatible servers "
                     "import them.</p><table class=\"exports\"><tbody>";
  for (const auto& name : services::export_names()) {
    auto file = services::export_csv(visit.ctx(), account, name);
    body += "<tr><th scope=\"row\">" + escape(name) + "</th><td>" + std::to_string(file->rows) +
            "</td><td><a download href=\"/settings/exports/" + escape(name) + "\">Download</a></td></tr>";
  }
  body += "</tbody></table>" + archive_section(visit) + "<p><a href=\"/settings/imports\">Import data</a></p>";
  return visit.page("Export", body, status);
}

}  // namespace

void register_data_portability_routes(http::Router& router, services::Context& ctx) {
  router.get("/settings/export", page_handler(ctx, [](Visit& visit) {
               if (!visit.session()) return visit.redirect(sign_in_first("/settings/export"));
               return export_page(visit);
             }));

  router.get("/settings/exports/:file", page_handler(ctx, [](Visit& visit) {
               std::string name(visit.request().path_param("file"));
               if (!visit.session()) return visit.redirect(sign_in_first("/settings/export"));
               auto file = services::export_csv(visit.ctx(), visit.session()->account, name);
               if (!file) throw Error::not_found();
               auto r = http::Response::text(std::move(file->csv), "text/csv; charset=utf-8");
               r.headers.set("Content-Disposition", "attachment; filename=\"" + file->name + "\"");
               r.headers.set("Cache-Control", "private, no-store");
               return r;
             }));

  router.post("/settings/export/archive", page_handler(ctx, [](Visit& visit) {
                visit.require_csrf();
                if (!visit.session()) throw Error::unauthorized("You need to login or sign up before continuing.");
                try {
                  services::request_archive(visit.ctx(), visit.session()->account);
                } catch (const Error& e) {
                  return export_page(visit, e.message(), e.status());
                }
                return visit.redirect("/settings/export");
              }));

  router.get("/settings/exports/archive/:id", page_handler(ctx, [](Visit& visit) {
               if (!visit.session()) return visit.redirect(sign_in_first("/settings/export"));
               auto id = parse_id(visit.request().path_param("id"));
               if (!id) throw Error::not_found();
               auto bytes = services::archive_bytes(visit.ctx(), visit.session()->account, *id);
               auto r = http::Response::text(std::move(bytes), "application/zip");
               r.headers.set("Content-Disposition", "attachment; filename=\"archive-" + std::to_string(*id) + ".zip\"");
               r.headers.set("Cache-Control", "private, no-store");
               return r;
             }));

  router.get(kImportsPath, page_handler(ctx, [](Visit& visit) {
               if (!visit.session()) return visit.redirect(sign_in_first(kImportsPath));
               return imports_page(visit);
             }));

  router.post(kImportsPath, page_handler(ctx, [](Visit& visit) {
                visit.require_csrf();
                if (!visit.session()) throw Error::unauthorized("You need to login or sign up before continuing.");
                const auto& req = visit.request();
                const auto* file = req.upload("data");
                try {
                  if (!file) throw Error::unprocessable("Validation failed: Data can't be blank");
                  auto mode = form_field(req, "mode");
                  if (mode != "merge" && mode != "overwrite")
                    throw Error::unprocessable("Validation failed: Mode is not included in the list");
                  services::create_import(visit.ctx(), visit.session()->account,
                                          {form_field(req, "type"), mode == "overwrite", file->filename, file->data});
                } catch (const Error& e) {
                  return imports_page(visit, e.message(), e.status());
                }
                return visit.redirect(kImportsPath);
              }));
}

}  // namespace agora::web
