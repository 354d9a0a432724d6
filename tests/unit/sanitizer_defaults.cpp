// The unit tests run with the sanitized build's options, like the server.
#include "app/sanitizer_defaults.h"
