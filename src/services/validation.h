// Collects field errors the way Mastodon reports them: one 422 whose message
// is "Validation failed: Username has already been taken, …" and whose
// details map each field to [{"error": "ERR_TAKEN", "description": "…"}].
#pragma once
#include <string>
#include <vector>

#include "core/errors.h"

namespace agora::services {

class Validation {
 public:
  // label: the attribute as Mastodon words it ("Username"); code: ERR_BLANK,
  // ERR_TAKEN, ERR_INVALID, ERR_TOO_LONG, ERR_TOO_SHORT, ERR_RESERVED, ERR_ACCEPTED…
  void add(std::string field, std::string label, std::string code, std::string description);
  bool ok() const { return errors_.empty(); }
  // Throws Error 422 if anything was added. Only account registration sends
  // the per-field `details`; other Mastodon endpoints send the message alone.
  void throw_if_failed(bool with_details = true) const;

 private:
  struct FieldError {
    std::string field, label, code, description;
  };
  std::vector<FieldError> errors_;
};

}  // namespace agora::services
