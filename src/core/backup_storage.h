// Where `agora backup … s3://BUCKET/PREFIX` reaches its bucket: the
// AGORA_BACKUP_S3_* settings, each falling back to the media storage's
// AGORA_S3_* one, so an instance keeping its files on disk can back up to S3.
#pragma once
#include <map>
#include <string>

#include "core/config.h"

namespace agora {

// Endpoint, region, credentials and URL style for backups (no bucket: that comes from the location).
ObjectStorageSettings backup_bucket_storage(const Config& config, const std::map<std::string, std::string>& variables);

}  // namespace agora
