#include "core/languages.h"

#include <algorithm>
#include <array>

namespace agora {

namespace {

// Sorted, for binary search.
constexpr std::array<std::string_view, 215> kLanguages = {
    "aa",    "ab",    "ae",    "af",    "ak",    "am",    "an",    "ar",    "as",    "ast",   "av",    "ay",
    "az",    "ba",    "be",    "bg",    "bh",    "bi",    "bm",    "bn",    "bo",    "br",    "bs",    "ca",
    "ce",    "ch",    "chr",   "ckb",   "cnr",   "co",    "cr",    "cs",    "csb",   "cu",    "cv",    "cy",
    "da",    "de",    "dv",    "dz",    "ee",    "el",    "en",    "en-GB", "eo",    "es",    "es-AR", "es-MX",
    "et",    "eu",    "fa",    "ff",    "fi",    "fj",    "fo",    "fr",    "fy",    "ga",    "gd",    "gl",
    "gn",    "gsw",   "gu",    "gv",    "ha",    "he",    "hi",    "ho",    "hr",    "ht",    "hu",    "hy",
    "hz",    "ia",    "id",    "ie",    "ig",    "ii",    "ik",    "io",    "is",    "it",    "iu",    "ja",
    "jbo",   "jv",    "ka",    "kab",   "kg",    "ki",    "kj",    "kk",    "kl",    "km",    "kmr",   "kn",
    "ko",    "kr",    "ks",    "ku",    "kv",    "kw",    "ky",    "la",    "lb",    "ldn",   "lfn",   "lg",
    "li",    "ln",    "lo",    "lt",    "lu",    "lv",    "mg",    "mh",    "mi",    "mk",    "ml",    "mn",
    "moh",   "mr",    "ms",    "mt",    "my",    "na",    "nb",    "nd",    "nds",   "ne",    "ng",    "nl",
    "nn",    "no",    "nr",    "nv",    "ny",    "oc",    "oj",    "om",    "or",    "os",    "pa",    "pdc",
    "pi",    "pl",    "ps",    "pt",    "pt-BR", "pt-PT", "qu",    "rm",    "rn",    "ro",    "ru",    "rw",
    "sa",    "sc",    "sco",   "sd",    "se",    "sg",    "si",    "sk",    "sl",    "sm",    "sma",   "smj",
    "sn",    "so",    "sq",    "sr",    "ss",    "st",    "su",    "sv",    "sw",    "szl",   "ta",    "te",
    "tg",    "th",    "ti",    "tk",    "tl",    "tn",    "to",    "tok",   "tr",    "ts",    "tt",    "tw",
    "ty",    "ug",    "uk",    "ur",    "uz",    "vai",   "ve",    "vi",    "vo",    "wa",    "wo",    "xal",
    "xh",    "yi",    "yo",    "za",    "zba",   "zgh",   "zh",    "zh-CN", "zh-HK", "zh-TW", "zh-YUE",
};

}  // namespace

bool supported_language(std::string_view code) {
  static_assert(std::ranges::is_sorted(kLanguages));
  return std::ranges::binary_search(kLanguages, code);
}

}  // namespace agora
