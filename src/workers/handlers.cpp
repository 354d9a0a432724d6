#include "workers/handlers.h"

namespace agora::workers {

HandlerRegistry all_handlers() {
  return {
      {"send_mail", send_mail},
  };
}

}  // namespace agora::workers
