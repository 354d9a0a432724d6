#include "model/domain_block.h"

namespace agora::model {

bool DomainBlock::stricter_than(const DomainBlock& other) const {
  if (severity == "suspend") return true;
  if (other.severity == "suspend" && (severity == "silence" || severity == "noop")) return false;
  if (other.severity == "silence" && severity == "noop") return false;
  return (reject_media || !other.reject_media) && (reject_reports || !other.reject_reports);
}

}  // namespace agora::model
