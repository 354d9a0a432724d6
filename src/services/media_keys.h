// Storage keys of media attachments, laid out as Mastodon's
// ("media_attachments/files/109/440/144/147/845/621/original/945cabcd0922714d.png").
#pragma once
#include <cstdint>
#include <string>

namespace agora::services::attachments {

// kind: files or thumbnails; style: original or small.
std::string media_key(const std::string& kind, int64_t id, const std::string& style, const std::string& extension);
// A rendition of an upload: named after the upload's (secret) key, so
// processing the same upload again writes the same files instead of leaving
// those of an interrupted run behind.
std::string rendition_key(const std::string& upload_key, int64_t id, const std::string& style,
                          const std::string& extension);
// Where an upload waits for processing; its extension is never served.
std::string upload_key(int64_t id);

}  // namespace agora::services::attachments
