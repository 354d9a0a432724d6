// One gumbo parse (HTML5, as browsers and Mastodon's Nokogiri parse) and one
// iterative walk of the tree that writes the allowed subset. Explicit stacks
// instead of recursion: remote HTML can nest thousands of levels deep.
#include "text/sanitize.h"

#include <gumbo.h>

#include <array>
#include <memory>
#include <vector>

namespace agora::text {
namespace {

// What happens to an element of the input.
enum class Treatment {
  keep,        // written with its allowed attributes
  link,        // <a>: kept if its href has an allowed protocol, else its text
  heading,     // h1-h6: written as <p><strong>…</strong></p>
  unwrap,      // tag dropped, contents kept
  unwrap_gap,  // as unwrap, with a space either side (block elements, as Sanitize does)
  drop,        // tag and contents dropped
};

Treatment treatment_of(const GumboNode* node) {
  const GumboElement& e = node->v.element;
  // Foreign (SVG, MathML) elements only occur inside <svg>/<math>, which are
  // dropped whole; anything else foreign is dropped too.
  if (e.tag_namespace != GUMBO_NAMESPACE_HTML) return Treatment::drop;
  switch (e.tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_BR: case GUMBO_TAG_SPAN: case GUMBO_TAG_DEL: case GUMBO_TAG_S:
    case GUMBO_TAG_PRE: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_CODE: case GUMBO_TAG_B:
    case GUMBO_TAG_STRONG: case GUMBO_TAG_U: case GUMBO_TAG_I: case GUMBO_TAG_EM: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_LI: case GUMBO_TAG_RUBY: case GUMBO_TAG_RT: case GUMBO_TAG_RP:
      return Treatment::keep;
    case GUMBO_TAG_A:
      return Treatment::link;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      return Treatment::heading;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_DD:
    case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_NAV: case GUMBO_TAG_SECTION:
      return Treatment::unwrap_gap;
    // Sanitize's remove_contents (iframe noembed noframes noscript plaintext
    // script style svg math xmp), plus what can only hold code or plugins.
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_APPLET: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_FRAME:
    case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_XMP: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
      return Treatment::drop;
    default:
      return Treatment::unwrap;
  }
}

bool is_text(const GumboNode* node) {
  return node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA;
}

// HTML5 serialization escaping (what Mastodon's Nokogiri writes): & and
// U+00A0 always, < > in text, " in attributes; < > in attributes as well.
void append_text(std::string& out, std::string_view s, bool attribute) {
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"':
        if (attribute) out += "&quot;";
        else out += c;
        break;
      case '\0': break;  // never legal in HTML
      case '\xC2':
        if (i + 1 < s.size() && s[i + 1] == '\xA0') {
          out += "&nbsp;";
          ++i;
        } else {
          out += c;
        }
        break;
      default:
        // Other C0 controls and DEL (from "&#2;" and the like) are not legal in HTML either: a parser
        // would read them back as U+FFFD, so they are dropped here.
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == '\x7f')
          break;
        out += c;
    }
  }
}

// Link protocols Mastodon allows (Sanitize::Config::LINK_PROTOCOLS).
constexpr std::array<std::string_view, 11> kLinkProtocols = {
    "http", "https", "dat", "dweb", "ipfs", "ipns", "ssb", "gopher", "xmpp", "magnet", "gemini"};

bool is_ruby_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

// Length of a colon written as a literal character reference ("&#58",
// "&#x3a", zero-padded) at s[i], or 0: Sanitize's REGEX_PROTOCOL counts those.
size_t encoded_colon_at(std::string_view s, size_t i) {
  if (s.substr(i, 2) != "&#") return 0;
  size_t j = i + 2;
  bool hex = j < s.size() && ascii_lower(s[j]) == 'x';
  if (hex) ++j;
  while (j < s.size() && s[j] == '0') ++j;
  std::string_view rest = s.substr(j);
  if (hex) return rest.size() >= 2 && rest[0] == '3' && ascii_lower(rest[1]) == 'a' ? j + 2 - i : 0;
  return rest.starts_with("58") ? j + 2 - i : 0;
}

// As Mastodon's UNSUPPORTED_HREF_TRANSFORMER: the scheme is what precedes
// the first colon, after leading whitespace, unless a '/' or '#' comes first
// (a relative URL); only the listed protocols are links, relative URLs not.
bool allowed_href(std::string_view href) {
  size_t start = 0;
  while (start < href.size() && is_ruby_space(href[start])) ++start;
  for (size_t i = start; i < href.size(); ++i) {
    char c = href[i];
    if (c == '/' || c == '#') return false;
    if (c == ':' || encoded_colon_at(href, i) > 0) {
      std::string_view scheme = href.substr(start, i - start);
      for (std::string_view p : kLinkProtocols) {
        if (p.size() != scheme.size()) continue;
        bool same = true;
        for (size_t k = 0; k < p.size() && same; ++k) same = ascii_lower(scheme[k]) == p[k];
        if (same) return true;
      }
      return false;
    }
  }
  return false;
}

const GumboAttribute* attribute(const GumboNode* node, const char* name) {
  return gumbo_get_attribute(&node->v.element.attributes, name);
}

// Mastodon's ALLOWED_CLASS_TRANSFORMER: microformats (h-, p-, u-, dt-, e-)
// and its own semantic classes survive; the attribute stays even if empty.
std::string allowed_classes(std::string_view value) {
  std::string out;
  size_t i = 0;
  while (i < value.size()) {
    size_t end = i;
    while (end < value.size() && !(value[end] == ' ' || value[end] == '\t' || value[end] == '\n' ||
                                   value[end] == '\f' || value[end] == '\r'))
      ++end;
    std::string_view name = value.substr(i, end - i);
    bool keep = name.starts_with("h-") || name.starts_with("p-") || name.starts_with("u-") ||
                name.starts_with("dt-") || name.starts_with("e-") || name == "mention" || name == "hashtag" ||
                name == "ellipsis" || name == "invisible";
    if (keep) {
      if (!out.empty()) out += ' ';
      out += name;
    }
    i = end + 1;
  }
  return out;
}

void append_attribute(std::string& out, std::string_view name, std::string_view value) {
  out += ' ';
  out += name;
  out += "=\"";
  append_text(out, value, true);
  out += '"';
}

// The attributes MASTODON_STRICT allows on a kept element, in source order;
// links get rel="nofollow noopener" (in place of any rel) and target="_blank".
void append_attributes(std::string& out, const GumboNode* node) {
  const GumboElement& e = node->v.element;
  bool is_link = e.tag == GUMBO_TAG_A;
  bool rel_written = false;
  for (unsigned i = 0; i < e.attributes.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
    std::string_view name = a->name, value = a->value;
    switch (e.tag) {
      case GUMBO_TAG_A:
      case GUMBO_TAG_SPAN:
        if (name == "class") {
          append_attribute(out, name, allowed_classes(value));
        } else if (name == "translate") {
          if (value == "no") append_attribute(out, name, value);
        } else if (is_link && name == "href") {
          append_attribute(out, name, value);
        } else if (is_link && name == "rel") {
          append_attribute(out, name, "nofollow noopener");
          rel_written = true;
        }
        break;
      case GUMBO_TAG_OL:
        if (name == "start" || name == "reversed") append_attribute(out, name, value);
        break;
      case GUMBO_TAG_LI:
        if (name == "value") append_attribute(out, name, value);
        break;
      default:
        break;
    }
  }
  if (is_link) {
    if (!rel_written) append_attribute(out, "rel", "nofollow noopener");
    append_attribute(out, "target", "_blank");
  }
}

// The text of a link Mastodon will not keep (as Nokogiri's #text), minus the
// contents of dropped elements.
void append_link_text(std::string& out, const GumboNode* link) {
  std::vector<const GumboNode*> stack{link};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (is_text(node)) {
      append_text(out, node->v.text.text, false);
    } else if (node->type == GUMBO_NODE_ELEMENT && treatment_of(node) != Treatment::drop) {
      const GumboVector& children = node->v.element.children;
      for (unsigned i = children.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(children.data[i]));
    }
  }
}

// A step of the walk: a node to write, or literal markup (a closing tag) to
// emit once the node's children are done.
struct Step {
  const GumboNode* node;
  const char* markup;
};

void push_children(std::vector<Step>& stack, const GumboNode* node) {
  const GumboVector& children = node->v.element.children;
  for (unsigned i = children.length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(children.data[i]), nullptr});
}

const char* closing_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: return "</p>";
    case GUMBO_TAG_SPAN: return "</span>";
    case GUMBO_TAG_A: return "</a>";
    case GUMBO_TAG_DEL: return "</del>";
    case GUMBO_TAG_S: return "</s>";
    case GUMBO_TAG_PRE: return "</pre>";
    case GUMBO_TAG_BLOCKQUOTE: return "</blockquote>";
    case GUMBO_TAG_CODE: return "</code>";
    case GUMBO_TAG_B: return "</b>";
    case GUMBO_TAG_STRONG: return "</strong>";
    case GUMBO_TAG_U: return "</u>";
    case GUMBO_TAG_I: return "</i>";
    case GUMBO_TAG_EM: return "</em>";
    case GUMBO_TAG_UL: return "</ul>";
    case GUMBO_TAG_OL: return "</ol>";
    case GUMBO_TAG_LI: return "</li>";
    case GUMBO_TAG_RUBY: return "</ruby>";
    case GUMBO_TAG_RT: return "</rt>";
    case GUMBO_TAG_RP: return "</rp>";
    default: return nullptr;  // br: void
  }
}

void write_element(std::string& out, std::vector<Step>& stack, const GumboNode* node) {
  const GumboElement& e = node->v.element;
  switch (treatment_of(node)) {
    case Treatment::drop:
      return;
    case Treatment::unwrap:
      push_children(stack, node);
      return;
    case Treatment::unwrap_gap:
      out += ' ';
      stack.push_back({nullptr, " "});
      push_children(stack, node);
      return;
    case Treatment::heading:
      out += "<p><strong>";
      stack.push_back({nullptr, "</strong></p>"});
      push_children(stack, node);
      return;
    case Treatment::link: {
      const GumboAttribute* href = attribute(node, "href");
      if (!href || !allowed_href(href->value)) {
        append_link_text(out, node);
        return;
      }
      break;
    }
    case Treatment::keep:
      break;
  }
  out += '<';
  out += gumbo_normalized_tagname(e.tag);
  append_attributes(out, node);
  out += '>';
  const char* close = closing_tag(e.tag);
  if (!close) return;
  // The parser drops a newline right after <pre>; write one back so the
  // content's own leading newline survives a second parse.
  if (e.tag == GUMBO_TAG_PRE && e.children.length > 0) {
    const auto* first = static_cast<const GumboNode*>(e.children.data[0]);
    if (is_text(first) && first->v.text.text[0] == '\n') out += '\n';
  }
  stack.push_back({nullptr, close});
  push_children(stack, node);
}

// The input up to its kMaxSanitizedStartTags-th start tag ("<" then a letter).
std::string_view bounded(std::string_view html) {
  size_t tags = 0;
  for (size_t i = html.find('<'); i != std::string_view::npos && i + 1 < html.size(); i = html.find('<', i + 1)) {
    char c = html[i + 1];
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter && ++tags > kMaxSanitizedStartTags) return html.substr(0, i);
  }
  return html;
}

}  // namespace

std::string sanitize_remote_html(std::string_view html) {
  html = bounded(html);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // nobody reads the parse errors
  options.fragment_context = GUMBO_TAG_BODY;
  options.fragment_namespace = GUMBO_NAMESPACE_HTML;
  auto destroy = [&options](GumboOutput* output) { gumbo_destroy_output(&options, output); };
  std::unique_ptr<GumboOutput, decltype(destroy)> output(
      gumbo_parse_with_options(&options, html.empty() ? "" : html.data(), html.size()), destroy);

  std::string out;
  out.reserve(html.size());
  std::vector<Step> stack;
  // In fragment mode the root <html> holds the fragment's nodes.
  push_children(stack, output->root);
  while (!stack.empty()) {
    Step step = stack.back();
    stack.pop_back();
    if (step.markup) {
      out += step.markup;
    } else if (is_text(step.node)) {
      append_text(out, step.node->v.text.text, false);
    } else if (step.node->type == GUMBO_NODE_ELEMENT) {
      write_element(out, stack, step.node);
    }
    // Comments, templates and the document node write nothing.
  }
  return out;
}

}  // namespace agora::text
