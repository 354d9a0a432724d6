// The answer when the disk (or the database's) is full: 507, as WebDAV and
// Rails' servers answer; nothing was written, and the write can be retried
// once the operator frees space.
#pragma once
#include "core/errors.h"

namespace agora {

inline Error storage_full() { return {507, "The server has no space left to store this; please try again later"}; }

}  // namespace agora
